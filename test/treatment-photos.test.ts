import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, Session, type TestApp } from './support/app.js';
import { V1 } from './support/checkout.js';
import { aSpaClient, facialTemplate, outbox, type SpaSalon, setUpSpa, signIn } from './support/packages.js';

const DAY = 86_400_000;
const solid = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: '#c98f74' } });

describe('treatment photos', () => {
  let t: TestApp;
  let s: SpaSalon;
  let amy: Session;
  let bo: Session;
  let dir: string;
  let clientId: string;
  let recordId: string;
  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'orchid-photos-'));
    t.deps.settings.photoDir = dir;
    s = await setUpSpa(t);
    await facialTemplate(s.owner, s.facialCategory);
    amy = await signIn(t, 'amy@lotus.test');
    bo = await signIn(t, 'bo@lotus.test');
    clientId = await aSpaClient(s.owner, s.storeId);
    const rec = await amy.post(`${V1}/treatment-records`, {
      clientId,
      storeId: s.storeId,
      serviceId: s.facial,
      metrics: { hydration: 2 },
      notes: 'internal',
      aftercare: 'SPF daily',
    });
    expect(rec.statusCode, rec.body).toBe(201);
    recordId = rec.json().id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sessionHeaders = (session: Session) => ({
    cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': session.csrfToken ?? '',
    'accept-language': 'en',
  });
  const post = (session: Session, body: Buffer, kind = 'before', type = 'image/jpeg', id = recordId) =>
    t.app.inject({
      method: 'POST',
      url: `${V1}/treatment-records/${id}/photos?kind=${kind}`,
      headers: { ...sessionHeaders(session), 'content-type': type },
      payload: body,
    });

  it('turns a phone photo upright and strips its metadata (EXIF, GPS, camera), with a thumbnail', async () => {
    const phone = await solid(900, 600)
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'PhoneCam', Copyright: 'Home address here' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(phone).metadata()).orientation).toBe(6);
    const res = await post(amy, phone);
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json();
    expect(photo).toMatchObject({ recordId, kind: 'before', width: 600, height: 900, url: `/api/v1/treatment-photos/${photo.id}` });
    const full = await amy.get(photo.url);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(full.rawPayload).metadata();
    expect({ width: meta.width, height: meta.height, orientation: meta.orientation, exif: meta.exif, icc: meta.icc }).toEqual({
      width: 600,
      height: 900,
      orientation: undefined,
      exif: undefined,
      icc: undefined,
    });
    const thumb = await amy.get(photo.thumbUrl);
    expect(thumb.statusCode).toBe(200);
    const tm = await sharp(thumb.rawPayload).metadata();
    expect({ width: tm.width, height: tm.height }).toEqual({ width: 267, height: 400 });
    // Stored under the photo directory, by year and month.
    expect(readdirSync(join(dir, '2026', '11')).sort()).toEqual([`${photo.id}.jpg`, `${photo.id}.thumb.jpg`]);
  });

  it('takes PNG (transparency flattened), WebP and AVIF, raw or as multipart', async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 200, g: 150, b: 120, alpha: 0.5 } } })
      .png()
      .toBuffer();
    expect((await post(amy, png, 'after', 'image/png')).statusCode).toBe(201);
    expect((await post(amy, await solid(80, 60).webp().toBuffer(), 'after', 'image/webp')).statusCode).toBe(201);
    expect((await post(amy, await solid(80, 60).avif().toBuffer(), 'other', 'image/avif')).statusCode).toBe(201);
    const boundary = '----orchid';
    const jpeg = await solid(120, 90).jpeg().toBuffer();
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="face.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      jpeg,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await post(amy, body, 'after', `multipart/form-data; boundary=${boundary}`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ width: 120, height: 90, kind: 'after' });
  });

  it('415 for what is not a photo (whatever its label), 413 above 10 MB', async () => {
    expectProblem(await post(amy, Buffer.from('name,phone\nAmy,555'), 'before', 'image/jpeg'), 415, 'photo_type_unsupported');
    expectProblem(
      await post(amy, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2_000, 7)])),
      415,
      'photo_type_unsupported',
    );
    expectProblem(await post(amy, Buffer.from('%PDF-1.7 …'), 'before', 'application/pdf'), 415, 'photo_type_unsupported');
    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const body = expectProblem(await post(amy, huge), 413, 'photo_too_large');
    expect(body.detail).toContain('10 MB');
    const zh = await t.app.inject({
      method: 'POST',
      url: `${V1}/treatment-records/${recordId}/photos`,
      headers: { ...sessionHeaders(amy), 'content-type': 'text/plain', 'accept-language': 'zh-TW' },
      payload: 'hello',
    });
    expect(expectProblem(zh, 415, 'photo_type_unsupported').title).toBe('不支援此檔案格式');
  });

  it('only the author adds photos, within 24 hours', async () => {
    const jpeg = await solid(50, 50).jpeg().toBuffer();
    expectProblem(await post(bo, jpeg), 403, 'record_not_author');
    const start = t.clock.now();
    t.clock.set(start + DAY + 1);
    try {
      const fresh = new Session(t.app);
      await fresh.login('amy@lotus.test', 'staff-password-1234');
      expectProblem(await post(fresh, jpeg), 409, 'record_locked');
    } finally {
      t.clock.set(start);
    }
  });

  it('shown to roles that see health content only; full-size views are audited', async () => {
    const photo = (await post(amy, await solid(40, 40).jpeg().toBuffer())).json();
    expectProblem(await s.desk.get(photo.url), 403, 'forbidden');
    const before = await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'treatment_photo.view').execute();
    expect((await bo.get(photo.url)).statusCode).toBe(200);
    expect((await bo.get(photo.thumbUrl)).statusCode).toBe(200);
    const after = await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'treatment_photo.view').execute();
    expect(after.length - before.length).toBe(1);
    // The record lists its photos for those who may see them, and not for the front desk.
    expect((await bo.get(`${V1}/treatment-records/${recordId}`)).json().photos.map((p: { id: string }) => p.id)).toContain(photo.id);
    expect((await s.desk.get(`${V1}/treatment-records/${recordId}`)).json()).not.toHaveProperty('photos');
  });

  it('the author removes a photo within the window; the files go too', async () => {
    const photo = (await post(amy, await solid(30, 30).jpeg().toBuffer())).json();
    expectProblem(await bo.delete(`${V1}/treatment-photos/${photo.id}`), 403, 'record_not_author');
    expect((await amy.delete(`${V1}/treatment-photos/${photo.id}`)).statusCode).toBe(204);
    expectProblem(await amy.get(photo.url), 404, 'not_found');
    expect(readdirSync(join(dir, '2026', '11')).some((f) => f.startsWith(photo.id))).toBe(false);
  });

  it('503 when the server has no photo directory', async () => {
    t.deps.settings.photoDir = undefined;
    try {
      expectProblem(await post(amy, await solid(30, 30).jpeg().toBuffer()), 503, 'photo_storage_unavailable');
    } finally {
      t.deps.settings.photoDir = dir;
    }
  });

  it('the client sees the photos of records shared with her on the portal, and no others', async () => {
    const photo = (await post(amy, await solid(30, 30).jpeg().toBuffer(), 'after')).json();
    const client = (await s.owner.get(`${V1}/clients/${clientId}`)).json();
    expect((await t.app.inject({ method: 'POST', url: `${V1}/portal/codes`, payload: { phone: client.phone } })).statusCode).toBe(202);
    const code = (await outbox(t))
      .filter((m) => m.to === client.phone)
      .at(-1)!
      .text.match(/\d{6}/)![0];
    const signed = await t.app.inject({ method: 'POST', url: `${V1}/portal/sessions`, payload: { phone: client.phone, code } });
    expect(signed.statusCode, signed.body).toBe(201);
    const token = signed.json().token as string;
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { 'x-portal-token': token } });
    expectProblem(await get(`${V1}/portal/photos/${photo.id}`), 404, 'not_found');
    const rec = (await amy.get(`${V1}/treatment-records/${recordId}`)).json();
    expect((await amy.patch(`${V1}/treatment-records/${recordId}`, { version: rec.version, sharedWithClient: true })).statusCode).toBe(200);
    const mine = await get(`${V1}/portal/photos/${photo.id}?size=thumb`);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('image/jpeg');
  });
});
