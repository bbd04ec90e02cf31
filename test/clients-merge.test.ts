import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { insertClient, registerMergeTable } from '../src/server/modules/clients/index.js';
import { countSent, logSent } from '../src/server/platform/notifications/index.js';
import { addStaff, addStore, createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';

describe('client duplicates and merge', () => {
  let t: TestApp;
  let owner: Session;
  let storeId: string;
  const ctx = () => ({ actorId: null, ip: null, requestId: null, now: t.clock.now() });

  beforeAll(async () => {
    t = await createTestApp();
    const b = await setUpBusiness(t);
    owner = b.owner;
    storeId = b.storeId;
    // A later module's table, registered the way appointments or sales will register theirs.
    await sql`create table visits_for_test (id text primary key, client_id text not null)`.execute(t.db.db);
    registerMergeTable('visits_for_test');
  });
  afterAll(() => t.close());

  it('lists likely pairs: same phone, same email, same name + birthday', async () => {
    // The API refuses same-phone/email creates; an import may knowingly create them.
    const [p1, p2, e1, e2] = await withTransaction(t.db.db, async ({ tx }) => [
      await insertClient(tx, { firstName: 'Phone', lastName: 'One', phone: '212 555 0101', homeStoreId: storeId }, ctx()),
      await insertClient(tx, { firstName: 'Phone', lastName: 'Two', phone: '+12125550101', homeStoreId: storeId }, ctx(), {
        checkDuplicates: false,
      }),
      await insertClient(tx, { firstName: 'Mail', lastName: 'One', email: 'same@example.com', homeStoreId: storeId }, ctx()),
      await insertClient(tx, { firstName: 'Mail', lastName: 'Two', email: 'SAME@example.com', homeStoreId: storeId }, ctx(), {
        checkDuplicates: false,
      }),
    ]);
    const n1 = (await owner.post('/api/v1/clients', { firstName: '小明', lastName: '王', birthday: { month: 5, day: 4 } })).json();
    const n2 = (
      await owner.post('/api/v1/clients', { firstName: '小明 ', lastName: '王', birthday: { month: 5, day: 4, year: 1990 } })
    ).json();
    await owner.post('/api/v1/clients', { firstName: '小明', lastName: '王', birthday: { month: 6, day: 4 } });
    const res = await owner.get('/api/v1/clients/duplicates');
    expect(res.statusCode, res.body).toBe(200);
    const pairs = res
      .json()
      .data.map((p: { reasons: string[]; a: { id: string }; b: { id: string } }) => ({ reasons: p.reasons, ids: [p.a.id, p.b.id].sort() }));
    expect(pairs).toEqual([
      { reasons: ['phone'], ids: [p1!.id, p2!.id].sort() },
      { reasons: ['email'], ids: [e1!.id, e2!.id].sort() },
      { reasons: ['name_birthday'], ids: [n1.id, n2.id].sort() },
    ]);
    const desk = (await addStaff(t, owner, { role: 'front_desk', storeIds: [storeId], email: 'desk@lotus.test' })).session;
    expectProblem(await desk.get('/api/v1/clients/duplicates'), 403, 'forbidden');
  });

  it('merges: moves notes, tags, consent, custom values and registered tables; keeps both histories; audited', async () => {
    await owner.post('/api/v1/custom-fields', {
      key: 'nail_shape',
      type: 'choice',
      labels: { en: 'Nail shape' },
      options: [{ value: 'almond' }, { value: 'square' }],
    });
    await owner.post('/api/v1/custom-fields', { key: 'kids', type: 'number', labels: { en: 'Children' } });
    const keep = (
      await owner.post('/api/v1/clients', {
        firstName: 'Lily',
        lastName: 'Chen',
        phone: '646 555 0142',
        tags: ['VIP'],
        customFields: { nail_shape: 'almond' },
        consent: { sms: true },
      })
    ).json();
    const merge = (
      await owner.post('/api/v1/clients', {
        firstName: '丽',
        lastName: '陈',
        email: 'lily.chen@example.com',
        birthday: { month: 3, day: 8, lunar: true },
        tags: ['VIP', '常客'],
        customFields: { nail_shape: 'square', kids: 2 },
        consent: { email: true, wordingVersion: 'e1' },
        health: { allergies: 'Latex' },
        preferences: { allergyReminder: 'Latex' },
      })
    ).json();
    await owner.post(`/api/v1/clients/${merge.id}/notes`, { body: 'from the merged card' });
    await owner.post(`/api/v1/clients/${keep.id}/notes`, { body: 'from the kept card' });
    t.clock.advance(60_000);
    await owner.post(`/api/v1/clients/${merge.id}/consent`, { channel: 'sms', granted: false });
    await t.db.db
      .insertInto('visits_for_test' as never)
      .values({ id: 'v1', client_id: merge.id } as never)
      .execute();

    const preview = await owner.get(`/api/v1/clients/merge/preview?keepId=${keep.id}&mergeId=${merge.id}`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().moves).toMatchObject({ notes: 1, tags: 2, consentHistory: 2, customFields: 2, visits_for_test: 1 });
    expect(preview.json().fills).toEqual(expect.arrayContaining(['email', 'birth_month', 'allergy_reminder', 'health']));

    const mergeVersion = (await owner.get(`/api/v1/clients/${merge.id}`)).json().version;
    expectProblem(
      await owner.post('/api/v1/clients/merge', {
        keepId: keep.id,
        mergeId: merge.id,
        keepVersion: keep.version,
        mergeVersion: mergeVersion + 1,
      }),
      409,
      'stale_version',
    );
    const res = await owner.post('/api/v1/clients/merge', { keepId: keep.id, mergeId: merge.id, keepVersion: keep.version, mergeVersion });
    expect(res.statusCode, res.body).toBe(200);
    const card = res.json().client;
    expect(res.json().moved).toMatchObject({ notes: 1, tags: 1, consentHistory: 2, customFields: 1, visits_for_test: 1 });
    expect(card).toMatchObject({
      id: keep.id,
      firstName: 'Lily',
      phone: '+16465550142',
      email: 'lily.chen@example.com',
      birthday: { month: 3, day: 8, lunar: true },
      tags: ['VIP', '常客'],
      customFields: { nail_shape: 'almond', kids: 2 },
      health: { allergies: 'Latex' },
      preferences: { allergyReminder: 'Latex' },
      version: keep.version + 1,
    });
    // The merged card's opt-out is the latest SMS answer: it wins (the safe side).
    expect(card.consent.sms.granted).toBe(false);
    expect(card.consent.email).toMatchObject({ granted: true, wordingVersion: 'e1' });
    const history = (await owner.get(`/api/v1/clients/${keep.id}/consent`)).json().history;
    expect(history).toHaveLength(3);
    const notes = (await owner.get(`/api/v1/clients/${keep.id}/notes`)).json().data.map((n: { body: string }) => n.body);
    expect(notes.sort()).toEqual(['from the kept card', 'from the merged card']);
    const visit = await t.db.db
      .selectFrom('visits_for_test' as never)
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(visit).toMatchObject({ client_id: keep.id });

    // The merged card stays (never deleted), points at the kept one, and is out of search and duplicates.
    const gone = (await owner.get(`/api/v1/clients/${merge.id}`)).json();
    expect(gone).toMatchObject({ mergedIntoId: keep.id, archived: true });
    const found = (await owner.get(`/api/v1/clients?q=${encodeURIComponent('陈丽')}`)).json().data.map((c: { id: string }) => c.id);
    expect(found).toEqual([]);
    expect((await owner.get('/api/v1/clients?q=chen')).json().data.map((c: { id: string }) => c.id)).toEqual([keep.id]);
    expect((await owner.get('/api/v1/clients?q=lily.chen@')).json().data.map((c: { id: string }) => c.id)).toEqual([keep.id]);
    expectProblem(await owner.patch(`/api/v1/clients/${merge.id}`, { version: gone.version, firstName: 'X' }), 409, 'client_merged');
    expectProblem(
      await owner.post('/api/v1/clients/merge', {
        keepId: keep.id,
        mergeId: merge.id,
        keepVersion: card.version,
        mergeVersion: gone.version,
      }),
      409,
      'client_merged',
    );
    expectProblem(
      await owner.post('/api/v1/clients/merge', { keepId: keep.id, mergeId: keep.id, keepVersion: 1, mergeVersion: 1 }),
      422,
      'merge_same_client',
    );

    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'client.merge').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_id: keep.id });
    const before = JSON.parse(audit[0]!.before!);
    const after = JSON.parse(audit[0]!.after!);
    expect(before.merge).toMatchObject({ id: merge.id, email: 'lily.chen@example.com' });
    expect(before.keep).toMatchObject({ id: keep.id, email: null });
    expect(after).toMatchObject({ mergedId: merge.id, keep: { email: 'lily.chen@example.com' }, moved: { notes: 1, visits_for_test: 1 } });
    expect(audit[0]!.after).not.toContain('Latex"'); // health never in the audit log (allergy_reminder is masked too)
  });

  it('moves other modules’ tables: message log, balance notices, wallet store limits (kept card’s limit wins)', async () => {
    const westId = (await addStore(owner, { name: 'Richmond', timeZone: 'America/Vancouver' })).id;
    const client = async (firstName: string) => (await owner.post('/api/v1/clients', { firstName, lastName: 'Merge' })).json();
    const limit = async (clientId: string, storeIds: string[], reason: string) => {
      const res = await owner.put(`/api/v1/clients/${clientId}/wallet/stores`, { storeIds, reason, version: 0 });
      expect(res.statusCode, res.body).toBe(200);
    };
    const storeLimit = async (clientId: string) => (await owner.get(`/api/v1/clients/${clientId}/wallet`)).json().storeLimit;
    const mergeCards = async (keepId: string, mergeId: string) => {
      const [k, m] = await Promise.all([keepId, mergeId].map(async (id) => (await owner.get(`/api/v1/clients/${id}`)).json()));
      const res = await owner.post('/api/v1/clients/merge', { keepId, mergeId, keepVersion: k.version, mergeVersion: m.version });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().moved as Record<string, number>;
    };

    // A limit only the merged card had moves over, with the messages and notices sent to that card.
    const keep = await client('Ada');
    const merge = await client('Adah');
    await limit(merge.id, [westId], 'prepaid in Richmond');
    const now = t.clock.now();
    const sms = (id: string, clientId: string) => ({
      id,
      clientId,
      storeId,
      kind: 'appointment.booked',
      ref: null,
      channel: 'sms' as const,
      localDate: null,
      at: now - 1000,
    });
    await logSent(t.db.db, [sms('m1', merge.id), sms('m2', merge.id), sms('k1', keep.id)]);
    await t.db.db
      .insertInto('balance_notices')
      .values({
        id: 'n1',
        client_id: merge.id,
        kind: 'balance_reminder',
        subject: 'wallet',
        channels: '["sms"]',
        balance: 500,
        skipped: null,
        created_at: now - 1000,
      })
      .execute();
    const preview = (await owner.get(`/api/v1/clients/merge/preview?keepId=${keep.id}&mergeId=${merge.id}`)).json();
    expect(preview.moves).toMatchObject({ client_message_log: 2, balance_notices: 1, wallet_store_limits: 1 });
    expect(await mergeCards(keep.id, merge.id)).toMatchObject({ client_message_log: 2, balance_notices: 1, wallet_store_limits: 1 });
    expect(await storeLimit(keep.id)).toMatchObject({ storeIds: [westId], reason: 'prepaid in Richmond' });
    expect(await storeLimit(merge.id)).toBeNull();
    const smsSince = (clientId: string) =>
      countSent(t.db.db, { clientId, channel: 'sms', kinds: ['appointment.booked'], since: now - DAY });
    expect(await smsSince(keep.id)).toBe(3); // the frequency cap now sees all three texts
    expect(await smsSince(merge.id)).toBe(0);
    const notices = await t.db.db.selectFrom('balance_notices').select('client_id').where('id', '=', 'n1').execute();
    expect(notices).toEqual([{ client_id: keep.id }]);

    // Both cards limited (one row per client): the kept card's limit stays, the merged card's row goes.
    const keep2 = await client('Bea');
    const merge2 = await client('Beatrice');
    await limit(keep2.id, [storeId], 'prepaid in Flushing');
    await limit(merge2.id, [westId], 'prepaid in Richmond');
    expect(await mergeCards(keep2.id, merge2.id)).toMatchObject({ wallet_store_limits: 0 });
    expect(await storeLimit(keep2.id)).toMatchObject({ storeIds: [storeId], reason: 'prepaid in Flushing', version: 1 });
    const rows = await t.db.db
      .selectFrom('wallet_store_limits')
      .select('client_id')
      .where('client_id', 'in', [keep2.id, merge2.id])
      .execute();
    expect(rows).toEqual([{ client_id: keep2.id }]);
  });
});

const DAY = 24 * 60 * 60 * 1000;
