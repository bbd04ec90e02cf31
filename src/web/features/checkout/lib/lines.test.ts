import { describe, expect, it } from 'vitest';
import type { SaleLine } from '../types.js';
import { discountBody, lineBody, linesWith, techniciansBody, ticketTechnicians } from './lines.js';

const line = (over: Partial<SaleLine> = {}): SaleLine => ({
  id: 'l1',
  kind: 'service',
  refId: 's1',
  name: 'Gel Manicure',
  displayName: 'Gel Manicure',
  category: 'service',
  quantity: 1,
  unitPrice: 3500,
  listPrice: 3500,
  priceOverrideReason: null,
  discount: null,
  approvedBy: null,
  technicians: [{ staffId: 'amy', sharePercent: 100 }],
  data: {},
  input: { serviceId: 's1', technicians: [{ staffId: 'amy' }] },
  note: null,
  gross: 3500,
  lineDiscount: 0,
  ticketDiscount: 0,
  net: 3500,
  tax: 0,
  total: 3500,
  refundedQuantity: 0,
  refundedAmount: 0,
  ...over,
});

describe('lineBody', () => {
  it('sends the kind fields back with the id, and nothing the server would refuse', () => {
    expect(lineBody(line())).toEqual({ id: 'l1', kind: 'service', quantity: 1, serviceId: 's1', technicians: [{ staffId: 'amy' }] });
  });
  it('keeps an override and its reason, and drops it when the price goes back', () => {
    const overridden = line({ unitPrice: 3000, priceOverrideReason: 'regular' });
    expect(lineBody(overridden)).toMatchObject({ unitPrice: 3000, priceOverrideReason: 'regular' });
    expect(lineBody(overridden, { unitPrice: null })).not.toHaveProperty('unitPrice');
  });
  it('strips approvedBy from discounts', () => {
    const d = { type: 'percent' as const, percent: 10, reason: 'vip', approvedBy: 'mgr' };
    expect(lineBody(line({ discount: d })).discount).toEqual({ type: 'percent', percent: 10, reason: 'vip' });
    expect(discountBody(null)).toBeNull();
  });
  it('changes one line among several', () => {
    const body = linesWith([line(), line({ id: 'l2', kind: 'product', input: { productId: 'p1' }, technicians: [] })], 'l2', {
      quantity: 3,
    });
    expect(body[1]).toEqual({ id: 'l2', kind: 'product', quantity: 3, productId: 'p1' });
    expect(body[0]?.quantity).toBe(1);
  });
  it('changes technicians only on kinds that have them', () => {
    const two = [
      { staffId: 'amy', sharePercent: 60 },
      { staffId: 'wang', sharePercent: 40 },
    ];
    expect(lineBody(line(), { technicians: techniciansBody(two) }).technicians).toEqual(two);
    expect(lineBody(line({ kind: 'product', input: { productId: 'p' } }), { technicians: [] })).not.toHaveProperty('technicians');
  });
  it('lists the technicians of a ticket once', () => {
    expect(
      ticketTechnicians([
        line(),
        line({
          id: 'l2',
          technicians: [
            { staffId: 'wang', sharePercent: 50 },
            { staffId: 'amy', sharePercent: 50 },
          ],
        }),
      ]),
    ).toEqual(['amy', 'wang']);
  });
});

describe('seller', () => {
  it('sets and clears who sold a product', () => {
    const p = line({ kind: 'product', input: { productId: 'p' }, technicians: [] });
    expect(lineBody(p, { seller: 'amy' })).toMatchObject({ productId: 'p', staffId: 'amy' });
    expect(lineBody({ ...p, input: { productId: 'p', staffId: 'amy' } }, { seller: null })).not.toHaveProperty('staffId');
    expect(lineBody(line(), { seller: 'x' })).not.toHaveProperty('staffId');
  });
});
