// How much of what comes back, pure: line parts (quantity, tax in proportion, by rate), the tip, and
// which tender gives it back. Never more than what is left of a line, a tip or a tender.
import { allocate, type Currency, roundCashCad, roundHalfUp } from '../../platform/money.js';
import { SalesErrors } from './errors.js';
import { centsText } from './pricing.js';
import { paymentMismatch } from './tenders.js';

export type RefundableLine = {
  id: string;
  quantity: number;
  total: number;
  tax: number;
  refundedQuantity: number;
  refundedAmount: number;
  refundedTax: number;
  /** What is left of the line's tax, by rate (after earlier refunds). */
  taxesLeft: Array<{ code: string; amount: number }>;
  /** A kind's own cap (e.g. unspent top-up principal); undefined = what is left. */
  limit?: number | undefined;
};

export type PlannedLine = {
  lineId: string;
  quantity: number;
  total: number;
  tax: number;
  net: number;
  taxes: Array<{ code: string; amount: number }>;
  /** What the quantity asked would have refunded, when the kind's refund limit cut it down to `total`. */
  limitedFrom?: number;
};

export type RefundRequest = { lines?: Array<{ lineId: string; quantity: number }> | undefined; amount?: number | undefined };

const exceeds = (available: number) =>
  SalesErrors.refund_exceeds_paid({ available: centsText(Math.max(0, available)) }, [
    { path: '', message: `at most ${centsText(Math.max(0, available))}` },
  ]);

function part(l: RefundableLine, quantity: number, total: number): PlannedLine {
  const amountLeft = l.total - l.refundedAmount;
  const taxLeft = l.tax - l.refundedTax;
  const tax = total === amountLeft ? taxLeft : amountLeft === 0 ? 0 : roundHalfUp(taxLeft * total, amountLeft);
  const weights = l.taxesLeft.map((t) => Math.max(0, t.amount));
  const parts = tax !== 0 && weights.some((w) => w > 0) ? allocate(tax, weights) : l.taxesLeft.map(() => 0);
  return { lineId: l.id, quantity, total, tax, net: total - tax, taxes: l.taxesLeft.map((t, i) => ({ code: t.code, amount: parts[i]! })) };
}

/** The line parts of a refund: whole (nothing asked), chosen lines and quantities, or an amount spread in proportion. */
export function planLines(lines: readonly RefundableLine[], req: RefundRequest): PlannedLine[] {
  const left = (l: RefundableLine) => Math.min(l.total - l.refundedAmount, l.limit ?? Number.MAX_SAFE_INTEGER);
  if (req.lines) {
    const seen = new Set<string>();
    return req.lines.map((r) => {
      const l = lines.find((x) => x.id === r.lineId);
      if (!l || seen.has(r.lineId))
        throw SalesErrors.refund_empty({}, [{ path: 'lines', message: `line ${r.lineId} is not on this sale` }]);
      seen.add(r.lineId);
      const qtyLeft = l.quantity - l.refundedQuantity;
      if (r.quantity > qtyLeft) throw exceeds(left(l));
      const amountLeft = l.total - l.refundedAmount;
      const total = r.quantity === qtyLeft ? amountLeft : roundHalfUp(amountLeft * r.quantity, qtyLeft);
      // A kind's own cap (a package's unused value, a top-up's unspent principal): refund up to it, and say so.
      if (total > left(l)) {
        if (left(l) <= 0) throw exceeds(0);
        return { ...part(l, r.quantity, left(l)), limitedFrom: total };
      }
      return part(l, r.quantity, total);
    });
  }
  if (req.amount !== undefined) {
    const weights = lines.map(left);
    const available = weights.reduce((a, b) => a + b, 0);
    if (req.amount > available) throw exceeds(available);
    const shares = allocate(req.amount, weights);
    return lines.flatMap((l, i) => (shares[i]! > 0 ? [part(l, 0, shares[i]!)] : []));
  }
  return lines.flatMap((l) => {
    const total = left(l);
    return total > 0 || l.quantity - l.refundedQuantity > 0 ? [part(l, l.quantity - l.refundedQuantity, total)] : [];
  });
}

export type RefundableTender = { id: string; kind: string; cash: boolean; left: number };
export type PlannedTender = { tenderId: string; kind: string; amount: number };

/**
 * Which tenders give `amount` back. `closing` (nothing of the sale is left after this refund): every
 * tender gives back exactly what it has left, and the difference with `amount` is cash rounding. Otherwise
 * as asked, or in proportion to what each tender has left; in CAD a cash part rounds to 5 ¢.
 */
export function planTenders(
  tenders: readonly RefundableTender[],
  amount: number,
  opts: { closing: boolean; currency: Currency; asked?: Array<{ tenderId: string; amount: number }> | undefined },
): { parts: PlannedTender[]; cashRounding: number } {
  const available = tenders.reduce((a, t) => a + t.left, 0);
  if (opts.closing && !opts.asked) {
    const parts = tenders.filter((t) => t.left > 0).map((t) => ({ tenderId: t.id, kind: t.kind, amount: t.left }));
    return { parts, cashRounding: available - amount };
  }
  if (opts.asked) {
    const sum = opts.asked.reduce((a, x) => a + x.amount, 0);
    if (sum !== amount) throw paymentMismatch(amount, sum);
    const parts = opts.asked.map((a) => {
      const t = tenders.find((x) => x.id === a.tenderId);
      if (!t) throw SalesErrors.refund_empty({}, [{ path: 'tenders', message: `tender ${a.tenderId} is not on this sale` }]);
      if (a.amount > t.left) throw exceeds(t.left);
      return { tenderId: t.id, kind: t.kind, amount: a.amount };
    });
    return { parts: parts.filter((p) => p.amount > 0), cashRounding: 0 };
  }
  if (amount > available) throw exceeds(available);
  const shares = allocate(
    amount,
    tenders.map((t) => t.left),
  );
  let cashRounding = 0;
  const parts = tenders.map((t, i) => {
    let a = shares[i]!;
    if (t.cash && opts.currency === 'CAD' && a > 0) {
      const rounded = Math.min(roundCashCad(a), t.left);
      cashRounding += rounded - a;
      a = rounded;
    }
    return { tenderId: t.id, kind: t.kind, amount: a };
  });
  return { parts: parts.filter((p) => p.amount > 0), cashRounding };
}
