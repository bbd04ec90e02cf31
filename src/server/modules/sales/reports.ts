// Sales summaries for X (one shift) and Z (one store, one business day) reports. Sums in SQL, by the
// same stored per-line amounts receipts print, so a report always agrees with its receipts.
import { sql } from 'kysely';
import type { Executor } from '../../db/tx.js';
import type { Language } from '../../platform/i18n.js';
import { parseJson } from './model.js';
import { storedRateName } from './tax.js';

export type SalesFilter = { storeId: string; date: string } | { shiftId: string };

const n = (v: unknown) => Number(v ?? 0);

/** `lang`: the language tax rate names are given in (as each sale saved them). */
export async function summarizeSales(db: Executor, filter: SalesFilter, lang: Language = 'en') {
  const salesQ = () => {
    const q = db.selectFrom('sales').where('sales.status', 'in', ['completed', 'voided']);
    return 'shiftId' in filter
      ? q.where('sales.shift_id', '=', filter.shiftId)
      : q.where('sales.store_id', '=', filter.storeId).where('sales.business_date', '=', filter.date);
  };
  const refundsQ = () => {
    const q = db.selectFrom('sale_refunds');
    return 'shiftId' in filter
      ? q.where('sale_refunds.shift_id', '=', filter.shiftId)
      : q.where('sale_refunds.store_id', '=', filter.storeId).where('sale_refunds.business_date', '=', filter.date);
  };

  const [totals, byCategory, taxes, tenders, tips, refunds, refundTenders, refundLines, refundRange] = await Promise.all([
    salesQ()
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        eb.fn.sum<number>('sales.subtotal').as('subtotal'),
        eb.fn.sum<number>('sales.discount_total').as('discounts'),
        eb.fn.sum<number>('sales.tax_total').as('tax'),
        eb.fn.sum<number>('sales.tip_total').as('tips'),
        eb.fn.sum<number>('sales.total').as('total'),
        eb.fn.sum<number>('sales.cash_rounding').as('cash_rounding'),
        eb.fn.sum<number>('sales.amount_paid').as('paid'),
        eb.fn.min<number>('sales.receipt_number').as('first'),
        eb.fn.max<number>('sales.receipt_number').as('last'),
      ])
      .executeTakeFirstOrThrow(),
    salesQ()
      .innerJoin('sale_lines', 'sale_lines.sale_id', 'sales.id')
      .select((eb) => [
        'sale_lines.category',
        eb.fn.sum<number>('sale_lines.quantity').as('quantity'),
        eb.fn.sum<number>('sale_lines.gross').as('gross'),
        eb.fn.sum<number>(sql`sale_lines.line_discount + sale_lines.ticket_discount`).as('discounts'),
        eb.fn.sum<number>('sale_lines.pre_tax').as('pre_tax'),
        eb.fn.sum<number>('sale_lines.tax').as('tax'),
        eb.fn.sum<number>('sale_lines.total').as('total'),
      ])
      .groupBy('sale_lines.category')
      .orderBy('sale_lines.category')
      .execute(),
    salesQ()
      .innerJoin('sale_taxes', 'sale_taxes.sale_id', 'sales.id')
      .select((eb) => [
        'sale_taxes.code',
        eb.fn.max('sale_taxes.name').as('name'),
        // Rows saved before names were kept in every language hold '{}': any other wins.
        eb.fn
          .max(sql<string | null>`case when sale_taxes.name_translations = '{}' then null else sale_taxes.name_translations end`)
          .as('names'),
        eb.fn.max('sale_taxes.rate').as('rate'),
        eb.fn.sum<number>('sale_taxes.amount').as('amount'),
      ])
      .groupBy('sale_taxes.code')
      .orderBy('sale_taxes.code')
      .execute(),
    salesQ()
      .innerJoin('sale_tenders', 'sale_tenders.sale_id', 'sales.id')
      .select((eb) => [
        'sale_tenders.kind',
        eb.fn.countAll<number>().as('count'),
        eb.fn.sum<number>('sale_tenders.amount').as('amount'),
        eb.fn.sum<number>('sale_tenders.tip').as('tip'),
      ])
      .groupBy('sale_tenders.kind')
      .orderBy('sale_tenders.kind')
      .execute(),
    salesQ()
      .innerJoin('sale_tips', 'sale_tips.sale_id', 'sales.id')
      .innerJoin('staff', 'staff.id', 'sale_tips.staff_id')
      .where('sale_tips.refund_id', 'is', null)
      .select((eb) => [
        'sale_tips.staff_id',
        eb.fn.max('staff.display_name').as('name'),
        'sale_tips.tender_kind',
        eb.fn.sum<number>('sale_tips.amount').as('amount'),
      ])
      .groupBy(['sale_tips.staff_id', 'sale_tips.tender_kind'])
      .execute(),
    refundsQ()
      .select((eb) => [
        'sale_refunds.kind',
        eb.fn.countAll<number>().as('count'),
        eb.fn.sum<number>('sale_refunds.total').as('total'),
        eb.fn.sum<number>('sale_refunds.tax').as('tax'),
        eb.fn.sum<number>('sale_refunds.tip').as('tip'),
        eb.fn.sum<number>('sale_refunds.cash_rounding').as('cash_rounding'),
      ])
      .groupBy('sale_refunds.kind')
      .execute(),
    refundsQ()
      .innerJoin('sale_refund_tenders', 'sale_refund_tenders.refund_id', 'sale_refunds.id')
      .select((eb) => ['sale_refund_tenders.kind', eb.fn.sum<number>('sale_refund_tenders.amount').as('amount')])
      .groupBy('sale_refund_tenders.kind')
      .execute(),
    refundsQ()
      .innerJoin('sale_refund_lines', 'sale_refund_lines.refund_id', 'sale_refunds.id')
      .select(['sale_refund_lines.taxes'])
      .execute(),
    refundsQ()
      .select((eb) => [
        eb.fn.min<number>('sale_refunds.receipt_number').as('first'),
        eb.fn.max<number>('sale_refunds.receipt_number').as('last'),
      ])
      .executeTakeFirstOrThrow(),
  ]);

  const refundedByRate = new Map<string, number>();
  for (const r of refundLines)
    for (const t of parseJson<Array<{ code: string; amount: number }>>(r.taxes, []))
      refundedByRate.set(t.code, (refundedByRate.get(t.code) ?? 0) + t.amount);
  const refundedByTender = new Map(refundTenders.map((r) => [r.kind, n(r.amount)]));
  const refundKind = (k: string) => refunds.find((r) => r.kind === k);
  const refundTotal = refunds.reduce((a, r) => a + n(r.total), 0);
  const byStaff = new Map<string, { staffId: string; name: string; amount: number; byTender: Record<string, number> }>();
  for (const t of tips) {
    const cur = byStaff.get(t.staff_id) ?? { staffId: t.staff_id, name: String(t.name ?? ''), amount: 0, byTender: {} };
    cur.amount += n(t.amount);
    cur.byTender[t.tender_kind ?? 'none'] = (cur.byTender[t.tender_kind ?? 'none'] ?? 0) + n(t.amount);
    byStaff.set(t.staff_id, cur);
  }
  const receiptNumbers = [n(totals.first), n(totals.last), n(refundRange.first), n(refundRange.last)].filter((x) => x > 0);
  const kinds = [...new Set([...tenders.map((t) => t.kind), ...refundTenders.map((t) => t.kind)])].sort();
  return {
    sales: {
      count: n(totals.count),
      subtotal: n(totals.subtotal),
      discounts: n(totals.discounts),
      tax: n(totals.tax),
      total: n(totals.total),
      tips: n(totals.tips),
      cashRounding: n(totals.cash_rounding),
      paid: n(totals.paid),
    },
    byCategory: byCategory.map((c) => ({
      category: c.category,
      quantity: n(c.quantity),
      gross: n(c.gross),
      discounts: n(c.discounts),
      net: n(c.pre_tax),
      tax: n(c.tax),
      total: n(c.total),
    })),
    taxes: taxes.map((t) => {
      const refunded = refundedByRate.get(t.code) ?? 0;
      const name = storedRateName(String(t.name), t.names as string | null, lang);
      return { code: t.code, name, rate: String(t.rate), collected: n(t.amount), refunded, net: n(t.amount) - refunded };
    }),
    tenders: kinds.map((kind) => {
      const t = tenders.find((x) => x.kind === kind);
      const refunded = refundedByTender.get(kind) ?? 0;
      return { kind, count: n(t?.count), amount: n(t?.amount), tip: n(t?.tip), refunded, net: n(t?.amount) - refunded };
    }),
    tips: { total: n(totals.tips), refunded: refunds.reduce((a, r) => a + n(r.tip), 0), byStaff: [...byStaff.values()] },
    refunds: {
      count: n(refundKind('refund')?.count),
      total: n(refundKind('refund')?.total),
      tax: n(refundKind('refund')?.tax),
      tip: n(refundKind('refund')?.tip),
    },
    voids: { count: n(refundKind('void')?.count), total: n(refundKind('void')?.total) },
    /** What was paid, minus everything given back. */
    net: n(totals.paid) - refundTotal,
    receiptRange: receiptNumbers.length ? { first: Math.min(...receiptNumbers), last: Math.max(...receiptNumbers) } : null,
  };
}
export type SalesSummary = Awaited<ReturnType<typeof summarizeSales>>;

/** Cash a shift's drawer took in from sales and paid out for refunds. */
export async function cashOfShift(db: Executor, shiftId: string): Promise<{ sales: number; refunds: number }> {
  const [sales, refunds] = await Promise.all([
    db
      .selectFrom('sale_tenders')
      .select((eb) => eb.fn.sum<number>('amount').as('amount'))
      .where('shift_id', '=', shiftId)
      .where('kind', '=', 'cash')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('sale_refund_tenders')
      .select((eb) => eb.fn.sum<number>('amount').as('amount'))
      .where('shift_id', '=', shiftId)
      .where('kind', '=', 'cash')
      .executeTakeFirstOrThrow(),
  ]);
  return { sales: n(sales.amount), refunds: n(refunds.amount) };
}
