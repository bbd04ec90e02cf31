import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccount, openAccount, reconcile } from '../src/server/modules/ledgers/index.js';
import { runPackageExpiry } from '../src/server/modules/packages/index.js';
import { addStore, createTestApp, expectProblem, OWNER_PASSWORD, type TestApp } from './support/app.js';
import { key, V1 } from './support/checkout.js';
import {
  aSpaClient,
  aTemplate,
  completeWithTip,
  openRedemption,
  outbox,
  redeemAtCheckout,
  type SpaSalon,
  sellPackage,
  setUpSpa,
  tenFacials,
} from './support/packages.js';

const DAY = 86_400_000;

describe('treatment packages', () => {
  let t: TestApp;
  let s: SpaSalon;
  beforeAll(async () => {
    t = await createTestApp();
    s = await setUpSpa(t);
  });
  afterAll(() => t.close());

  /** Moves the clock (staff sign in again: sessions time out when idle), runs `fn`, and comes back. */
  async function at<T>(ms: number, fn: () => Promise<T>): Promise<T> {
    const start = t.clock.now();
    const signIn = async () => {
      await s.owner.login('owner@lotus.test', OWNER_PASSWORD);
      await s.manager.login('manager@lotus.test', 'staff-password-1234');
      await s.desk.login('desk@lotus.test', 'staff-password-1234');
    };
    t.clock.set(ms);
    await signIn();
    try {
      return await fn();
    } finally {
      t.clock.set(start);
      await signIn();
    }
  }
  const contactOf = async (clientId: string) => {
    const c = (await s.owner.get(`${V1}/clients/${clientId}`)).json();
    return [c.email as string, c.phone as string];
  };
  const pkgOf = async (id: string) => (await s.owner.get(`${V1}/client-packages/${id}`)).json();
  const reconciles = async () => expect((await reconcile(t.db.db)).problems).toEqual([]);

  describe('templates (HQ)', () => {
    it('allocates the price over the sessions and lists the template', async () => {
      const tpl = await aTemplate(s.owner, tenFacials(s));
      expect(tpl).toMatchObject({
        name: '10 Facials',
        price: 100_000,
        sessionsTotal: 10,
        validity: { kind: 'months', months: 12 },
        active: true,
      });
      expect(tpl.items[0].allocation).toEqual(Array(10).fill(10_000));
      const list = (await s.desk.get(`${V1}/package-templates?storeId=${s.storeId}`)).json();
      expect(list.data.map((x: { id: string }) => x.id)).toContain(tpl.id);
    });

    it('is HQ’s: the front desk and the manager cannot add one', async () => {
      expectProblem(await s.desk.post(`${V1}/package-templates`, { ...tenFacials(s), validity: { kind: 'none' } }), 403, 'forbidden');
      expectProblem(await s.manager.post(`${V1}/package-templates`, { ...tenFacials(s), validity: { kind: 'none' } }), 403, 'forbidden');
    });

    it('refuses an unknown service with the field’s path', async () => {
      const res = await s.owner.post(`${V1}/package-templates`, {
        ...tenFacials(s),
        items: [{ label: 'x', sessions: 2, serviceIds: [s.facial, crypto.randomUUID()] }],
        validity: { kind: 'none' },
      });
      const body = expectProblem(res, 400, 'validation_failed');
      expect(body.errors).toEqual([{ path: 'items.0.serviceIds.1', message: 'unknown or archived service' }]);
    });

    it('versions edits: a stale version is 409', async () => {
      const tpl = await aTemplate(s.owner, tenFacials(s));
      const ok = await s.owner.patch(`${V1}/package-templates/${tpl.id}`, { version: 1, price: 90_000 });
      expect(ok.statusCode, ok.body).toBe(200);
      expectProblem(await s.owner.patch(`${V1}/package-templates/${tpl.id}`, { version: 1, price: 80_000 }), 409, 'stale_version');
    });
  });

  describe('purchase at checkout', () => {
    it('sells 10 facials: sessions issued as ledger entries, value allocated from the line, balances show it', async () => {
      const tpl = await aTemplate(s.owner, tenFacials(s));
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { sale, pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      expect(sale.total).toBe(100_000);
      expect(pkg).toMatchObject({
        status: 'active',
        price: 100_000,
        paidTotal: 100_000,
        sessions: { total: 10, used: 0, remaining: 10 },
        clientId,
      });
      expect(pkg.items[0].sessionValues.reduce((a: number, b: number) => a + b, 0)).toBe(100_000);
      expect(pkg.validThrough).toBe('2027-11-27');
      const balances = (await s.desk.get(`${V1}/clients/${clientId}/balances`)).json();
      expect(balances.packages.map((p: { id: string }) => p.id)).toEqual([pkg.id]);
      const entries = await t.db.db
        .selectFrom('ledger_entries as e')
        .innerJoin('ledger_accounts as a', 'a.id', 'e.account_id')
        .select(['e.kind', 'e.amount', 'a.kind as account'])
        .where('a.owner_id', '=', pkg.id)
        .execute();
      expect(entries).toEqual([{ kind: 'issue', amount: 10, account: 'package_session' }]);
      // One account per item, opened through the ledgers (a second open finds the same row).
      const account = await findAccount(t.db.db, 'package_session', pkg.id, pkg.items[0].id);
      expect(account).toMatchObject({ owner_type: 'client_package', unit: 'uses', balance: 10 });
      const again = await openAccount(
        t.db.db,
        { kind: 'package_session', ownerType: 'client_package', ownerId: pkg.id, subjectId: pkg.items[0].id },
        0,
      );
      expect(again).toMatchObject({ id: account!.id, created: false });
      await reconciles();
    });

    it('a discounted sale allocates what was actually charged', async () => {
      const tpl = await aTemplate(s.owner, tenFacials(s));
      const clientId = await aSpaClient(s.owner, s.storeId);
      const open = await s.owner.post(`${V1}/sales`, {
        storeId: s.storeId,
        clientId,
        lines: [{ kind: 'package_purchase', templateId: tpl.id, discount: { type: 'amount', amount: 10_001, reason: 'Opening week' } }],
      });
      expect(open.statusCode, open.body).toBe(201);
      const done = await s.owner.post(
        `${V1}/sales/${open.json().id}/complete`,
        { version: open.json().version, tenders: [{ kind: 'card', amount: 89_999 }] },
        { 'idempotency-key': key() },
      );
      expect(done.statusCode, done.body).toBe(200);
      const pkg = (await s.owner.get(`${V1}/client-packages?clientId=${clientId}`)).json().data[0];
      expect(pkg.price).toBe(89_999);
      expect(pkg.items[0].sessionValues).toEqual([...Array(9).fill(9_000), 8_999]);
    });

    it('needs a client on the ticket', async () => {
      const tpl = await aTemplate(s.owner, tenFacials(s));
      const res = await s.desk.post(`${V1}/sales`, { storeId: s.storeId, lines: [{ kind: 'package_purchase', templateId: tpl.id }] });
      const body = expectProblem(res, 422, 'package_client_required');
      expect(body.errors[0].path).toBe('lines.0');
    });
  });

  describe('redemption', () => {
    it('redeems at checkout: costs nothing, records the session, its value and the technician', async () => {
      const tpl = await aTemplate(s.owner, tenFacials(s));
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      const open = await openRedemption(s.desk, s, { clientPackageId: pkg.id }, clientId);
      expect(open.statusCode, open.body).toBe(201);
      expect(open.json()).toMatchObject({ total: 0, lines: [{ kind: 'package_redemption', unitPrice: 0, total: 0 }] });
      const done = await completeWithTip(s.desk, open.json());
      expect(done.statusCode, done.body).toBe(200);
      const after = await pkgOf(pkg.id);
      expect(after.sessions).toEqual({ total: 10, used: 1, remaining: 9 });
      const sessions = (await s.desk.get(`${V1}/client-packages/${pkg.id}/sessions`)).json().data;
      expect(sessions).toMatchObject([
        { sessionNumber: 1, value: 10_000, staffId: s.amy, status: 'redeemed', source: 'checkout', saleId: done.json().id },
      ]);
      const receipt = await s.desk.get(`${V1}/sales/${done.json().id}/receipt?format=text`);
      expect(receipt.body).toContain('9 of 10 sessions left');
      await reconciles();
    });

    it('redeems directly (from a treatment room), with an Idempotency-Key that a retry replays', async () => {
      const tpl = await aTemplate(s.owner, tenFacials(s));
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      const body = { storeId: s.storeId, serviceId: s.facial, staffId: s.bo };
      const headers = { 'idempotency-key': key() };
      const first = await s.desk.post(`${V1}/client-packages/${pkg.id}/redemptions`, body, headers);
      expect(first.statusCode, first.body).toBe(201);
      const again = await s.desk.post(`${V1}/client-packages/${pkg.id}/redemptions`, body, headers);
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect((await pkgOf(pkg.id)).sessions.remaining).toBe(9);
    });

    it('422 package_exhausted when no session is left', async () => {
      const tpl = await aTemplate(s.owner, {
        ...tenFacials(s),
        name: 'Trial',
        items: [{ label: 'Trial facial', sessions: 1, serviceIds: [s.facial] }],
        price: 5_000,
      });
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      expect((await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id }, clientId)).statusCode).toBe(200);
      const body = expectProblem(await openRedemption(s.desk, s, { clientPackageId: pkg.id }, clientId), 422, 'package_exhausted');
      expect(body.detail).toContain('Trial facial');
      const zh = await s.desk.post(
        `${V1}/client-packages/${pkg.id}/redemptions`,
        { storeId: s.storeId, serviceId: s.facial },
        { 'accept-language': 'zh-CN' },
      );
      expect(expectProblem(zh, 422, 'package_exhausted').title).toBe('该疗程已无剩余次数');
    });

    it('422 package_service_not_included for another service', async () => {
      const tpl = await aTemplate(s.owner, tenFacials(s));
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      expectProblem(
        await openRedemption(s.desk, s, { clientPackageId: pkg.id, serviceId: s.massage }, clientId),
        422,
        'package_service_not_included',
      );
    });

    it('a pool of sessions serves any of its services', async () => {
      const tpl = await aTemplate(s.owner, {
        name: 'Relax & Glow',
        items: [{ label: 'Any facial or massage', sessions: 3, serviceIds: [s.facial, s.massage] }],
        price: 27_000,
      });
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      expect((await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id, serviceId: s.massage }, clientId)).statusCode).toBe(200);
      expect((await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id, serviceId: s.facial }, clientId)).statusCode).toBe(200);
      expect((await pkgOf(pkg.id)).sessions.remaining).toBe(1);
    });

    it('422 package_expired after the last valid day (a manager can extend it, and the sessions come back)', async () => {
      const tpl = await aTemplate(s.owner, { ...tenFacials(s), validity: { kind: 'months', months: 1 } });
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      expect(pkg.validThrough).toBe('2026-12-27');
      await at(t.clock.now() + 31 * DAY, async () => {
        const body = expectProblem(await openRedemption(s.desk, s, { clientPackageId: pkg.id }, clientId), 422, 'package_expired');
        expect(body.detail).toContain('2026-12-27');
        await runPackageExpiry(t.db.db, t.clock.now());
        expect(await pkgOf(pkg.id)).toMatchObject({ status: 'expired', sessions: { remaining: 0 } });
        expectProblem(
          await s.desk.post(`${V1}/client-packages/${pkg.id}/extend`, { months: 1, reason: 'Client was ill' }),
          403,
          'forbidden',
        );
        const ext = await s.manager.post(`${V1}/client-packages/${pkg.id}/extend`, { until: '2027-03-31', reason: 'Client was ill' });
        expect(ext.statusCode, ext.body).toBe(200);
        expect(ext.json()).toMatchObject({ status: 'active', validThrough: '2027-03-31', sessions: { remaining: 10 } });
        const audit = await t.db.db
          .selectFrom('audit_log')
          .select(['action', 'actor_id'])
          .where('entity_id', '=', pkg.id)
          .where('action', '=', 'client_package.extend')
          .execute();
        expect(audit).toEqual([{ action: 'client_package.extend', actor_id: s.managerId }]);
        await reconciles();
      });
    });

    it('422 package_not_valid_here at a store the template does not list', async () => {
      const other = await addStore(s.owner, { name: 'Queens' });
      const tpl = await aTemplate(s.owner, { ...tenFacials(s), storeIds: [s.storeId] });
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      const res = await s.owner.post(`${V1}/client-packages/${pkg.id}/redemptions`, { storeId: other.id, serviceId: s.facial });
      expectProblem(res, 422, 'package_not_valid_here');
    });

    it('step order: 422 package_step_out_of_order, unless a manager overrides (recorded and audited)', async () => {
      const tpl = await aTemplate(s.owner, {
        name: 'Acne Course 3 + 5',
        items: [
          { label: 'Cleansing', sessions: 1, serviceIds: [s.facial], step: 1 },
          { label: 'Repair', sessions: 2, serviceIds: [s.repair], step: 2 },
        ],
        price: 40_000,
      });
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      const body = expectProblem(
        await openRedemption(s.desk, s, { clientPackageId: pkg.id, serviceId: s.repair }, clientId),
        422,
        'package_step_out_of_order',
      );
      expect(body.detail).toContain('Step 1');
      expectProblem(
        await openRedemption(s.desk, s, { clientPackageId: pkg.id, serviceId: s.repair, stepOverride: { reason: 'skin ready' } }, clientId),
        403,
        'forbidden',
      );
      const open = await openRedemption(
        s.manager,
        s,
        { clientPackageId: pkg.id, serviceId: s.repair, stepOverride: { reason: 'Skin already clear' } },
        clientId,
      );
      expect(open.statusCode, open.body).toBe(201);
      expect((await completeWithTip(s.manager, open.json())).statusCode).toBe(200);
      const [session] = (await s.owner.get(`${V1}/client-packages/${pkg.id}/sessions`)).json().data;
      expect(session.stepOverride).toEqual({ by: s.managerId, reason: 'Skin already clear' });
      const audit = await t.db.db
        .selectFrom('audit_log')
        .select('after')
        .where('entity_id', '=', pkg.id)
        .where('action', '=', 'package_session.redeem')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.after!).stepOverride).toMatchObject({ step: 1, by: s.managerId });
      // In order, no override needed.
      expect((await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id, serviceId: s.facial }, clientId)).statusCode).toBe(200);
      expect((await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id, serviceId: s.repair }, clientId)).statusCode).toBe(200);
    });

    it('shared with a named family member: she can use it, anyone else gets 422 package_not_for_client', async () => {
      const tpl = await aTemplate(s.owner, {
        ...tenFacials(s),
        name: 'Family massages',
        items: [{ label: 'Massage', sessions: 12, serviceIds: [s.massage] }],
        sharing: { shareable: true, maxMembers: 1 },
      });
      const owner = await aSpaClient(s.owner, s.storeId);
      const daughter = await aSpaClient(s.owner, s.storeId, { firstName: 'Lily' });
      const stranger = await aSpaClient(s.owner, s.storeId, { firstName: 'Eve' });
      const { pkg } = await sellPackage(s.desk, s, tpl.id, owner);
      expectProblem(
        await openRedemption(s.desk, s, { clientPackageId: pkg.id, serviceId: s.massage }, daughter),
        422,
        'package_not_for_client',
      );
      const add = await s.desk.post(`${V1}/client-packages/${pkg.id}/members`, { clientId: daughter, relation: 'daughter' });
      expect(add.statusCode, add.body).toBe(201);
      expect(add.json().members).toEqual([{ clientId: daughter, name: expect.stringContaining('Lily'), relation: 'daughter' }]);
      expectProblem(await s.desk.post(`${V1}/client-packages/${pkg.id}/members`, { clientId: stranger }), 422, 'package_members_full');
      expect((await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id, serviceId: s.massage }, daughter)).statusCode).toBe(200);
      expectProblem(
        await openRedemption(s.desk, s, { clientPackageId: pkg.id, serviceId: s.massage }, stranger),
        422,
        'package_not_for_client',
      );
      const sessions = (await s.desk.get(`${V1}/client-packages/${pkg.id}/sessions`)).json().data;
      expect(sessions[0].clientId).toBe(daughter);
      // Her own list shows the shared package.
      expect((await s.desk.get(`${V1}/client-packages?clientId=${daughter}`)).json().data.map((p: { id: string }) => p.id)).toEqual([
        pkg.id,
      ]);
    });

    it('a non-shareable package takes no members', async () => {
      const tpl = await aTemplate(s.owner, tenFacials(s));
      const { pkg } = await sellPackage(s.desk, s, tpl.id, await aSpaClient(s.owner, s.storeId));
      expectProblem(await s.desk.post(`${V1}/client-packages/${pkg.id}/members`, { clientId: s.clientId }), 422, 'package_not_shareable');
    });
  });

  describe('freeze', () => {
    it('a manager freezes (redemption refused, expiry pushed back) and unfreezes early; audited', async () => {
      const tpl = await aTemplate(s.owner, { ...tenFacials(s), freeze: { allowed: true, maxDays: 30 } });
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      expectProblem(await s.desk.post(`${V1}/client-packages/${pkg.id}/freeze`, { days: 10, reason: 'travel' }), 403, 'forbidden');
      expectProblem(
        await s.manager.post(`${V1}/client-packages/${pkg.id}/freeze`, { days: 31, reason: 'travel' }),
        422,
        'package_freeze_refused',
      );
      const frozen = await s.manager.post(`${V1}/client-packages/${pkg.id}/freeze`, { days: 14, reason: 'Travelling to Shanghai' });
      expect(frozen.statusCode, frozen.body).toBe(200);
      expect(frozen.json()).toMatchObject({ status: 'frozen', validThrough: '2027-12-11', freezeDaysLeft: 16 });
      expectProblem(await openRedemption(s.desk, s, { clientPackageId: pkg.id }, clientId), 422, 'package_frozen');
      await at(t.clock.now() + 4 * DAY + 3_600_000 * 5, async () => {
        const thawed = await s.manager.post(`${V1}/client-packages/${pkg.id}/unfreeze`, { reason: 'Back early' });
        expect(thawed.statusCode, thawed.body).toBe(200);
        expect(thawed.json()).toMatchObject({ status: 'active', frozen: null, validThrough: '2027-12-02', freezeDaysLeft: 25 });
        expect((await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id }, clientId)).statusCode).toBe(200);
      });
      const actions = (await t.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', pkg.id).orderBy('at').execute()).map(
        (r) => r.action,
      );
      expect(actions).toEqual(expect.arrayContaining(['client_package.freeze', 'client_package.unfreeze']));
    });
  });

  describe('refunds and voids', () => {
    it('refunding the purchase gives back unused sessions at their value minus the business fee; the sessions close', async () => {
      const settings = (await s.owner.get(`${V1}/package-settings`)).json();
      const put = await s.owner.put(`${V1}/package-settings`, {
        version: settings.version,
        settings: { ...settings.settings, refundFee: { percentBp: 1_000, fixed: 500 } },
      });
      expect(put.statusCode, put.body).toBe(200);
      try {
        const tpl = await aTemplate(s.owner, tenFacials(s));
        const clientId = await aSpaClient(s.owner, s.storeId);
        const { sale, pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
        for (let i = 0; i < 4; i++) expect((await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id }, clientId)).statusCode).toBe(200);
        const quote = (await s.manager.get(`${V1}/client-packages/${pkg.id}/refund-quote`)).json();
        expect(quote).toMatchObject({ unusedValue: 60_000, gross: 60_000, fee: 6_500, refundable: 53_500, used: 4, saleId: sale.id });
        expectProblem(
          await s.manager.post(`${V1}/client-packages/${pkg.id}/refund`, { reason: 'moving away' }),
          409,
          'package_refund_through_sale',
        );
        const refund = await s.manager.post(`${V1}/sales/${sale.id}/refunds`, { reason: 'Moving away' }, { 'idempotency-key': key() });
        expect(refund.statusCode, refund.body).toBe(201);
        expect(refund.json().sale.refunds.at(-1).total).toBe(53_500);
        expect(await pkgOf(pkg.id)).toMatchObject({
          status: 'refunded',
          refundedAmount: 53_500,
          refundFee: 6_500,
          sessions: { used: 4, remaining: 0 },
        });
        expectProblem(await openRedemption(s.desk, s, { clientPackageId: pkg.id }, clientId), 422, 'package_not_active');
        await reconciles();
      } finally {
        const now = (await s.owner.get(`${V1}/package-settings`)).json();
        await s.owner.put(`${V1}/package-settings`, {
          version: now.version,
          settings: { ...now.settings, refundFee: { percentBp: 0, fixed: 0 } },
        });
      }
    });

    it('voiding the purchase the same day closes the unused package', async () => {
      const tpl = await aTemplate(s.owner, tenFacials(s));
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { sale, pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      const res = await s.manager.post(`${V1}/sales/${sale.id}/void`, { reason: 'Wrong client' }, { 'idempotency-key': key() });
      expect(res.statusCode, res.body).toBe(200);
      expect(await pkgOf(pkg.id)).toMatchObject({ status: 'voided', sessions: { remaining: 0 } });
      await reconciles();
    });

    it('refunding or voiding a redemption gives the session back', async () => {
      const tpl = await aTemplate(s.owner, tenFacials(s));
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      const first = await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id }, clientId);
      const second = await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id }, clientId);
      expect((await pkgOf(pkg.id)).sessions.remaining).toBe(8);
      const v = await s.manager.post(`${V1}/sales/${first.json().id}/void`, { reason: 'Rang up twice' }, { 'idempotency-key': key() });
      expect(v.statusCode, v.body).toBe(200);
      const r = await s.manager.post(`${V1}/sales/${second.json().id}/refunds`, { reason: 'Client unhappy' }, { 'idempotency-key': key() });
      expect(r.statusCode, r.body).toBe(201);
      expect((await pkgOf(pkg.id)).sessions).toEqual({ total: 10, used: 0, remaining: 10 });
      const sessions = (await s.desk.get(`${V1}/client-packages/${pkg.id}/sessions`)).json().data;
      expect(sessions.map((x: { status: string }) => x.status)).toEqual(['reversed', 'reversed']);
      // A checkout session is reversed through its sale, not directly.
      expectProblem(
        await s.manager.post(`${V1}/package-sessions/${sessions[0].id}/reverse`, { reason: 'x' }),
        409,
        'package_session_via_sale',
      );
      await reconciles();
    });

    it('a direct redemption is reversed by a manager', async () => {
      const tpl = await aTemplate(s.owner, tenFacials(s));
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      const red = await s.desk.post(`${V1}/client-packages/${pkg.id}/redemptions`, { storeId: s.storeId, serviceId: s.facial });
      expectProblem(await s.desk.post(`${V1}/package-sessions/${red.json().id}/reverse`, { reason: 'wrong client' }), 403, 'forbidden');
      const rev = await s.manager.post(`${V1}/package-sessions/${red.json().id}/reverse`, { reason: 'Wrong client' });
      expect(rev.statusCode, rev.body).toBe(200);
      expect(rev.json().status).toBe('reversed');
      expect((await pkgOf(pkg.id)).sessions.remaining).toBe(10);
    });
  });

  describe('expiry job', () => {
    it('reminds 30 and 7 days before (once each, in her language), then expires the unused sessions', async () => {
      const tpl = await aTemplate(s.owner, { ...tenFacials(s), validity: { kind: 'months', months: 2 } });
      const clientId = await aSpaClient(s.owner, s.storeId, { language: 'zh-CN' });
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id }, clientId);
      const expiresAt = Date.parse(pkg.expiresAt);
      const contact = await contactOf(clientId);
      const mine = async () => (await outbox(t)).filter((m) => contact.includes(m.to));
      {
        await runPackageExpiry(t.db.db, expiresAt - 40 * DAY);
        expect(await mine()).toEqual([]);
        await runPackageExpiry(t.db.db, expiresAt - 29 * DAY);
        await runPackageExpiry(t.db.db, expiresAt - 28 * DAY);
        let sent = await mine();
        expect(sent).toHaveLength(1);
        expect(sent[0]!.text).toContain('还剩 9 次');
        expect(sent[0]!.text).toContain('2027-01-27');
        await runPackageExpiry(t.db.db, expiresAt - 6 * DAY);
        sent = await mine();
        expect(sent).toHaveLength(2);
        const report = await runPackageExpiry(t.db.db, expiresAt + 1);
        expect(report).toMatchObject({ expired: 1, sessions: 9 });
        expect(await pkgOf(pkg.id)).toMatchObject({ status: 'expired', sessions: { used: 1, remaining: 0 } });
        expect((await runPackageExpiry(t.db.db, expiresAt + DAY)).expired).toBe(0);
        await reconciles();
      }
    });

    it('honours an opt-out', async () => {
      const tpl = await aTemplate(s.owner, { ...tenFacials(s), validity: { kind: 'months', months: 1 } });
      const clientId = await aSpaClient(s.owner, s.storeId, { consent: { sms: false, email: false } });
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      const before = (await outbox(t)).length;
      await runPackageExpiry(t.db.db, Date.parse(pkg.expiresAt) - 3 * DAY);
      expect((await outbox(t)).length).toBe(before);
    });
  });

  describe('recommendations', () => {
    it('suggests the next course when 1 session remains, messages the client who said yes, and counts the conversion', async () => {
      const basic = await aTemplate(s.owner, {
        name: 'Basic Cleansing Course',
        items: [{ label: 'Cleansing', sessions: 2, serviceIds: [s.facial] }],
        price: 18_000,
      });
      const advanced = await aTemplate(s.owner, {
        name: 'Advanced Repair Course',
        items: [{ label: 'Repair', sessions: 5, serviceIds: [s.repair] }],
        price: 65_000,
      });
      const rule = await s.owner.post(`${V1}/package-rules`, {
        name: 'Basic → Advanced',
        fromTemplateId: basic.id,
        trigger: 'remaining',
        remaining: 1,
        toTemplateId: advanced.id,
        sendToClient: true,
      });
      expect(rule.statusCode, rule.body).toBe(201);
      const clientId = await aSpaClient(s.owner, s.storeId, { consent: { sms: true, email: true } });
      const { pkg } = await sellPackage(s.desk, s, basic.id, clientId);
      await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id }, clientId);
      const recs = (await s.desk.get(`${V1}/clients/${clientId}/package-recommendations`)).json().data;
      expect(recs).toMatchObject([
        { templateId: advanced.id, templateName: 'Advanced Repair Course', fromPackageId: pkg.id, sentToClient: true },
      ]);
      const contact = await contactOf(clientId);
      expect((await outbox(t)).filter((m) => contact.includes(m.to)).map((m) => m.text)).toEqual([
        expect.stringContaining('Advanced Repair Course'),
      ]);
      // The last session: the same rule does not fire twice for the package.
      await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id }, clientId);
      expect((await s.desk.get(`${V1}/clients/${clientId}/package-recommendations`)).json().data).toHaveLength(1);
      await sellPackage(s.desk, s, advanced.id, clientId);
      expect((await s.desk.get(`${V1}/clients/${clientId}/package-recommendations`)).json().data).toEqual([]);
      const report = (await s.owner.get(`${V1}/reports/package-recommendations`)).json();
      expect(report.rules.find((r: { ruleId: string }) => r.ruleId === rule.json().id)).toMatchObject({
        suggested: 1,
        sent: 1,
        converted: 1,
        conversionBp: 10_000,
      });
    });

    it('does not message a client who never said yes to marketing', async () => {
      const a = await aTemplate(s.owner, { name: 'A course', items: [{ label: 'A', sessions: 1, serviceIds: [s.facial] }], price: 9_000 });
      const b = await aTemplate(s.owner, { name: 'B course', items: [{ label: 'B', sessions: 1, serviceIds: [s.facial] }], price: 9_000 });
      await s.owner.post(`${V1}/package-rules`, {
        name: 'A → B',
        fromTemplateId: a.id,
        trigger: 'completed',
        toTemplateId: b.id,
        sendToClient: true,
      });
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, a.id, clientId);
      await redeemAtCheckout(s.desk, s, { clientPackageId: pkg.id }, clientId);
      expect((await s.desk.get(`${V1}/clients/${clientId}/package-recommendations`)).json().data).toMatchObject([
        { templateId: b.id, sentToClient: false },
      ]);
    });
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await s.owner.get(`${V1}/openapi.json`)).json();
    for (const path of [
      '/api/v1/package-templates',
      '/api/v1/client-packages/{id}/redemptions',
      '/api/v1/client-packages/{id}/timeline',
      '/api/v1/clients/{id}/timeline',
      '/api/v1/treatment-records/{id}',
      '/api/v1/treatment-records/{id}/photos',
      '/api/v1/treatments/due',
      '/api/v1/portal/timeline',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });

  describe('reports', () => {
    it('sold vs redeemed, outstanding liability, and cross-store redemptions', async () => {
      const other = await addStore(s.owner, { name: 'Brooklyn' });
      const tpl = await aTemplate(s.owner, tenFacials(s));
      const clientId = await aSpaClient(s.owner, s.storeId);
      const { pkg } = await sellPackage(s.desk, s, tpl.id, clientId);
      const red = await s.owner.post(`${V1}/client-packages/${pkg.id}/redemptions`, { storeId: other.id, serviceId: s.facial });
      expect(red.statusCode, red.body).toBe(201);
      const report = (await s.owner.get(`${V1}/reports/packages`)).json();
      expect(report.sold.packages).toBeGreaterThan(0);
      expect(report.outstanding.value).toBeGreaterThanOrEqual(90_000);
      expect(report.crossStore).toContainEqual({ soldAtStoreId: s.storeId, redeemedAtStoreId: other.id, sessions: 1, value: 10_000 });
      expectProblem(await s.desk.get(`${V1}/reports/packages`), 403, 'forbidden');
    });
  });
});
