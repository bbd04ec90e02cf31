// Property tests of the ticket arithmetic: for any lines, discounts, tax settings, tips and tenders,
// subtotal − discounts + tax (+ tips) = total, and the tenders pay exactly the total (+ CAD cash rounding).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PricingLine, priceTicket, serviceWeights } from './pricing.js';
import type { DiscountInput } from './registry.js';
import { settleTenders } from './tenders.js';
import { arbitrarySettings } from './test-arbitraries.js';
import { splitTip, tenderTipParts, tipsByTender } from './tips.js';

const STAFF = ['s1', 's2', 's3'];

const line = fc
  .record({
    quantity: fc.integer({ min: 1, max: 5 }),
    unitPrice: fc.integer({ min: 0, max: 50_000 }),
    taxClass: fc.constantFrom('service', 'product', null),
    discountable: fc.boolean(),
    tipEligible: fc.boolean(),
    staff: fc.constantFrom(
      [{ staffId: 's1', shareBp: 10_000 }],
      [
        { staffId: 's2', shareBp: 6_000 },
        { staffId: 's3', shareBp: 4_000 },
      ],
      [],
    ),
    discountKind: fc.constantFrom('none', 'amount', 'percent'),
    discountFraction: fc.integer({ min: 0, max: 100 }),
  })
  .map((l): PricingLine => {
    const gross = l.quantity * l.unitPrice;
    let discount: DiscountInput | null = null;
    if (l.discountable && l.discountKind === 'amount')
      discount = { type: 'amount', amount: Math.floor((gross * l.discountFraction) / 100), reason: 'r' };
    if (l.discountable && l.discountKind === 'percent') discount = { type: 'percent', percent: l.discountFraction, reason: 'r' };
    return {
      key: 'line',
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxClass: l.taxClass,
      discountable: l.discountable,
      tipEligible: l.tipEligible,
      discount,
      staff: [...l.staff],
    };
  });

const ticketDiscount = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: 100 }).map((p): DiscountInput => ({ type: 'percent', percent: p, reason: 't' })),
    fc.integer({ min: 0, max: 100 }).map((f): DiscountInput => ({ type: 'amount', amount: f, reason: 't' })), // fraction of base, fixed below
  ),
  { nil: null },
);

describe('ticket arithmetic', () => {
  it('subtotal − discounts + tax added = total; totals are the sums of the lines; tenders = total + tips (+ cash rounding)', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        ticketDiscount,
        arbitrarySettings,
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom('USD', 'CAD') as fc.Arbitrary<'USD' | 'CAD'>,
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        (lines, td, settings, tipPercent, currency, cardShare, withCash) => {
          // An amount ticket discount is drawn as a fraction of what it can take.
          const lineDiscounted = lines.reduce((a, l) => {
            if (!l.discountable) return a;
            const gross = l.quantity * l.unitPrice;
            const d = l.discount
              ? l.discount.type === 'amount'
                ? l.discount.amount!
                : Math.round((gross * l.discount.percent!) / 100)
              : 0;
            return a + gross - d;
          }, 0);
          const discount = td && td.type === 'amount' ? { ...td, amount: Math.floor((lineDiscounted * td.amount!) / 100) } : td;
          const { lines: priced, totals } = priceTicket(lines, discount, settings);

          expect(totals.subtotal - totals.discountTotal + totals.taxAdded).toBe(totals.total);
          expect(priced.reduce((a, l) => a + l.total, 0)).toBe(totals.total);
          expect(priced.reduce((a, l) => a + l.tax, 0)).toBe(totals.taxTotal);
          expect(totals.taxes.reduce((a, t) => a + t.amount, 0)).toBe(totals.taxTotal);
          for (const [i, l] of priced.entries()) {
            expect(l.net).toBeGreaterThanOrEqual(0);
            expect(l.gross - l.discount).toBe(l.net);
            if (!lines[i]!.discountable) expect(l.discount).toBe(0);
            if (lines[i]!.taxClass === null) expect(l.tax).toBe(0);
          }

          // Tips: split by service share among the technicians, laid over the tenders.
          const weights = serviceWeights(lines, priced);
          const tip = weights.length ? Math.floor((totals.tipBase * tipPercent) / 100) : 0;
          const perStaff = splitTip(tip, 'share', weights);
          expect(perStaff.reduce((a, p) => a + p.amount, 0)).toBe(tip);
          for (const p of perStaff) expect(STAFF).toContain(p.staffId);

          const due = totals.total + tip;
          const card = Math.floor((due * (withCash ? cardShare : 100)) / 100);
          const tenders = [
            ...(card > 0 || !withCash ? [{ amount: card, cash: false }] : []),
            ...(withCash ? [{ amount: due - card + 1_000, cash: true }] : []),
          ];
          const settled = settleTenders(due, tenders, currency);
          const paid = settled.tenders.reduce((a, t) => a + t.applied, 0);
          expect(paid).toBe(due + settled.cashRounding);
          expect(settled.paid).toBe(paid);
          expect(Math.abs(settled.cashRounding)).toBeLessThanOrEqual(2);
          if (currency === 'USD' || !withCash) expect(settled.cashRounding).toBe(0);
          if (currency === 'CAD' && withCash) expect(settled.tenders.at(-1)!.applied % 5).toBe(0);
          for (const t of settled.tenders) expect(t.tendered - t.applied).toBe(t.change);

          const parts = tenderTipParts(
            tip,
            tenders.map(() => undefined),
            settled.tenders.map((t) => t.applied),
          );
          expect(parts.reduce((a, b) => a + b, 0)).toBe(tip);
          const cells = tipsByTender(perStaff, parts);
          for (const p of perStaff) expect(cells.filter((c) => c.staffId === p.staffId).reduce((a, c) => a + c.amount, 0)).toBe(p.amount);
          for (const [j, t] of parts.entries()) expect(cells.filter((c) => c.tender === j).reduce((a, c) => a + c.amount, 0)).toBe(t);
          expect(cells.every((c) => c.amount > 0)).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
