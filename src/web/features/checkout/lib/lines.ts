// Turning the lines of a ticket back into request lines (PATCH /sales/:id replaces all lines): each keeps
// its id and its kind's own fields (`input`), so the server re-prices only what changed. Pure.
import type { Discount, LineInput, SaleLine, Technician } from '../types.js';

/** The discount as a request sends it (the server adds approvedBy; sending it back is refused). */
export function discountBody(d: Discount | null | undefined): Discount | null {
  if (!d) return null;
  const out: Discount =
    d.type === 'amount'
      ? { type: 'amount', amount: d.amount ?? 0, reason: d.reason }
      : { type: 'percent', percent: d.percent ?? 0, reason: d.reason };
  if (d.source) out.source = d.source;
  return out;
}

export type LineChange = {
  quantity?: number;
  /** A typed unit price; null goes back to the list price. */
  unitPrice?: number | null;
  priceOverrideReason?: string | null;
  discount?: Discount | null;
  note?: string | null;
  technicians?: Array<{ staffId: string; sharePercent?: number }>;
  /** Who sold a product or add-on (commission); null: nobody. */
  seller?: string | null;
};

/** Kinds whose line credits one optional seller (`staffId`) rather than technicians. */
export const SELLER_KINDS: ReadonlySet<string> = new Set(['product', 'add_on']);

/** One stored line as a request line, with `change` applied. */
export function lineBody(line: SaleLine, change: LineChange = {}): LineInput {
  const input: Record<string, unknown> = { ...line.input };
  if (change.technicians && 'technicians' in input) input.technicians = change.technicians;
  if (change.seller !== undefined && SELLER_KINDS.has(line.kind)) {
    if (change.seller) input.staffId = change.seller;
    else delete input.staffId;
  }
  const body: LineInput = { ...input, id: line.id, kind: line.kind, quantity: change.quantity ?? line.quantity };
  const price = change.unitPrice === undefined ? (line.unitPrice !== line.listPrice ? line.unitPrice : null) : change.unitPrice;
  if (price !== null && price !== line.listPrice) {
    body.unitPrice = price;
    const reason = change.priceOverrideReason === undefined ? line.priceOverrideReason : change.priceOverrideReason;
    if (reason) body.priceOverrideReason = reason;
  }
  const discount = change.discount === undefined ? discountBody(line.discount) : discountBody(change.discount);
  if (discount) body.discount = discount;
  const note = change.note === undefined ? line.note : change.note;
  if (note) body.note = note;
  return body;
}

/** Every line of the ticket as request lines, one of them changed. */
export function linesWith(lines: readonly SaleLine[], lineId: string, change: LineChange): LineInput[] {
  return lines.map((l) => (l.id === lineId ? lineBody(l, change) : lineBody(l)));
}

/** Technicians as a request sends them: one takes all; two keep their shares. */
export function techniciansBody(list: readonly Technician[]): Array<{ staffId: string; sharePercent?: number }> {
  if (list.length < 2) return list.map((t) => ({ staffId: t.staffId }));
  return list.map((t) => ({ staffId: t.staffId, sharePercent: Math.round(t.sharePercent) }));
}

/** The technicians credited on a ticket, in order of first appearance. */
export function ticketTechnicians(lines: readonly SaleLine[]): string[] {
  const out: string[] = [];
  for (const l of lines) for (const t of l.technicians) if (!out.includes(t.staffId)) out.push(t.staffId);
  return out;
}

/** What a line shows as its amount: quantity × price less its own discount (ticket discounts show below). */
export const lineAmount = (l: SaleLine) => l.gross - l.lineDiscount;
