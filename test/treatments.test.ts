import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../src/server/db/tx.js';
import { seedDemoCatalog } from '../src/server/modules/catalog/index.js';
import { seedDemoClients } from '../src/server/modules/clients/index.js';
import { reconcile } from '../src/server/modules/ledgers/index.js';
import { runNextSessionReminders, seedDemoPackages } from '../src/server/modules/treatments/index.js';
import { createFieldCipher } from '../src/server/platform/crypto.js';
import { addStaff, createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';
import { bookingWorld, oneService } from './support/appointments.js';
import { key, V1 } from './support/checkout.js';
import { aSpaClient, aTemplate, facialTemplate, outbox, type SpaSalon, sellPackage, setUpSpa, signIn } from './support/packages.js';

const DAY = 86_400_000;

describe('treatment records', () => {
  let t: TestApp;
  let s: SpaSalon;
  let amy: Session;
  let bo: Session;
  let template: { id: string };
  beforeAll(async () => {
    t = await createTestApp();
    s = await setUpSpa(t);
    amy = await signIn(t, 'amy@lotus.test');
    bo = await signIn(t, 'bo@lotus.test');
    template = await facialTemplate(s.owner, s.facialCategory);
  });
  afterAll(() => t.close());

  async function at<T>(ms: number, sessions: Array<[Session, string, string]>, fn: () => Promise<T>): Promise<T> {
    const start = t.clock.now();
    const signInAll = async () => {
      for (const [session, email, password] of sessions) expect((await session.login(email, password)).statusCode).toBe(200);
    };
    t.clock.set(ms);
    await signInAll();
    try {
      return await fn();
    } finally {
      t.clock.set(start);
      await signInAll();
    }
  }

  const facialRecord = (clientId: string, extra: Record<string, unknown> = {}) => ({
    clientId,
    storeId: s.storeId,
    serviceId: s.facial,
    metrics: { skinType: 'combination', hydration: 2, oiliness: 4, sensitivity: 3, pores: 4, concerns: ['acne'] },
    reaction: 'Mild redness after extraction',
    notes: 'Allergic to lanolin — avoid the rich mask',
    aftercare: 'SPF every morning',
    technique: 'Double cleanse, extraction, LED 10 min',
    settings: { 'LED minutes': 10 },
    nextRecommendedOn: '2026-12-18',
    ...extra,
  });

  describe('templates', () => {
    it('HQ adopts a preset per category; a second template for the same category is 409; others cannot', async () => {
      const presets = (await amy.get(`${V1}/treatment-templates/presets`)).json().data;
      expect(presets.map((p: { key: string }) => p.key)).toEqual(['facial', 'massage', 'lashes']);
      expect((await amy.get(`${V1}/treatment-templates`)).json().data[0]).toMatchObject({
        id: template.id,
        categoryIds: [s.facialCategory],
      });
      const again = await s.owner.post(`${V1}/treatment-templates`, {
        name: 'Another',
        categoryIds: [s.facialCategory],
        fields: presets[0].fields,
      });
      expectProblem(again, 409, 'treatment_template_conflict');
      expectProblem(
        await s.manager.post(`${V1}/treatment-templates`, { name: 'x', categoryIds: [], fields: presets[0].fields }),
        403,
        'forbidden',
      );
    });
  });

  describe('writing and reading', () => {
    it('a technician writes a record; the template is found from the service’s category; health content is encrypted at rest', async () => {
      const clientId = await aSpaClient(s.owner, s.storeId);
      const res = await amy.post(`${V1}/treatment-records`, facialRecord(clientId));
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json();
      expect(r).toMatchObject({
        clientId,
        staffId: s.amy,
        authorId: s.amy,
        templateId: template.id,
        nextRecommendedOn: '2026-12-18',
        locked: false,
        canEdit: true,
        health: { metrics: { hydration: 2, concerns: ['acne'] }, notes: 'Allergic to lanolin — avoid the rich mask' },
      });
      const raw = await t.db.db.selectFrom('treatment_records').select('clinical').where('id', '=', r.id).executeTakeFirstOrThrow();
      expect(raw.clinical).toMatch(/^v1\./);
      expect(raw.clinical).not.toContain('lanolin');
    });

    it('validates the template’s fields server-side, with paths', async () => {
      const clientId = await aSpaClient(s.owner, s.storeId);
      const res = await amy.post(
        `${V1}/treatment-records`,
        facialRecord(clientId, { metrics: { hydration: 9, skinType: 'waxy', mood: 'happy' } }),
      );
      const body = expectProblem(res, 400, 'validation_failed');
      expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['metrics.hydration', 'metrics.mood', 'metrics.skinType']);
      const massage = await amy.post(`${V1}/treatment-records`, {
        clientId,
        storeId: s.storeId,
        serviceId: s.massage,
        metrics: { pressure: 'firm' },
      });
      expect(expectProblem(massage, 400, 'validation_failed').errors).toEqual([
        { path: 'metrics', message: 'this service has no record template' },
      ]);
    });

    it('the front desk reads records without health content; a technician’s read of health content is audited', async () => {
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { id } = (await amy.post(`${V1}/treatment-records`, facialRecord(clientId))).json();
      const desk = (await s.desk.get(`${V1}/treatment-records/${id}`)).json();
      expect(desk).toMatchObject({ id, serviceName: 'Deep Cleansing Facial', nextRecommendedOn: '2026-12-18' });
      expect(desk).not.toHaveProperty('health');
      expect(desk).not.toHaveProperty('photos');
      const reads = () =>
        t.db.db
          .selectFrom('audit_log')
          .select(['actor_id'])
          .where('action', '=', 'treatment_record.read')
          .where('entity_id', '=', id)
          .execute();
      expect(await reads()).toEqual([]);
      const tech = (await bo.get(`${V1}/treatment-records/${id}`)).json();
      expect(tech.health.reaction).toBe('Mild redness after extraction');
      expect(await reads()).toEqual([{ actor_id: s.bo }]);
      // Reopened within 10 minutes: still one read on record; the next one later is audited again.
      await bo.get(`${V1}/treatment-records/${id}`);
      expect(await reads()).toHaveLength(1);
      await at(t.clock.now() + 11 * 60_000, [[bo, 'bo@lotus.test', 'staff-password-1234']], async () => {
        await bo.get(`${V1}/treatment-records/${id}`);
      });
      expect(await reads()).toHaveLength(2);
      expectProblem(await s.desk.post(`${V1}/treatment-records`, facialRecord(clientId)), 403, 'forbidden');
      // The list never carries health content.
      const list = (await bo.get(`${V1}/treatment-records?clientId=${clientId}`)).json();
      expect(list.data).toHaveLength(1);
      expect(list.data[0]).not.toHaveProperty('health');
    });
  });

  describe('edit window and addenda', () => {
    it('the author edits within 24 hours; others get 403; after 24 hours 409 record_locked and addenda only', async () => {
      const clientId = await aSpaClient(s.owner, s.storeId);
      const r = (await amy.post(`${V1}/treatment-records`, facialRecord(clientId))).json();
      const edit = await amy.patch(`${V1}/treatment-records/${r.id}`, {
        version: r.version,
        metrics: { skinType: 'combination', hydration: 3 },
        sharedWithClient: true,
      });
      expect(edit.statusCode, edit.body).toBe(200);
      expect(edit.json()).toMatchObject({
        version: 2,
        sharedWithClient: true,
        health: { metrics: { skinType: 'combination', hydration: 3 }, notes: 'Allergic to lanolin — avoid the rich mask' },
      });
      expectProblem(await bo.patch(`${V1}/treatment-records/${r.id}`, { version: 2, notes: 'x' }), 403, 'record_not_author');
      expectProblem(await amy.patch(`${V1}/treatment-records/${r.id}`, { version: 1, notes: 'x' }), 409, 'stale_version');
      await at(
        t.clock.now() + DAY + 60_000,
        [
          [amy, 'amy@lotus.test', 'staff-password-1234'],
          [bo, 'bo@lotus.test', 'staff-password-1234'],
        ],
        async () => {
          const locked = await amy.patch(`${V1}/treatment-records/${r.id}`, { version: 2, notes: 'Forgot: used the calming serum' });
          const body = expectProblem(locked, 409, 'record_locked');
          expect(body.detail).toContain('addendum');
          const add = await bo.post(`${V1}/treatment-records/${r.id}/addenda`, {
            body: 'Client called: slight peeling on day 2, advised hydrating balm.',
          });
          expect(add.statusCode, add.body).toBe(201);
          expect(add.json()).toMatchObject({
            locked: true,
            canEdit: false,
            addenda: [{ authorId: s.bo, authorName: 'Bo', body: 'Client called: slight peeling on day 2, advised hydrating balm.' }],
          });
        },
      );
    });
  });

  describe('links to the visit and the package', () => {
    it('a record links to its package session (once); another client’s session is refused', async () => {
      const tpl = await aTemplate(s.owner, {
        name: '5 facials',
        items: [{ label: 'Facial', sessions: 5, serviceIds: [s.facial] }],
        price: 45_000,
      });
      const clientId = await aSpaClient(s.owner, s.storeId);
      const other = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      const session = (
        await s.desk.post(`${V1}/client-packages/${pkg.id}/redemptions`, { storeId: s.storeId, serviceId: s.facial, staffId: s.amy })
      ).json();
      const ok = await amy.post(`${V1}/treatment-records`, facialRecord(clientId, { packageSessionId: session.id }));
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().packageSessionId).toBe(session.id);
      expectProblem(
        await amy.post(`${V1}/treatment-records`, facialRecord(clientId, { packageSessionId: session.id })),
        409,
        'record_exists',
      );
      expectProblem(
        await amy.post(`${V1}/treatment-records`, facialRecord(other, { packageSessionId: session.id })),
        422,
        'record_link_invalid',
      );
    });
  });

  describe('due list and next-session reminders', () => {
    it('lists clients due back per store and technician, and reminds them once with a booking link', async () => {
      const settings = (await s.owner.get(`${V1}/package-settings`)).json();
      expect(
        (
          await s.owner.put(`${V1}/package-settings`, {
            version: settings.version,
            settings: { ...settings.settings, bookingUrl: 'https://lotus.example.com/book/{store}' },
          })
        ).statusCode,
      ).toBe(200);
      const due = await aSpaClient(s.owner, s.storeId, { firstName: 'Dana' });
      const later = await aSpaClient(s.owner, s.storeId, { firstName: 'Lena' });
      const optedOut = await aSpaClient(s.owner, s.storeId, { firstName: 'Olga', consent: { sms: false, email: false } });
      await amy.post(`${V1}/treatment-records`, facialRecord(due, { nextRecommendedOn: '2026-11-28' }));
      await bo.post(`${V1}/treatment-records`, facialRecord(later, { nextRecommendedOn: '2027-01-20' }));
      await amy.post(`${V1}/treatment-records`, facialRecord(optedOut, { nextRecommendedOn: '2026-11-29' }));
      const list = (await s.desk.get(`${V1}/treatments/due?storeId=${s.storeId}&within=3`)).json();
      const names = list.data.map((d: { client: { name: string } }) => d.client.name);
      expect(names).toEqual(expect.arrayContaining([expect.stringContaining('Dana'), expect.stringContaining('Olga')]));
      expect(names.some((n: string) => n.includes('Lena'))).toBe(false);
      expect(list.data.find((d: { client: { id: string } }) => d.client.id === due)).toMatchObject({
        recommendedOn: '2026-11-28',
        daysOverdue: -1,
        staff: { id: s.amy, name: 'Amy' },
        booked: false,
      });
      const bosList = (await s.desk.get(`${V1}/treatments/due?storeId=${s.storeId}&staffId=${s.bo}&within=60`)).json();
      expect(bosList.data.map((d: { client: { id: string } }) => d.client.id)).toEqual([later]);

      const before = (await outbox(t)).length;
      await runNextSessionReminders(t.db.db, t.clock.now());
      await runNextSessionReminders(t.db.db, t.clock.now());
      const sent = (await outbox(t)).slice(before);
      const dana = (await s.owner.get(`${V1}/clients/${due}`)).json();
      expect(sent.filter((m) => m.to === dana.phone || m.to === dana.email)).toEqual([
        expect.objectContaining({ text: expect.stringContaining('https://lotus.example.com/book/') }),
      ]);
      const olga = (await s.owner.get(`${V1}/clients/${optedOut}`)).json();
      expect(sent.filter((m) => m.to === olga.phone || m.to === olga.email)).toEqual([]);
    });
  });
});

describe('a visit from booking to record to checkout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the record written in the treatment room links to the session redeemed at checkout; a booked client is not due', async () => {
    const w = await bookingWorld(t);
    const tech = w.techs[0]!;
    const tpl = await aTemplate(w.owner, {
      name: 'Facial x3',
      items: [{ label: 'Facial', sessions: 3, serviceIds: [w.services.facial] }],
      price: 21_000,
    });
    // Sell the package.
    const sale = (
      await w.owner.post(`${V1}/sales`, {
        storeId: w.storeId,
        clientId: w.clientId,
        lines: [{ kind: 'package_purchase', templateId: tpl.id }],
      })
    ).json();
    expect(
      (
        await w.owner.post(
          `${V1}/sales/${sale.id}/complete`,
          { version: sale.version, tenders: [{ kind: 'card', amount: sale.total }] },
          { 'idempotency-key': key() },
        )
      ).statusCode,
    ).toBe(200);
    const pkg = (await w.owner.get(`${V1}/client-packages?clientId=${w.clientId}`)).json().data[0];
    // Today's visit.
    const appt = await w.frontDesk.post(`${V1}/appointments`, oneService(w, w.services.facial, '2026-11-27', '14:00', tech.id));
    expect(appt.statusCode, appt.body).toBe(201);
    const lineId = appt.json().lines[0].id as string;
    // The technician writes the record before checkout.
    const rec = await tech.session.post(`${V1}/treatment-records`, {
      clientId: w.clientId,
      storeId: w.storeId,
      serviceId: w.services.facial,
      appointmentLineId: lineId,
      nextRecommendedOn: '2026-12-18',
      notes: 'First session of the course',
    });
    expect(rec.statusCode, rec.body).toBe(201);
    expect(rec.json()).toMatchObject({ appointmentId: appt.json().id, packageSessionId: null });
    // The front desk checks out, redeeming a session instead of charging the facial.
    const ticket = await w.frontDesk.post(`${V1}/sales`, {
      storeId: w.storeId,
      appointmentId: appt.json().id,
      lines: [
        {
          kind: 'package_redemption',
          clientPackageId: pkg.id,
          serviceId: w.services.facial,
          technicians: [{ staffId: tech.id }],
          appointmentLineId: lineId,
        },
      ],
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
    const done = await w.frontDesk.post(
      `${V1}/sales/${ticket.json().id}/complete`,
      { version: ticket.json().version, tip: { amount: 1_000 }, tenders: [{ kind: 'card', amount: 1_000 }] },
      { 'idempotency-key': key() },
    );
    expect(done.statusCode, done.body).toBe(200);
    const session = (await w.owner.get(`${V1}/client-packages/${pkg.id}/sessions`)).json().data[0];
    expect(session).toMatchObject({ appointmentLineId: lineId, staffId: tech.id, status: 'redeemed' });
    expect((await tech.session.get(`${V1}/treatment-records/${rec.json().id}`)).json().packageSessionId).toBe(session.id);
    expect((await w.owner.get(`${V1}/appointments/${appt.json().id}`)).json().status).toBe('completed');
    // Booked again for next month: not on the due list.
    const next = await w.frontDesk.post(`${V1}/appointments`, oneService(w, w.services.facial, '2026-12-18', '11:00', tech.id));
    expect(next.statusCode, next.body).toBe(201);
    const due = await w.frontDesk.get(`${V1}/treatments/due?storeId=${w.storeId}&within=30`);
    expect(due.json().data).toEqual([]);
    const withBooked = (await w.frontDesk.get(`${V1}/treatments/due?storeId=${w.storeId}&within=30&includeBooked=true`)).json();
    expect(withBooked.data).toMatchObject([{ client: { id: w.clientId }, booked: true }]);
  });
});

describe('demo data', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'orchid-demo-photos-'));
    t.deps.settings.photoDir = dir;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds three package templates, packages partly used, records with improving metrics and generated photos', async () => {
    const { owner, storeId } = await setUpBusiness(t);
    const techs: string[] = [];
    for (const email of ['t1@lotus.test', 't2@lotus.test'])
      techs.push((await addStaff(t, owner, { role: 'technician', storeIds: [storeId], email })).staff.id);
    const now = t.clock.now();
    const cipher = createFieldCipher(t.deps.secrets.fieldKey);
    const result = await withTransaction(t.db.db, async ({ tx }) => {
      await seedDemoCatalog(tx, { storeIds: [storeId], staffByStore: { [storeId]: techs }, now });
      const { clientIds } = await seedDemoClients(tx, { storeIds: [storeId], now, count: 10 });
      return seedDemoPackages(tx, { storeIds: [storeId], technicianIds: techs, clientIds, now, cipher, photoDir: dir });
    });
    expect(result.templateIds).toHaveLength(3);
    expect(result.packageIds).toHaveLength(3);
    expect(result.recordIds).toHaveLength(19);
    expect(result.photos).toBe(8);
    const [grace] = result.packageIds;
    const pkg = (await owner.get(`${V1}/client-packages/${grace}`)).json();
    expect(pkg.sessions).toEqual({ total: 10, used: 6, remaining: 4 });
    const tl = (await owner.get(`${V1}/clients/${pkg.clientId}/timeline`)).json();
    expect(tl.metrics.find((m: { key: string }) => m.key === 'hydration').points.map((p: { value: number }) => p.value)).toEqual([
      2, 2, 3, 3, 4, 4,
    ]);
    expect(tl.photoComparison.first.kind).toBe('before');
    const photo = await owner.get(tl.photoComparison.latest.url);
    expect(photo.statusCode).toBe(200);
    // The staged course fired its recommendation rule (2 sessions left).
    const mei = (await owner.get(`${V1}/client-packages/${result.packageIds[1]}`)).json();
    expect((await owner.get(`${V1}/clients/${mei.clientId}/package-recommendations`)).json().data).toHaveLength(1);
    expect((await reconcile(t.db.db)).problems).toEqual([]);
  });
});
