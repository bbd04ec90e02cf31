// Ticket arithmetic, pure: discounts, taxes, totals. Every total is a sum of per-line integers, so the
// totals always equal the sum of their parts.
//
//   gross        = quantity × unitPrice
//   discount     = line discount + the line's share of the ticket discount (largest-remainder allocation
//                  over discountable lines in proportion to their amount after line discounts)
//   net          = gross − discount
//   tax          = Σ rates of taxLine(net) (per line, per rate, half-up — see tax.ts)
//   total (line) = net + tax when prices exclude tax; net when they include it
//   ticket total = Σ line totals = subtotal − discounts + tax (exclusive) | subtotal − discounts (inclusive)
import { allocate, percentOf } from '../../platform/money.js';
import { SalesErrors } from './errors.js';
import type { DiscountInput, StaffShare } from './registry.js';
import { type LineTax, type TaxSettings, taxLine } from './tax.js';

export type PricingLine = {
  key: string;
  quantity: number;
  unitPrice: number;
  taxClass: string | null;
  discountable: boolean;
  tipEligible: boolean;
  discount: DiscountInput | null;
  staff: StaffShare[];
};

export type PricedTicketLine = {
  key: string;
  gross: number;
  lineDiscount: number;
  ticketDiscount: number;
  discount: number;
  net: number;
  taxes: LineTax[];
  tax: number;
  total: number;
  preTax: number;
};

export type TicketTotals = {
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  /** Tax added on top of prices (0 when prices include tax). */
  taxAdded: number;
  total: number;
  /** Pre-tax amount of tip-eligible lines (services) after discounts: the base of tip percentages. */
  tipBase: number;
  /** Tax by rate code, summed from the lines. */
  taxes: LineTax[];
};

export type PricedTicket = { lines: PricedTicketLine[]; totals: TicketTotals };

/** Percent with up to 2 decimals → basis points, exactly (12.5 → 1250). */
export function percentToBp(percent: number): number {
  return Math.round(percent * 100);
}

export const centsText = (cents: number): string => {
  const abs = String(Math.abs(cents)).padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
};

/** What a discount takes off `base` cents; refuses more than the base. */
export function discountAmount(d: DiscountInput, base: number): number {
  const amount = d.type === 'amount' ? (d.amount ?? 0) : percentOf(base, percentToBp(d.percent ?? 0));
  if (amount > base) throw SalesErrors.discount_too_large({ max: centsText(base) });
  return amount;
}

export function priceTicket(lines: readonly PricingLine[], ticketDiscount: DiscountInput | null, settings: TaxSettings): PricedTicket {
  const grosses = lines.map((l) => l.quantity * l.unitPrice);
  const lineDiscounts = lines.map((l, i) => {
    if (!l.discount) return 0;
    if (!l.discountable) throw SalesErrors.not_discountable();
    return discountAmount(l.discount, grosses[i]!);
  });
  const afterLine = grosses.map((g, i) => g - lineDiscounts[i]!);

  // The ticket discount spreads over discountable lines (those in its scope, when its source set one) in
  // proportion to what is left of each.
  const scope = ticketDiscount?.lineIds ? new Set(ticketDiscount.lineIds) : null;
  const weights = lines.map((l, i) => (l.discountable && (!scope || scope.has(l.key)) ? afterLine[i]! : 0));
  const discountableTotal = weights.reduce((a, b) => a + b, 0);
  let shares = lines.map(() => 0);
  if (ticketDiscount) {
    const amount = discountAmount(ticketDiscount, discountableTotal);
    if (amount > 0) shares = allocate(amount, weights);
  }

  const priced = lines.map((l, i): PricedTicketLine => {
    const net = afterLine[i]! - shares[i]!;
    const t = taxLine(net, l.taxClass, settings);
    return {
      key: l.key,
      gross: grosses[i]!,
      lineDiscount: lineDiscounts[i]!,
      ticketDiscount: shares[i]!,
      discount: lineDiscounts[i]! + shares[i]!,
      net,
      taxes: t.taxes,
      tax: t.tax,
      total: settings.pricesIncludeTax ? net : net + t.tax,
      preTax: t.preTax,
    };
  });
  return { lines: priced, totals: totalsOf(priced, lines, settings) };
}

function totalsOf(priced: PricedTicketLine[], lines: readonly PricingLine[], settings: TaxSettings): TicketTotals {
  const sum = (f: (l: PricedTicketLine) => number) => priced.reduce((a, l) => a + f(l), 0);
  const byRate = new Map<string, number>();
  for (const l of priced) for (const t of l.taxes) byRate.set(t.code, (byRate.get(t.code) ?? 0) + t.amount);
  const taxTotal = sum((l) => l.tax);
  return {
    subtotal: sum((l) => l.gross),
    discountTotal: sum((l) => l.discount),
    taxTotal,
    taxAdded: settings.pricesIncludeTax ? 0 : taxTotal,
    total: sum((l) => l.total),
    tipBase: priced.reduce((a, l, i) => a + (lines[i]!.tipEligible ? l.preTax : 0), 0),
    taxes: [...byRate].map(([code, amount]) => ({ code, amount })),
  };
}

/**
 * Each technician's weight for a tip split "by service share": the pre-tax amount of the tip-eligible
 * lines they performed, times their share of each line. Technicians in first-seen order.
 */
export function serviceWeights(
  lines: readonly PricingLine[],
  priced: readonly PricedTicketLine[],
): Array<{ staffId: string; weight: number }> {
  const out = new Map<string, number>();
  lines.forEach((l, i) => {
    if (!l.tipEligible) return;
    for (const s of l.staff) out.set(s.staffId, (out.get(s.staffId) ?? 0) + priced[i]!.preTax * s.shareBp);
  });
  return [...out].map(([staffId, weight]) => ({ staffId, weight }));
}
