import { describe, expect, it } from 'vitest';
import { planLines, type RefundableLine } from './refund-plan.js';

const line = (over: Partial<RefundableLine> = {}): RefundableLine => ({
  id: 'l1',
  quantity: 1,
  total: 10_875,
  tax: 875,
  refundedQuantity: 0,
  refundedAmount: 0,
  refundedTax: 0,
  taxesLeft: [{ code: 'ny', amount: 875 }],
  ...over,
});

describe('refund plan: a kind’s refund limit', () => {
  it('refunds a line by quantity up to the limit, tax in proportion, and says what was asked', () => {
    const [p] = planLines([line({ limit: 5_438 })], { lines: [{ lineId: 'l1', quantity: 1 }] });
    expect(p).toMatchObject({ quantity: 1, total: 5_438, tax: 438, net: 5_000, limitedFrom: 10_875 });
    expect(p!.taxes).toEqual([{ code: 'ny', amount: 438 }]);
  });

  it('refuses when the limit leaves nothing, and is silent when the limit does not bind', () => {
    expect(() => planLines([line({ limit: 0 })], { lines: [{ lineId: 'l1', quantity: 1 }] })).toThrow(
      expect.objectContaining({ code: 'refund_exceeds_paid' }),
    );
    const [p] = planLines([line({ limit: 20_000 })], { lines: [{ lineId: 'l1', quantity: 1 }] });
    expect(p).toMatchObject({ total: 10_875, tax: 875 });
    expect(p!.limitedFrom).toBeUndefined();
  });
});
