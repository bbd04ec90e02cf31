import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { insertClients } from '../src/server/modules/clients/index.js';
import { addStaff, addStore, createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';

describe('clients: create, read, edit, scope, consent, custom fields', () => {
  let t: TestApp;
  let owner: Session;
  let storeA: string;
  let storeB: string;
  let techA: Session;
  let deskA: Session;
  let techB: Session;

  beforeAll(async () => {
    t = await createTestApp();
    const b = await setUpBusiness(t);
    owner = b.owner;
    storeA = b.storeId;
    storeB = (await addStore(owner, { name: 'Richmond', timeZone: 'America/Vancouver', currency: 'CAD' })).id;
    techA = (await addStaff(t, owner, { role: 'technician', storeIds: [storeA], email: 'tech.a@lotus.test' })).session;
    deskA = (await addStaff(t, owner, { role: 'front_desk', storeIds: [storeA], email: 'desk.a@lotus.test' })).session;
    techB = (await addStaff(t, owner, { role: 'technician', storeIds: [storeB], email: 'tech.b@lotus.test' })).session;
  });
  afterAll(() => t.close());

  it('creates a client with a normalised phone and email, and reads it back', async () => {
    const res = await owner.post('/api/v1/clients', {
      firstName: 'Mary',
      lastName: "O'Brien",
      phone: '(415) 555-0134',
      email: ' Mary.OBrien@Example.com ',
      birthday: { month: 2, day: 29 },
      language: 'en',
      tags: ['VIP', 'Gel lover'],
      preferences: { pressure: 'firm', focusAreas: ['neck'], allergyReminder: 'Latex: nitrile gloves' },
      consent: { sms: true, email: false, wordingVersion: 'sms-v1' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      firstName: 'Mary',
      lastName: "O'Brien",
      phone: '+14155550134',
      phoneDisplay: '(415) 555-0134',
      email: 'mary.obrien@example.com',
      birthday: { month: 2, day: 29, year: null, lunar: false },
      homeStoreId: storeA,
      tags: ['Gel lover', 'VIP'],
      preferences: { pressure: 'firm', focusAreas: ['neck'], allergyReminder: 'Latex: nitrile gloves', favouriteStaffId: null },
      consent: { sms: { granted: true, source: 'front_desk', wordingVersion: 'sms-v1' }, email: { granted: false } },
      version: 1,
      archived: false,
    });
    const got = await owner.get(`/api/v1/clients/${c.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ id: c.id, email: 'mary.obrien@example.com', tags: ['Gel lover', 'VIP'] });
    const audit = await t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'client.create')
      .where('entity_id', '=', c.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('reads a Vancouver store number in Canada', async () => {
    const res = await owner.post('/api/v1/clients', { firstName: 'Lily', lastName: 'Chen', phone: '604.555.0199', homeStoreId: storeB });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ phone: '+16045550199', homeStoreId: storeB });
  });

  it('answers 422 invalid_phone / invalid_email with the field path, writing nothing', async () => {
    const before = await t.db.db
      .selectFrom('clients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const phone = expectProblem(
      await owner.post('/api/v1/clients', { firstName: 'Bad', lastName: 'Phone', phone: '555-01' }),
      422,
      'invalid_phone',
    );
    expect(phone.errors).toEqual([expect.objectContaining({ path: 'phone' })]);
    const email = expectProblem(
      await owner.post('/api/v1/clients', { firstName: 'Bad', lastName: 'Email', email: 'nobody@' }),
      422,
      'invalid_email',
    );
    expect(email.errors).toEqual([expect.objectContaining({ path: 'email' })]);
    const zh = await owner.request('POST', '/api/v1/clients', { firstName: 'Bad', phone: 'abc' }, { 'accept-language': 'zh-CN' });
    expect(zh.json().title).toBe('电话号码无效');
    const after = await t.db.db
      .selectFrom('clients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expectProblem(await owner.post('/api/v1/clients', { firstName: 'X', unknownField: 1 }), 400, 'validation_failed');
    expectProblem(await owner.post('/api/v1/clients', { firstName: 'X', birthday: { month: 2, day: 30 } }), 400, 'validation_failed');
  });

  it('refuses a same-phone or same-email client with 409 client_exists and the existing id', async () => {
    const first = (
      await owner.post('/api/v1/clients', { firstName: 'Anna', lastName: 'Lee', phone: '212-555-0111', email: 'anna@example.com' })
    ).json();
    const samePhone = expectProblem(
      await owner.post('/api/v1/clients', { firstName: 'Ann', lastName: 'Lee', phone: '+1 (212) 555 0111' }),
      409,
      'client_exists',
    );
    expect(samePhone.existingId).toBe(first.id);
    expect(samePhone.matchedOn).toBe('phone');
    const sameEmail = expectProblem(
      await owner.post('/api/v1/clients', { firstName: 'Ann', lastName: 'Lee', email: 'ANNA@example.com' }),
      409,
      'client_exists',
    );
    expect(sameEmail.existingId).toBe(first.id);
  });

  it('edits with optimistic concurrency: a stale version is 409 stale_version', async () => {
    const c = (await owner.post('/api/v1/clients', { firstName: 'Grace', lastName: 'Kim' })).json();
    const ok = await owner.patch(`/api/v1/clients/${c.id}`, {
      version: 1,
      preferredName: 'Gracie',
      phone: '718 555 0122',
      tags: ['Regular'],
      preferences: { pressure: 'light' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      version: 2,
      preferredName: 'Gracie',
      phone: '+17185550122',
      tags: ['Regular'],
      preferences: { pressure: 'light' },
    });
    expectProblem(await owner.patch(`/api/v1/clients/${c.id}`, { version: 1, firstName: 'Late' }), 409, 'stale_version');
    const cleared = await owner.patch(`/api/v1/clients/${c.id}`, { version: 2, preferredName: null, phone: null });
    expect(cleared.json()).toMatchObject({ version: 3, preferredName: null, phone: null });
    expect((await owner.get(`/api/v1/clients/${c.id}`)).json().firstName).toBe('Grace');
    expectProblem(await owner.patch(`/api/v1/clients/${c.id}`, { version: 3, email: 'bad' }), 422, 'invalid_email');
  });

  it('archives and restores, never deletes', async () => {
    const c = (await owner.post('/api/v1/clients', { firstName: 'Zed', lastName: 'Archive' })).json();
    const archived = await owner.post(`/api/v1/clients/${c.id}/archive`, { version: 1 });
    expect(archived.json()).toMatchObject({ archived: true, version: 2 });
    expect((await owner.get('/api/v1/clients?q=zed')).json().data).toHaveLength(0);
    expect((await owner.get('/api/v1/clients?q=zed&includeArchived=true')).json().data).toHaveLength(1);
    expect((await owner.post(`/api/v1/clients/${c.id}/restore`)).json()).toMatchObject({ archived: false, version: 3 });
  });

  it('scopes clients to the stores a person works at: another store’s client is 404', async () => {
    const inA = (await owner.post('/api/v1/clients', { firstName: 'Store', lastName: 'Alpha', homeStoreId: storeA })).json();
    const inB = (await owner.post('/api/v1/clients', { firstName: 'Store', lastName: 'Beta', homeStoreId: storeB })).json();
    expect((await techA.get(`/api/v1/clients/${inA.id}`)).statusCode).toBe(200);
    expectProblem(await techA.get(`/api/v1/clients/${inB.id}`), 404, 'not_found');
    expectProblem(await techB.get(`/api/v1/clients/${inA.id}`), 404, 'not_found');
    const list = (await techA.get('/api/v1/clients?q=store')).json().data.map((c: { lastName: string }) => c.lastName);
    expect(list).toEqual(['Alpha']);
    expect((await owner.get('/api/v1/clients?q=store')).json().data).toHaveLength(2);
    // A front desk may not file a client under a store they do not work at.
    expectProblem(await deskA.post('/api/v1/clients', { firstName: 'X', homeStoreId: storeB }), 403, 'store_forbidden');
    expectProblem(await techA.post('/api/v1/clients', { firstName: 'X' }), 403, 'forbidden');
  });

  it('lists without a query in name order with a cursor', async () => {
    const first = await owner.get('/api/v1/clients?limit=2');
    expect(first.json().data).toHaveLength(2);
    const next = await owner.get(`/api/v1/clients?limit=2&cursor=${first.json().nextCursor}`);
    const seen = [...first.json().data, ...next.json().data].map((c: { id: string }) => c.id);
    expect(new Set(seen).size).toBe(4);
  });

  it('keeps marketing consent as a history; anyone who sees the client can record an opt-out', async () => {
    const c = (
      await owner.post('/api/v1/clients', {
        firstName: 'Opt',
        lastName: 'Out',
        phone: '347-555-0150',
        consent: { sms: true, wordingVersion: 'sms-v1' },
      })
    ).json();
    expectProblem(await techA.post(`/api/v1/clients/${c.id}/consent`, { channel: 'sms', granted: true }), 403, 'forbidden');
    t.clock.advance(60_000);
    const out = await techA.post(`/api/v1/clients/${c.id}/consent`, { channel: 'sms', granted: false });
    expect(out.statusCode, out.body).toBe(201);
    expect(out.json().sms).toMatchObject({ granted: false, source: 'front_desk' });
    t.clock.advance(60_000);
    await owner.post(`/api/v1/clients/${c.id}/consent`, { channel: 'email', granted: true, source: 'online', wordingVersion: 'email-v2' });
    const view = (await owner.get(`/api/v1/clients/${c.id}/consent`)).json();
    expect(view.history.map((h: { channel: string; granted: boolean }) => `${h.channel}:${h.granted}`)).toEqual([
      'email:true',
      'sms:false',
      'sms:true',
    ]);
    expect(view.email).toMatchObject({ granted: true, source: 'online', wordingVersion: 'email-v2' });
    expect((await owner.get(`/api/v1/clients/${c.id}`)).json().consent.sms.granted).toBe(false);
  });

  it('keeps a notes timeline with author and time', async () => {
    const c = (await owner.post('/api/v1/clients', { firstName: 'Note', lastName: 'Taker' })).json();
    await deskA.post(`/api/v1/clients/${c.id}/notes`, { body: 'Prefers almond shape' });
    t.clock.advance(1000);
    const second = await owner.post(`/api/v1/clients/${c.id}/notes`, { body: '喜欢淡色系' });
    expect(second.statusCode).toBe(201);
    const notes = (await techA.get(`/api/v1/clients/${c.id}/notes`)).json().data;
    expect(notes.map((n: { body: string }) => n.body)).toEqual(['喜欢淡色系', 'Prefers almond shape']);
    expect(notes[1]).toMatchObject({ authorName: 'desk.a', createdAt: expect.stringMatching(/^2026-11-27T/) });
    expectProblem(await techA.post(`/api/v1/clients/${c.id}/notes`, { body: 'x' }), 403, 'forbidden');
  });

  it('lists tags with counts', async () => {
    const tags = (await owner.get('/api/v1/tags')).json().data;
    expect(tags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'VIP', clientCount: 1 }),
        expect.objectContaining({ name: 'Regular', clientCount: 1 }),
      ]),
    );
    expect((await owner.get('/api/v1/clients?tag=vip')).json().data.map((c: { firstName: string }) => c.firstName)).toEqual(['Mary']);
  });

  it('creates many clients at once: a bad row is reported, the others go in (importer path)', async () => {
    const ctx = { actorId: null, ip: null, requestId: null, now: t.clock.now() };
    const results = await withTransaction(t.db.db, ({ tx }) =>
      insertClients(
        tx,
        [
          {
            firstName: 'Batch',
            lastName: 'One',
            phone: '917 555 0161',
            email: 'batch1@example.com',
            homeStoreId: storeA,
            tags: ['Imported', 'VIP'],
          },
          { firstName: 'Batch', lastName: 'Bad', phone: 'n/a', homeStoreId: storeA },
          { firstName: 'Batch', lastName: 'Twin', phone: '+1 917-555-0161', homeStoreId: storeA },
          { firstName: 'Batch', lastName: 'Known', email: 'ANNA@example.com', homeStoreId: storeA },
          {
            firstName: '批量',
            lastName: '王',
            homeStoreId: storeB,
            consents: [{ channel: 'sms', granted: true, at: Date.UTC(2024, 0, 2), source: 'import' }],
          },
        ],
        ctx,
        { audit: false },
      ),
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'invalid_phone', 'client_exists', 'client_exists', 'ok']);
    const [first, , twin] = results;
    expect(twin!.ok === false && twin!.error.extra).toEqual({ existingId: first!.ok && first!.client.id, matchedOn: 'phone' });
    const one = (await owner.get(`/api/v1/clients/${first!.ok && first!.client.id}`)).json();
    expect(one).toMatchObject({ phone: '+19175550161', email: 'batch1@example.com', tags: ['Imported', 'VIP'] });
    const wang = results[4]!.ok ? results[4]!.client.id : '';
    expect((await owner.get(`/api/v1/clients/${wang}`)).json().consent.sms).toMatchObject({
      granted: true,
      source: 'import',
      at: '2024-01-02T00:00:00.000Z',
    });
    expect((await owner.get('/api/v1/clients?q=pl')).json().data.map((c: { id: string }) => c.id)).toContain(wang);
  });

  it('validates HQ custom fields on create and update', async () => {
    expectProblem(await deskA.post('/api/v1/custom-fields', { key: 'x', type: 'text', labels: { en: 'X' } }), 403, 'forbidden');
    const hair = await owner.post('/api/v1/custom-fields', {
      key: 'hair_type',
      type: 'choice',
      required: true,
      labels: { en: 'Hair type', 'zh-CN': '发质', 'zh-TW': '髮質' },
      options: [{ value: 'fine' }, { value: 'thick' }],
    });
    expect(hair.statusCode, hair.body).toBe(201);
    await owner.post('/api/v1/custom-fields', { key: 'kids', type: 'number', labels: { en: 'Children' } });
    await owner.post('/api/v1/custom-fields', { key: 'wedding', type: 'date', labels: { en: 'Wedding day' } });
    expectProblem(
      await owner.post('/api/v1/custom-fields', { key: 'kids', type: 'text', labels: { en: 'Again' } }),
      409,
      'custom_field_key_taken',
    );
    expect((await deskA.get('/api/v1/custom-fields')).json().data.map((f: { key: string }) => f.key)).toEqual([
      'hair_type',
      'kids',
      'wedding',
    ]);

    const missing = expectProblem(await owner.post('/api/v1/clients', { firstName: 'Cf', lastName: 'One' }), 400, 'validation_failed');
    expect(missing.errors).toEqual([expect.objectContaining({ path: 'customFields.hair_type' })]);
    const wrong = expectProblem(
      await owner.post('/api/v1/clients', { firstName: 'Cf', customFields: { hair_type: 'fine', kids: 'two', wedding: '2026-13-01' } }),
      400,
      'validation_failed',
    );
    expect(wrong.errors.map((e: { path: string }) => e.path).sort()).toEqual(['customFields.kids', 'customFields.wedding']);
    const ok = await owner.post('/api/v1/clients', { firstName: 'Cf', lastName: 'Two', customFields: { hair_type: 'fine', kids: 2 } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().customFields).toEqual({ hair_type: 'fine', kids: 2 });
    const upd = await owner.patch(`/api/v1/clients/${ok.json().id}`, { version: 1, customFields: { kids: null, wedding: '2020-06-01' } });
    expect(upd.json().customFields).toEqual({ hair_type: 'fine', wedding: '2020-06-01' });
    expectProblem(
      await owner.patch(`/api/v1/clients/${ok.json().id}`, { version: 2, customFields: { hair_type: 'curly' } }),
      400,
      'validation_failed',
    );
    // A field made required later does not block other edits of older cards; the type never changes.
    const field = hair.json();
    expectProblem(await owner.patch(`/api/v1/custom-fields/${field.id}`, { version: 1, type: 'text' }), 422, 'custom_field_type_fixed');
    const archived = await owner.patch(`/api/v1/custom-fields/${field.id}`, { version: 1, archived: true });
    expect(archived.json()).toMatchObject({ archived: true, version: 2 });
    expect((await owner.post('/api/v1/clients', { firstName: 'Cf', lastName: 'Three' })).statusCode).toBe(201);
  });
});
