// The sale as the API shows it (camelCase, cents, instants with the store's offset).
import type { Language } from '../../platform/i18n.js';
import { toZonedIso } from '../../platform/zoned-time.js';
import { lineFromRow, parseJson, toPricingLine } from './model.js';
import { priceTicket } from './pricing.js';
import type { DiscountInput, StaffShare } from './registry.js';
import type { LineRow, RefundRow, SaleRow, TaxRow, TenderRow, TipRow } from './repo.js';
import type { SalesSettings } from './settings.js';
import { rateName, storedRateName, type TaxSettings } from './tax.js';
import { tipSuggestions } from './tips.js';

export type DtoContext = { timeZone: string; tax: TaxSettings; settings: SalesSettings; lang: Language };

const iso = (ms: number | null, tz: string) => (ms === null ? null : toZonedIso(ms, tz));
const translated = (name: string, translations: string, lang: Language) =>
  parseJson<Record<string, string>>(translations, {})[lang] || name;

export function lineDto(r: LineRow, lang: Language) {
  return {
    id: r.id,
    kind: r.kind,
    refId: r.ref_id,
    name: r.name,
    displayName: translated(r.name, r.name_translations, lang),
    category: r.category,
    quantity: r.quantity,
    unitPrice: r.unit_price,
    listPrice: r.list_price,
    priceOverrideReason: r.price_override_reason,
    discount: parseJson<DiscountInput | null>(r.discount, null),
    approvedBy: r.approved_by,
    technicians: parseJson<StaffShare[]>(r.staff, []).map((s) => ({ staffId: s.staffId, sharePercent: s.shareBp / 100 })),
    data: parseJson<Record<string, unknown>>(r.data, {}),
    input: parseJson<Record<string, unknown>>(r.input, {}),
    note: r.note,
    gross: r.gross,
    lineDiscount: r.line_discount,
    ticketDiscount: r.ticket_discount,
    net: r.net,
    tax: r.tax,
    total: r.total,
    refundedQuantity: r.refunded_quantity,
    refundedAmount: r.refunded_amount,
  };
}

export function tenderDto(r: TenderRow) {
  return {
    id: r.id,
    kind: r.kind,
    amount: r.amount,
    tendered: r.tendered,
    change: r.change_due,
    tip: r.tip,
    details: parseJson<Record<string, unknown>>(r.data, {}),
    refundedAmount: r.refunded_amount,
  };
}

/** Tax by rate: from the stored rows of a completed sale, or re-computed for an open ticket. */
function taxBreakdown(sale: SaleRow, lines: readonly LineRow[], taxes: readonly TaxRow[] | null, c: DtoContext) {
  if (taxes) {
    const byCode = new Map<string, { code: string; name: string; rate: string; amount: number }>();
    for (const t of taxes) {
      const cur = byCode.get(t.code) ?? {
        code: t.code,
        name: storedRateName(t.name, t.name_translations, c.lang),
        rate: t.rate,
        amount: 0,
      };
      cur.amount += t.amount;
      byCode.set(t.code, cur);
    }
    return [...byCode.values()].filter((t) => t.amount !== 0);
  }
  const priced = priceTicket(lines.map(lineFromRow).map(toPricingLine), parseJson<DiscountInput | null>(sale.ticket_discount, null), c.tax);
  return priced.totals.taxes
    .filter((t) => t.amount !== 0)
    .map((t) => {
      const rate = c.tax.rates.find((r) => r.code === t.code);
      return { code: t.code, name: rate ? rateName(rate, c.lang) : t.code, rate: rate?.rate ?? '', amount: t.amount };
    });
}

export function saleDto(
  sale: SaleRow,
  lines: readonly LineRow[],
  c: DtoContext,
  extra: { tenders?: readonly TenderRow[]; tips?: readonly TipRow[]; taxes?: readonly TaxRow[]; refunds?: readonly RefundRow[] } = {},
) {
  const open = sale.status === 'open';
  const tipBase = lines.reduce((a, l) => a + (l.tip_eligible === 1 ? l.pre_tax : 0), 0);
  const tipsByStaff = new Map<string, number>();
  for (const t of extra.tips ?? []) tipsByStaff.set(t.staff_id, (tipsByStaff.get(t.staff_id) ?? 0) + t.amount);
  return {
    id: sale.id,
    storeId: sale.store_id,
    status: sale.status,
    label: sale.label,
    clientId: sale.client_id,
    appointmentId: sale.appointment_id,
    currency: sale.currency,
    note: sale.note,
    pricesIncludeTax: c.tax.pricesIncludeTax,
    lines: lines.map((l) => lineDto(l, c.lang)),
    discount: parseJson<DiscountInput | null>(sale.ticket_discount, null),
    subtotal: sale.subtotal,
    discountTotal: sale.discount_total,
    taxTotal: sale.tax_total,
    taxes: taxBreakdown(sale, lines, open ? null : (extra.taxes ?? []), c),
    total: sale.total,
    tipTotal: sale.tip_total,
    cashRounding: sale.cash_rounding,
    amountDue: open ? sale.total : sale.total + sale.tip_total + sale.cash_rounding,
    amountPaid: sale.amount_paid,
    changeDue: sale.change_due,
    refundedTotal: sale.refunded_total,
    tipBase,
    tipSuggestions: open ? tipSuggestions(c.settings.tipPresets, tipBase) : [],
    tenders: (extra.tenders ?? []).map(tenderDto),
    tips: [...tipsByStaff].map(([staffId, amount]) => ({ staffId, amount })),
    refunds: (extra.refunds ?? []).map((r) => ({
      id: r.id,
      kind: r.kind,
      receiptNumber: r.receipt_number,
      receiptCode: r.receipt_code,
      reason: r.reason,
      total: r.total,
      tax: r.tax,
      tip: r.tip,
      createdAt: iso(r.created_at, c.timeZone),
    })),
    receiptNumber: sale.receipt_number,
    receiptCode: sale.receipt_code,
    businessDate: sale.business_date,
    shiftId: sale.shift_id,
    createdAt: iso(sale.created_at, c.timeZone),
    completedAt: iso(sale.completed_at, c.timeZone),
    voidedAt: iso(sale.voided_at, c.timeZone),
    voidReason: sale.void_reason,
    version: sale.version,
  };
}
export type SaleDto = ReturnType<typeof saleDto>;
