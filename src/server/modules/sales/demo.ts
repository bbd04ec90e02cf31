// Demo data: weeks of completed sales per store through the real checkout code — the past appointments'
// visits and walk-ins, tips split among technicians, cash / card / split tenders, a few products, a few
// refunds and voids — one drawer shift per day, closed with a count (a few cents over or short).
import type { Tx } from '../../db/tx.js';
import { newId } from '../../platform/ids.js';
import { percentOf } from '../../platform/money.js';
import { addDays, localDate, startOfLocalDay } from '../../platform/zoned-time.js';
import { getEffectiveServices } from '../catalog/index.js';
import { completeSale } from './complete.js';
import { refundOrVoid } from './refunds.js';
import { cashOfShift } from './reports.js';
import type { SaleComplete } from './schemas.js';
import { openTicket, type SalesCtx } from './ticket.js';

export type DemoSalesOptions = {
  storeIds: readonly string[];
  /** The demo's "now": sales are made on the days before today (today's visits stay open for checkout). */
  now: number;
  /** Days back (default 28). */
  days?: number;
  /** Walk-in sales per store per day, besides the day's past appointments (default 6). */
  walkInsPerDay?: number;
  /** Clients to attach to some walk-ins. */
  clientIds?: readonly string[];
  /** Who rang the sales up (default: nobody, i.e. the system). */
  actorId?: string | null;
  seed?: number;
  /** Receipt prefixes by store id (e.g. FLU, RMD), so each store's receipts are told apart at a glance. */
  receiptPrefixes?: Readonly<Record<string, string>>;
};

export type DemoSalesResult = { saleIds: string[]; refunds: number; voids: number; shifts: number };

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOUR = 3_600_000;

/** Sets a store's receipt prefix in its checkout settings, keeping whatever else was set. */
async function setDemoReceiptPrefix(tx: Tx, storeId: string, prefix: string, now: number, actorId: string | null) {
  const row = await tx.selectFrom('store_sales_settings').select('settings').where('store_id', '=', storeId).executeTakeFirst();
  const settings = JSON.stringify({ ...(row ? (JSON.parse(row.settings) as object) : {}), receiptPrefix: prefix });
  if (row)
    await tx
      .updateTable('store_sales_settings')
      .set((eb) => ({ settings, version: eb('version', '+', 1), updated_by: actorId, updated_at: now }))
      .where('store_id', '=', storeId)
      .execute();
  else
    await tx
      .insertInto('store_sales_settings')
      .values({ store_id: storeId, settings, version: 1, updated_by: actorId, updated_at: now })
      .execute();
}

/** Seeds sales in the caller's transaction (no receipt is emailed). Needs the catalog seeded first. */
export async function seedDemoSales(tx: Tx, opts: DemoSalesOptions): Promise<DemoSalesResult> {
  const random = rng(opts.seed ?? 20260401);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const days = opts.days ?? 28;
  const perDay = opts.walkInsPerDay ?? 6;
  const result: DemoSalesResult = { saleIds: [], refunds: 0, voids: 0, shifts: 0 };
  const serviceIds = (await tx.selectFrom('services').select('id').where('archived', '=', 0).execute()).map((r) => r.id);
  const productIds = (await tx.selectFrom('products').select('id').where('archived', '=', 0).where('usage', '!=', 'backbar').execute()).map(
    (r) => r.id,
  );

  for (const storeId of opts.storeIds) {
    const store = await tx.selectFrom('stores').select(['id', 'time_zone']).where('id', '=', storeId).executeTakeFirst();
    if (!store) continue;
    const prefix = opts.receiptPrefixes?.[storeId];
    if (prefix) await setDemoReceiptPrefix(tx, storeId, prefix, opts.now, opts.actorId ?? null);
    const tz = store.time_zone;
    const services = [...(await getEffectiveServices(tx, storeId, serviceIds)).values()].filter(
      (s) => s.available && !s.archived && s.staff.length > 0,
    );
    if (services.length === 0) continue;
    const today = localDate(opts.now, tz);
    // Past days' drawer; another name when a live shift is open on the main drawer right now.
    const liveMain = await tx
      .selectFrom('shifts')
      .select('id')
      .where('store_id', '=', storeId)
      .where('drawer', '=', 'main')
      .where('status', '=', 'open')
      .executeTakeFirst();
    const drawer = liveMain ? 'demo' : 'main';
    for (let d = days; d >= 1; d--) {
      const date = addDays(today, -d);
      const dayStart = startOfLocalDay(date, tz);
      const ctxAt = (at: number): SalesCtx & { lang: 'en' } => ({
        actorId: opts.actorId ?? null,
        ip: null,
        requestId: null,
        now: at,
        actor: null,
        lang: 'en',
      });

      const shiftId = newId();
      await tx
        .insertInto('shifts')
        .values({
          id: shiftId,
          store_id: storeId,
          drawer,
          status: 'open',
          opening_float: 20_000,
          opening_counts: null,
          opened_by: opts.actorId ?? null,
          opened_at: dayStart + 9.5 * HOUR,
          closed_by: null,
          closed_at: null,
          counted_cash: null,
          closing_counts: null,
          expected_cash: null,
          over_short: null,
          note: null,
          version: 1,
          updated_at: dayStart + 9.5 * HOUR,
        })
        .execute();
      result.shifts++;

      // The day's visits that have no sale yet, then walk-ins.
      const visits = await tx
        .selectFrom('appointments')
        .select(['id', 'end_at'])
        .where('store_id', '=', storeId)
        .where('status', 'in', ['completed', 'in_service', 'checked_in'])
        .where('start_at', '>=', dayStart)
        .where('start_at', '<', dayStart + 24 * HOUR)
        .where((eb) =>
          eb.not(eb.exists(eb.selectFrom('sales').select('sales.id').whereRef('sales.appointment_id', '=', 'appointments.id'))),
        )
        .execute();
      const tickets: Array<{ at: number; make: (at: number) => Promise<string> }> = visits.map((v) => ({
        at: Math.min(v.end_at, dayStart + 20 * HOUR),
        make: (at) => openTicket(tx, { storeId, appointmentId: v.id }, null, ctxAt(at)),
      }));
      for (let i = 0; i < perDay; i++) {
        const at = dayStart + Math.floor((10 + random() * 9.5) * HOUR);
        tickets.push({
          at,
          make: (t) => {
            const svc = pick(services);
            const two = random() < 0.15 && svc.staff.length > 1;
            const techs = two ? [svc.staff[0]!.staffId, svc.staff[1]!.staffId] : [pick(svc.staff).staffId];
            const lines: Array<Record<string, unknown> & { kind: string }> = [
              {
                kind: 'service',
                serviceId: svc.id,
                technicians: techs.map((staffId, k) => (two ? { staffId, sharePercent: k === 0 ? 60 : 40 } : { staffId })),
              },
            ];
            if (productIds.length && random() < 0.3)
              lines.push({ kind: 'product', productId: pick(productIds), quantity: random() < 0.2 ? 2 : 1 });
            const clientId = opts.clientIds?.length && random() < 0.6 ? pick(opts.clientIds) : null;
            return openTicket(tx, { storeId, clientId, lines: lines as never }, null, ctxAt(t));
          },
        });
      }
      tickets.sort((a, b) => a.at - b.at);

      for (const t of tickets) {
        const id = await t.make(t.at - 5 * 60_000);
        const sale = await tx.selectFrom('sales').select(['version', 'total']).where('id', '=', id).executeTakeFirstOrThrow();
        const tipPct = pick([0, 15, 18, 18, 20, 20]);
        const due = sale.total;
        const r = random();
        const tip = tipPct ? { percent: tipPct } : undefined;
        // Tenders are sized after the tip: complete once with the exact due, computed like checkout does.
        const body: SaleComplete = {
          version: sale.version,
          tenders: [],
          emailReceipt: false,
          shiftId,
          ...(tip ? { tip: { ...tip, split: 'share' as const } } : {}),
        };
        const tipAmount = await previewTip(tx, id, tipPct);
        const total = due + tipAmount;
        if (r < 0.35) body.tenders = [{ kind: 'cash', amount: Math.ceil(total / 2000) * 2000 }];
        else if (r < 0.85 || total < 2000)
          body.tenders = [
            {
              kind: 'card',
              amount: total,
              brand: pick(['visa', 'mastercard', 'amex', 'interac']),
              last4: String(1000 + Math.floor(random() * 9000)),
            },
          ];
        else {
          const card = Math.floor(total / 2 / 100) * 100;
          body.tenders = [
            { kind: 'card', amount: card, brand: 'visa', last4: '4242' },
            { kind: 'cash', amount: Math.ceil((total - card) / 500) * 500 },
          ];
        }
        await completeSale({ tx, afterCommit: () => {} }, null, id, body, ctxAt(t.at));
        result.saleIds.push(id);
        const roll = random();
        if (roll < 0.02) {
          await refundOrVoid(
            { tx, afterCommit: () => {} },
            id,
            { kind: 'void', body: { reason: 'Rung up by mistake', shiftId } },
            null,
            ctxAt(t.at + 10 * 60_000),
          );
          result.voids++;
        } else if (roll < 0.06) {
          await refundOrVoid(
            { tx, afterCommit: () => {} },
            id,
            { kind: 'refund', body: { reason: 'Client not satisfied', amount: Math.max(1, Math.floor(due / 4)), shiftId } },
            null,
            ctxAt(t.at + HOUR),
          );
          result.refunds++;
        }
      }

      const cash = await cashOfShift(tx, shiftId);
      const moves = random() < 0.2 ? 1_500 : 0;
      if (moves) {
        await tx
          .insertInto('shift_movements')
          .values({
            id: newId(),
            shift_id: shiftId,
            store_id: storeId,
            kind: 'paid_out',
            amount: moves,
            reason: 'Supplies',
            created_by: opts.actorId ?? null,
            created_at: dayStart + 15 * HOUR,
          })
          .execute();
      }
      const expected = 20_000 + cash.sales - cash.refunds - moves;
      const counted = expected + pick([0, 0, 0, 0, -25, 10, -100]);
      await tx
        .updateTable('shifts')
        .set({
          status: 'closed',
          closed_by: opts.actorId ?? null,
          closed_at: dayStart + 21 * HOUR,
          counted_cash: counted,
          expected_cash: expected,
          over_short: counted - expected,
          version: 2,
          updated_at: dayStart + 21 * HOUR,
        })
        .where('id', '=', shiftId)
        .execute();
    }
  }
  return result;
}

/** The tip checkout will compute for `percent` of the ticket's pre-tax service amount. */
async function previewTip(tx: Tx, saleId: string, percent: number): Promise<number> {
  if (!percent) return 0;
  const rows = await tx.selectFrom('sale_lines').select(['pre_tax', 'tip_eligible']).where('sale_id', '=', saleId).execute();
  const base = rows.reduce((a, r) => a + (r.tip_eligible === 1 ? r.pre_tax : 0), 0);
  return percentOf(base, percent * 100);
}
