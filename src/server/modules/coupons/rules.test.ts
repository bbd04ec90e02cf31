import { describe, expect, it } from 'vitest';
import { type Coupon, type CouponLine, eligibleLineIds, stackingProblem } from './rules.js';

const coupon = (over: Partial<Coupon> = {}): Coupon => ({
  id: 'c1',
  code: 'C1',
  name: 'c',
  kind: 'amount',
  value: 500,
  serviceId: null,
  maxDiscount: null,
  minSpend: 0,
  startsOn: null,
  endsOn: null,
  storeIds: null,
  categoryIds: null,
  perClientLimit: null,
  totalLimit: null,
  stackable: false,
  stacksWithTier: false,
  stacksWithManual: false,
  issuedOnly: false,
  active: true,
  ...over,
});
const line = (id: string, over: Partial<CouponLine> = {}): CouponLine => ({
  id,
  kind: 'service',
  refId: `svc-${id}`,
  discountable: true,
  data: {},
  ...over,
});

describe('coupon eligibility by line', () => {
  const lines = [
    line('a', { data: { categoryId: 'nails' } }),
    line('b', { data: { categoryId: 'spa' } }),
    line('c', { kind: 'product', data: { categoryId: 'nails' } }),
    line('d', { discountable: false, data: { categoryId: 'nails' } }),
  ];
  it('is every line for a coupon without categories or service', () => {
    expect(eligibleLineIds(coupon(), lines)).toBeNull();
  });
  it('is the discountable service lines of its categories', () => {
    expect(eligibleLineIds(coupon({ categoryIds: ['nails'] }), lines)).toEqual(['a']);
    expect(eligibleLineIds(coupon({ categoryIds: ['hair'] }), lines)).toEqual([]);
  });
  it('is the lines of its free service', () => {
    expect(eligibleLineIds(coupon({ kind: 'free_service', serviceId: 'svc-b' }), lines)).toEqual(['b']);
  });
});

describe('coupon stacking', () => {
  const none = { coupons: [], tier: false, manual: false };
  it('allows a coupon alone', () => {
    expect(stackingProblem(coupon(), none)).toBeNull();
  });
  it('allows one coupon once per ticket', () => {
    expect(stackingProblem(coupon({ stackable: true }), { ...none, coupons: [{ id: 'c1', stackable: true }] })).toBe('duplicate');
  });
  it('keeps a non-stackable coupon alone, whichever is checked', () => {
    expect(stackingProblem(coupon(), { ...none, coupons: [{ id: 'c2', stackable: true }] })).toBe('not_stackable');
    expect(stackingProblem(coupon({ stackable: true }), { ...none, coupons: [{ id: 'c2', stackable: false }] })).toBe('not_stackable');
    expect(stackingProblem(coupon({ stackable: true }), { ...none, coupons: [{ id: 'c2', stackable: true }] })).toBeNull();
  });
  it('meets tier and desk discounts only when the campaign allows it', () => {
    expect(stackingProblem(coupon(), { ...none, tier: true })).toBe('not_with_tier');
    expect(stackingProblem(coupon({ stacksWithTier: true }), { ...none, tier: true })).toBeNull();
    expect(stackingProblem(coupon(), { ...none, manual: true })).toBe('not_with_manual');
    expect(stackingProblem(coupon({ stacksWithManual: true }), { ...none, manual: true })).toBeNull();
  });
});
