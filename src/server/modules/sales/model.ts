// Rows ↔ the shapes checkout works with (ticket lines, snapshots for hooks). Pure.
import type { Insertable } from 'kysely';
import type { SaleLinesTable } from '../../db/tables.js';
import type { Currency } from '../../platform/money.js';
import type { PricedTicketLine, PricingLine } from './pricing.js';
import type { DiscountInput, SaleLine, SaleSnapshot, SaleTender, StaffShare, Translations } from './registry.js';
import type { LineRow, SaleRow, TenderRow } from './repo.js';

/** A line of an open ticket, resolved by its kind (before amounts are computed). */
export type TicketLine = {
  id: string;
  kind: string;
  refId: string | null;
  name: string;
  nameTranslations: Translations;
  category: string;
  taxClass: string | null;
  quantity: number;
  unitPrice: number;
  listPrice: number;
  priceOverrideReason: string | null;
  discount: DiscountInput | null;
  discountable: boolean;
  priceOverridable: boolean;
  tipEligible: boolean;
  staff: StaffShare[];
  data: Record<string, unknown>;
  note: string | null;
  approvedBy: string | null;
  /** The kind's own fields as entered. */
  input: Record<string, unknown>;
};

const json = <T>(text: string | null, fallback: T): T => {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export function lineFromRow(r: LineRow): TicketLine {
  return {
    id: r.id,
    kind: r.kind,
    refId: r.ref_id,
    name: r.name,
    nameTranslations: json(r.name_translations, {}),
    category: r.category,
    taxClass: r.tax_class,
    quantity: r.quantity,
    unitPrice: r.unit_price,
    listPrice: r.list_price,
    priceOverrideReason: r.price_override_reason,
    discount: json<DiscountInput | null>(r.discount, null),
    discountable: r.discountable === 1,
    priceOverridable: r.price_overridable === 1,
    tipEligible: r.tip_eligible === 1,
    staff: json<StaffShare[]>(r.staff, []),
    data: json(r.data, {}),
    note: r.note,
    approvedBy: r.approved_by,
    input: json(r.input, {}),
  };
}

export const toPricingLine = (l: TicketLine): PricingLine => ({
  key: l.id,
  quantity: l.quantity,
  unitPrice: l.unitPrice,
  taxClass: l.taxClass,
  discountable: l.discountable,
  tipEligible: l.tipEligible,
  discount: l.discount,
  staff: l.staff,
});

export function lineRow(saleId: string, position: number, l: TicketLine, p: PricedTicketLine): Insertable<SaleLinesTable> {
  return {
    id: l.id,
    sale_id: saleId,
    position,
    kind: l.kind,
    ref_id: l.refId,
    name: l.name,
    name_translations: JSON.stringify(l.nameTranslations),
    category: l.category,
    tax_class: l.taxClass,
    quantity: l.quantity,
    unit_price: l.unitPrice,
    list_price: l.listPrice,
    price_override_reason: l.priceOverrideReason,
    discount: l.discount ? JSON.stringify(l.discount) : null,
    approved_by: l.approvedBy,
    discountable: l.discountable ? 1 : 0,
    price_overridable: l.priceOverridable ? 1 : 0,
    tip_eligible: l.tipEligible ? 1 : 0,
    staff: JSON.stringify(l.staff),
    data: JSON.stringify(l.data),
    input: JSON.stringify(l.input),
    note: l.note,
    gross: p.gross,
    line_discount: p.lineDiscount,
    ticket_discount: p.ticketDiscount,
    net: p.net,
    tax: p.tax,
    total: p.total,
    pre_tax: p.preTax,
    refunded_quantity: 0,
    refunded_amount: 0,
  };
}

export function saleLine(r: LineRow): SaleLine {
  const l = lineFromRow(r);
  return {
    id: r.id,
    position: r.position,
    kind: r.kind,
    refId: r.ref_id,
    name: r.name,
    category: r.category,
    taxClass: r.tax_class,
    quantity: r.quantity,
    unitPrice: r.unit_price,
    gross: r.gross,
    discount: r.line_discount + r.ticket_discount,
    lineDiscount: r.line_discount,
    ticketDiscount: r.ticket_discount,
    discountSource: l.discount?.source ?? null,
    net: r.net,
    tax: r.tax,
    total: r.total,
    preTax: r.pre_tax,
    staff: l.staff,
    data: l.data,
    refundedQuantity: r.refunded_quantity,
    refundedAmount: r.refunded_amount,
  };
}

export const saleTender = (r: TenderRow): SaleTender => ({
  id: r.id,
  position: r.position,
  kind: r.kind,
  amount: r.amount,
  tendered: r.tendered,
  change: r.change_due,
  tip: r.tip,
  data: json(r.data, {}),
  refundedAmount: r.refunded_amount,
});

export function snapshot(sale: SaleRow, lines: readonly LineRow[], tenders: readonly TenderRow[]): SaleSnapshot {
  return {
    id: sale.id,
    storeId: sale.store_id,
    clientId: sale.client_id,
    appointmentId: sale.appointment_id,
    currency: sale.currency as Currency,
    status: sale.status === 'voided' ? 'voided' : 'completed',
    receiptNumber: sale.receipt_number,
    receiptCode: sale.receipt_code,
    businessDate: sale.business_date ?? '',
    completedAt: sale.completed_at ?? 0,
    subtotal: sale.subtotal,
    discountTotal: sale.discount_total,
    taxTotal: sale.tax_total,
    tipTotal: sale.tip_total,
    total: sale.total,
    cashRounding: sale.cash_rounding,
    amountPaid: sale.amount_paid,
    refundedTotal: sale.refunded_total,
    ticketDiscount: json<DiscountInput | null>(sale.ticket_discount, null),
    lines: lines.map(saleLine),
    tenders: tenders.map(saleTender),
  };
}

export { json as parseJson };
