import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type Session, type TestApp } from './support/app.js';
import { V1 } from './support/checkout.js';
import { aSpaClient, aTemplate, facialTemplate, outbox, type SpaSalon, sellPackage, setUpSpa, signIn } from './support/packages.js';

const DAY = 86_400_000;

describe('progress timeline and the client portal', () => {
  let t: TestApp;
  let s: SpaSalon;
  let amy: Session;
  let dir: string;
  let clientId: string;
  let otherClient: string;
  let pkgId: string;
  const records: string[] = [];
  const photos: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'orchid-timeline-'));
    t.deps.settings.photoDir = dir;
    s = await setUpSpa(t);
    await facialTemplate(s.owner, s.facialCategory);
    amy = await signIn(t, 'amy@lotus.test');
    clientId = await aSpaClient(s.owner, s.storeId, { firstName: 'Grace', language: 'zh-CN' });
    otherClient = await aSpaClient(s.owner, s.storeId, { firstName: 'Other' });
    const tpl = await aTemplate(s.owner, {
      name: '5 Facials',
      items: [{ label: 'Facial', sessions: 5, serviceIds: [s.facial] }],
      price: 50_000,
    });
    pkgId = (await sellPackage(s.desk, s, tpl.id, clientId)).pkg.id;
    const jpeg = (r: number) =>
      sharp({ create: { width: 60, height: 40, channels: 3, background: { r, g: 140, b: 120 } } })
        .jpeg()
        .toBuffer();
    for (const [i, hydration] of [2, 3, 4].entries()) {
      const session = (
        await s.desk.post(`${V1}/client-packages/${pkgId}/redemptions`, { storeId: s.storeId, serviceId: s.facial, staffId: s.amy })
      ).json();
      const rec = await amy.post(`${V1}/treatment-records`, {
        clientId,
        storeId: s.storeId,
        serviceId: s.facial,
        packageSessionId: session.id,
        startedAt: new Date(t.clock.now() - (3 - i) * 14 * DAY).toISOString(),
        metrics: { skinType: 'combination', hydration, oiliness: 5 - i },
        notes: `internal note ${i}`,
        reaction: 'none',
        aftercare: `aftercare ${i}`,
        technique: 'LED',
        nextRecommendedOn: ['2026-10-30', '2026-11-13', '2026-12-11'][i],
        sharedWithClient: i !== 1,
      });
      expect(rec.statusCode, rec.body).toBe(201);
      records.push(rec.json().id);
      if (i !== 1) {
        for (const kind of ['before', 'after']) {
          const res = await t.app.inject({
            method: 'POST',
            url: `${V1}/treatment-records/${rec.json().id}/photos?kind=${kind}`,
            headers: {
              cookie: [...amy.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
              'x-csrf-token': amy.csrfToken!,
              'content-type': 'image/jpeg',
            },
            payload: await jpeg(200 - i * 40),
          });
          expect(res.statusCode, res.body).toBe(201);
          photos[`${i}:${kind}`] = res.json().id;
        }
      }
    }
    const other = await amy.post(`${V1}/treatment-records`, {
      clientId: otherClient,
      storeId: s.storeId,
      serviceId: s.facial,
      sharedWithClient: true,
      notes: 'not hers',
    });
    expect(other.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('staff view', () => {
    it('a technician sees records in order, metric series, the first-vs-latest photo pair, packages and the next date', async () => {
      const res = await amy.get(`${V1}/clients/${clientId}/timeline`);
      expect(res.statusCode, res.body).toBe(200);
      const tl = res.json();
      expect(tl.records.map((r: { id: string }) => r.id)).toEqual(records);
      expect(tl.records[0]).toMatchObject({
        service: { name: 'Deep Cleansing Facial' },
        staff: { id: s.amy },
        packageSession: { packageId: pkgId, sessionNumber: 1 },
        health: { notes: 'internal note 0' },
      });
      const hydration = tl.metrics.find((m: { key: string }) => m.key === 'hydration');
      expect(hydration).toMatchObject({
        type: 'scale',
        min: 1,
        max: 5,
        higherIsBetter: true,
        label: { en: 'Hydration', 'zh-CN': '水润度' },
      });
      expect(hydration.points.map((p: { value: number }) => p.value)).toEqual([2, 3, 4]);
      expect(tl.metrics.find((m: { key: string }) => m.key === 'oiliness').points.map((p: { value: number }) => p.value)).toEqual([
        5, 4, 3,
      ]);
      expect(tl.photoComparison).toMatchObject({
        first: { id: photos['0:before'], kind: 'before' },
        latest: { id: photos['2:after'], kind: 'after' },
      });
      expect(tl.packages).toMatchObject([{ id: pkgId, sessions: { total: 5, used: 3, remaining: 2 } }]);
      expect(tl.nextRecommended).toMatchObject({ date: '2026-12-11', recordId: records[2], overdue: false, booked: null });
      expect(tl.recommendations).toEqual([]);
      const audit = await t.db.db
        .selectFrom('audit_log')
        .select(['actor_id', 'entity_id'])
        .where('action', '=', 'treatment_record.read')
        .where('entity_type', '=', 'client')
        .execute();
      expect(audit).toContainEqual({ actor_id: s.amy, entity_id: clientId });
    });

    it('the front desk sees the visits, packages and next date without health content or photos', async () => {
      const tl = (await s.desk.get(`${V1}/clients/${clientId}/timeline`)).json();
      expect(tl.records).toHaveLength(3);
      for (const r of tl.records) {
        expect(r).not.toHaveProperty('health');
        expect(r).not.toHaveProperty('photos');
      }
      expect(tl).not.toHaveProperty('metrics');
      expect(tl).not.toHaveProperty('photoComparison');
      expect(tl.nextRecommended.date).toBe('2026-12-11');
    });

    it('a package’s timeline: its sessions with their records', async () => {
      const tl = (await amy.get(`${V1}/client-packages/${pkgId}/timeline`)).json();
      expect(tl.sessions.map((x: { sessionNumber: number; recordId: string }) => [x.sessionNumber, x.recordId])).toEqual([
        [1, records[0]],
        [2, records[1]],
        [3, records[2]],
      ]);
      expect(tl.records).toHaveLength(3);
      expect(tl.packages[0].sessions.remaining).toBe(2);
    });

    it('an accountant cannot read timelines', async () => {
      const { addStaff } = await import('./support/app.js');
      const acc = await addStaff(t, s.owner, { role: 'accountant', storeIds: [s.storeId], email: 'acc@lotus.test' });
      expectProblem(await acc.session.get(`${V1}/clients/${clientId}/timeline`), 403, 'forbidden');
    });
  });

  describe('client portal', () => {
    const inject = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    let token: string;

    it('signs in with a one-time code (her language); a wrong code counts a try; an unknown phone gets 202 and nothing is sent', async () => {
      const client = (await s.owner.get(`${V1}/clients/${clientId}`)).json();
      const before = (await outbox(t)).length;
      expect((await inject('POST', `${V1}/portal/codes`, { phone: '+12125559999' })).statusCode).toBe(202);
      expect((await outbox(t)).length).toBe(before);
      const asked = await inject('POST', `${V1}/portal/codes`, { phone: client.phone });
      expect(asked.statusCode, asked.body).toBe(202);
      const msg = (await outbox(t)).at(-1)!;
      expect(msg.to).toBe(client.phone);
      expect(msg.text).toContain('验证码');
      const code = msg.text.match(/\d{6}/)![0];
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      const bad = expectProblem(
        await inject('POST', `${V1}/portal/sessions`, { phone: client.phone, code: wrong }),
        422,
        'portal_code_invalid',
      );
      expect(bad.detail).toContain('4');
      const ok = await inject('POST', `${V1}/portal/sessions`, { phone: client.phone, code });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().client).toEqual({ id: clientId, firstName: 'Grace' });
      expect(String(ok.headers['set-cookie'])).toContain('HttpOnly');
      token = ok.json().token;
      // A code works once.
      expectProblem(await inject('POST', `${V1}/portal/sessions`, { phone: client.phone, code }), 422, 'portal_code_expired');
    });

    it('shows her only the records shared with her: metrics, aftercare and photos, never internal notes', async () => {
      const res = await inject('GET', `${V1}/portal/timeline`, undefined, { 'x-portal-token': token });
      expect(res.statusCode, res.body).toBe(200);
      const tl = res.json();
      expect(tl.records.map((r: { id: string }) => r.id)).toEqual([records[0], records[2]]);
      expect(tl.records[0].health).toEqual({ metrics: { skinType: 'combination', hydration: 2, oiliness: 5 }, aftercare: 'aftercare 0' });
      expect(JSON.stringify(tl)).not.toContain('internal note');
      expect(tl.records[0]).not.toHaveProperty('technique');
      expect(tl.records[0].photos[0].url).toMatch(/^\/api\/v1\/portal\/photos\//);
      expect(tl.packages).toMatchObject([{ id: pkgId, sessions: { remaining: 2 } }]);
      expect(tl).not.toHaveProperty('recommendations');
      const photo = await inject('GET', `${V1}/portal/photos/${photos['0:before']}`, undefined, { 'x-portal-token': token });
      expect(photo.statusCode).toBe(200);
      // Her package's timeline; not someone else's.
      expect(
        (await inject('GET', `${V1}/portal/packages/${pkgId}/timeline`, undefined, { 'x-portal-token': token })).json().sessions,
      ).toHaveLength(3);
      const tpl = await aTemplate(s.owner, { name: 'Other 1', items: [{ label: 'F', sessions: 1, serviceIds: [s.facial] }], price: 1_000 });
      const theirs = (await sellPackage(s.desk, s, tpl.id, otherClient)).pkg.id;
      expectProblem(
        await inject('GET', `${V1}/portal/packages/${theirs}/timeline`, undefined, { 'x-portal-token': token }),
        404,
        'not_found',
      );
    });

    it('401 without a session, and after signing out', async () => {
      expectProblem(await inject('GET', `${V1}/portal/timeline`), 401, 'portal_signin_required');
      expect((await inject('POST', `${V1}/portal/sign-out`, {}, { 'x-portal-token': token })).statusCode).toBe(204);
      expectProblem(await inject('GET', `${V1}/portal/timeline`, undefined, { 'x-portal-token': token }), 401, 'portal_signin_required');
    });

    it('limits code requests per destination', async () => {
      const client = (await s.owner.get(`${V1}/clients/${otherClient}`)).json();
      const codes = [];
      for (let i = 0; i < 6; i++)
        codes.push((await inject('POST', `${V1}/portal/codes`, { email: client.email }, { 'x-forwarded-for': `10.0.0.${i}` })).statusCode);
      expect(codes.slice(0, 3)).toEqual([202, 202, 202]);
      expect(codes.at(-1)).toBe(429);
    });
  });
});
