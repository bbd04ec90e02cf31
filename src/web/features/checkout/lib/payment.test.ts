import { describe, expect, it } from 'vitest';
import { followDue, paymentState, startingAmount, type TenderEntry } from './payment.js';

const e = (kind: string, amount: number, auto = false): TenderEntry => ({ key: kind, kind, amount, fields: {}, auto });

describe('paymentState', () => {
  it('is ready when cards pay exactly', () => {
    expect(paymentState(5000, [e('card', 5000)], 'USD')).toMatchObject({ remaining: 0, ready: true, change: 0 });
    expect(paymentState(5000, [e('card', 4000)], 'USD')).toMatchObject({ remaining: 1000, ready: false });
    expect(paymentState(5000, [e('card', 6000)], 'USD')).toMatchObject({ over: 1000, ready: false });
  });
  it('needs no tender when nothing is due', () => {
    expect(paymentState(0, [], 'USD').ready).toBe(true);
    expect(paymentState(5000, [], 'USD').ready).toBe(false);
  });
  it('gives change on cash and splits with a card', () => {
    expect(paymentState(5963, [e('card', 3000), e('cash', 4000)], 'USD')).toMatchObject({ cashNeeded: 2963, change: 1037, ready: true });
  });
  it('rounds CAD cash to 5 cents and records the rounding', () => {
    expect(paymentState(1023, [e('cash', 1025)], 'CAD')).toMatchObject({ cashNeeded: 1025, rounding: 2, change: 0, ready: true });
    expect(paymentState(1022, [e('cash', 2000)], 'CAD')).toMatchObject({ cashNeeded: 1020, rounding: -2, change: 980, ready: true });
    expect(paymentState(1023, [e('card', 1023)], 'CAD')).toMatchObject({ rounding: 0, ready: true });
  });
  it('starts a new tender with what is left', () => {
    expect(startingAmount('card', 5000, [e('cash', 2000)], 'USD')).toBe(3000);
    expect(startingAmount('cash', 1023, [], 'CAD')).toBe(1025);
    expect(startingAmount('card', 5000, [e('card', 5000)], 'USD')).toBe(0);
  });
  it('lets one untouched tender follow the amount due', () => {
    expect(followDue([e('card', 5000, true)], 5900, 'USD')[0]?.amount).toBe(5900);
    expect(followDue([e('card', 5000, false)], 5900, 'USD')[0]?.amount).toBe(5000);
    expect(followDue([e('cash', 1000, true)], 1023, 'CAD')[0]?.amount).toBe(1025);
  });
});
