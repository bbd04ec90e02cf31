import { describe, expect, it } from 'vitest';
import { sessionCount } from '../../packages/format.js';
import type { SaleLine } from '../types.js';
import { newRedemptionLine, redemptionBody, redemptionRef, serviceBody, takenOnTicket } from './redemption.js';

const line = (over: Partial<SaleLine> = {}): SaleLine => ({
  id: 'l1',
  kind: 'service',
  refId: 's1',
  name: 'Signature Facial',
  displayName: 'Signature Facial',
  category: 'service',
  quantity: 1,
  unitPrice: 9500,
  listPrice: 9500,
  priceOverrideReason: null,
  discount: null,
  approvedBy: null,
  technicians: [{ staffId: 'amy', sharePercent: 100 }],
  data: {},
  input: { serviceId: 's1', technicians: [{ staffId: 'amy' }] },
  note: null,
  gross: 9500,
  lineDiscount: 0,
  ticketDiscount: 0,
  net: 9500,
  tax: 0,
  total: 9500,
  refundedQuantity: 0,
  refundedAmount: 0,
  ...over,
});

const session = (id: string, itemId: string): SaleLine =>
  line({ id, kind: 'package_redemption', unitPrice: 0, listPrice: 0, data: { clientPackageId: 'p1', itemId } });

describe('redemptionBody', () => {
  it('keeps the line, its service, technicians and visit line, and drops price, discount and quantity', () => {
    const from = line({
      unitPrice: 8000,
      priceOverrideReason: 'regular',
      discount: { type: 'percent', percent: 10, reason: 'vip' },
      quantity: 2,
      note: 'left side',
      technicians: [
        { staffId: 'amy', sharePercent: 60 },
        { staffId: 'bo', sharePercent: 40 },
      ],
      input: { serviceId: 's1', technicians: [{ staffId: 'amy' }], appointmentLineId: 'al1' },
    });
    expect(redemptionBody(from, { clientPackageId: 'p1', itemId: 'i1' })).toEqual({
      id: 'l1',
      kind: 'package_redemption',
      clientPackageId: 'p1',
      serviceId: 's1',
      itemId: 'i1',
      appointmentLineId: 'al1',
      note: 'left side',
      technicians: [
        { staffId: 'amy', sharePercent: 60 },
        { staffId: 'bo', sharePercent: 40 },
      ],
    });
  });
  it('lets the server choose the item, and carries a manager’s reason for a later stage first', () => {
    const body = redemptionBody(line(), { clientPackageId: 'p1', itemId: null, overrideReason: '  skin ready  ' });
    expect(body).not.toHaveProperty('itemId');
    expect(body.stepOverride).toEqual({ reason: 'skin ready' });
    expect(redemptionBody(line(), { clientPackageId: 'p1', itemId: null, overrideReason: ' ' })).not.toHaveProperty('stepOverride');
  });
  it('refuses a line that is not for a service', () => {
    expect(() => redemptionBody(line({ kind: 'product', input: { productId: 'x' } }), { clientPackageId: 'p1', itemId: null })).toThrow();
  });
});

describe('serviceBody', () => {
  it('turns a session back into the charged service of the same line and visit', () => {
    const s = line({
      kind: 'package_redemption',
      input: { clientPackageId: 'p1', serviceId: 's1', technicians: [{ staffId: 'amy' }], itemId: 'i1', appointmentLineId: 'al1' },
    });
    expect(serviceBody(s)).toEqual({
      id: 'l1',
      kind: 'service',
      serviceId: 's1',
      technicians: [{ staffId: 'amy' }],
      appointmentLineId: 'al1',
    });
  });
});

describe('newRedemptionLine', () => {
  it('is a session of the service by one technician', () => {
    expect(newRedemptionLine('s2', 'bo', { clientPackageId: 'p1', itemId: null })).toEqual({
      kind: 'package_redemption',
      clientPackageId: 'p1',
      serviceId: 's2',
      technicians: [{ staffId: 'bo' }],
    });
  });
});

describe('sessions on a ticket', () => {
  const lines = [line(), session('a', 'i1'), session('b', 'i2'), session('c', 'i1')];
  it('reads the package and item the server priced a session line with', () => {
    expect(redemptionRef(lines[1]!)).toEqual({ clientPackageId: 'p1', itemId: 'i1' });
    expect(redemptionRef(lines[0]!)).toBeNull();
    // Still on its way: the server has not said which item.
    expect(redemptionRef(line({ kind: 'package_redemption' }))).toBeNull();
  });
  it('counts the sessions of an item before a line, or all of them', () => {
    expect(takenOnTicket(lines, 'i1', 'a')).toBe(0);
    expect(takenOnTicket(lines, 'i1', 'c')).toBe(1);
    expect(takenOnTicket(lines, 'i1')).toBe(2);
    expect(takenOnTicket(lines, 'i2')).toBe(1);
  });
  it('numbers each session after those used and those before it on the ticket', () => {
    const item = { sessions: 10, used: 0, remaining: 10 };
    expect(sessionCount(item)).toEqual({ number: 1, total: 10, leftAfter: 9 });
    expect(sessionCount({ sessions: 10, used: 3, remaining: 7 }, 1)).toEqual({ number: 5, total: 10, leftAfter: 5 });
    // Every session left is already on the ticket: none for this one.
    expect(sessionCount({ sessions: 5, used: 4, remaining: 1 }, 1).leftAfter).toBe(-1);
  });
});
