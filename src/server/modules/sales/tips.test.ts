import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { settleTenders } from './tenders.js';
import { splitTip, tipAmount, tipSuggestions, tipsByTender } from './tips.js';

describe('tips', () => {
  it('takes a preset percentage of the pre-tax service amount, half-up', () => {
    expect(tipAmount({ percent: 18 }, 7500)).toBe(1350);
    expect(tipAmount({ percent: 15 }, 3333)).toBe(500); // 499.95
    expect(tipAmount({ amount: 700 }, 7500)).toBe(700);
    expect(tipSuggestions([15, 18, 20], 4000)).toEqual([
      { percent: 15, amount: 600 },
      { percent: 18, amount: 720 },
      { percent: 20, amount: 800 },
    ]);
  });

  it('splits by service share, equally, or by hand', () => {
    const w = [
      { staffId: 'a', weight: 3000 },
      { staffId: 'b', weight: 4500 },
    ];
    expect(splitTip(1350, 'share', w)).toEqual([
      { staffId: 'a', amount: 540 },
      { staffId: 'b', amount: 810 },
    ]);
    expect(splitTip(1001, 'equal', w)).toEqual([
      { staffId: 'a', amount: 501 },
      { staffId: 'b', amount: 500 },
    ]);
    expect(splitTip(100, 'manual', w, [{ staffId: 'b', amount: 100 }])).toEqual([{ staffId: 'b', amount: 100 }]);
    expect(() => splitTip(100, 'manual', w, [{ staffId: 'b', amount: 90 }])).toThrow(AppError);
    expect(() => splitTip(100, 'share', [])).toThrow(AppError);
    // Free services (weight 0): equal parts.
    expect(
      splitTip(10, 'share', [
        { staffId: 'a', weight: 0 },
        { staffId: 'b', weight: 0 },
      ]).map((p) => p.amount),
    ).toEqual([5, 5]);
  });

  it('lays technicians’ tips over the tenders exactly', () => {
    const cells = tipsByTender(
      [
        { staffId: 'a', amount: 540 },
        { staffId: 'b', amount: 810 },
      ],
      [1000, 350],
    );
    const sum = (f: (c: (typeof cells)[number]) => boolean) => cells.filter(f).reduce((x, c) => x + c.amount, 0);
    expect([sum((c) => c.staffId === 'a'), sum((c) => c.staffId === 'b'), sum((c) => c.tender === 0), sum((c) => c.tender === 1)]).toEqual([
      540, 810, 1000, 350,
    ]);
  });
});

describe('tenders', () => {
  it('computes change on cash and refuses any other mismatch', () => {
    expect(settleTenders(4307, [{ amount: 5000, cash: true }], 'USD')).toMatchObject({ change: 693, cashRounding: 0, paid: 4307 });
    expect(() => settleTenders(4307, [{ amount: 4300, cash: false }], 'USD')).toThrow(AppError);
    expect(() =>
      settleTenders(
        4307,
        [
          { amount: 4400, cash: false },
          { amount: 100, cash: true },
        ],
        'USD',
      ),
    ).toThrow(AppError);
  });

  it('rounds the cash part to 5 ¢ in CAD, as its own amount, and never the card part', () => {
    expect(settleTenders(1001, [{ amount: 2000, cash: true }], 'CAD')).toMatchObject({ cashRounding: -1, paid: 1000, change: 1000 });
    expect(settleTenders(1003, [{ amount: 1005, cash: true }], 'CAD')).toMatchObject({ cashRounding: 2, paid: 1005, change: 0 });
    expect(settleTenders(1003, [{ amount: 1003, cash: false }], 'CAD')).toMatchObject({ cashRounding: 0, paid: 1003 });
    // Card 5.01 + cash for the rest (5.02 → 5.00).
    expect(
      settleTenders(
        1003,
        [
          { amount: 501, cash: false },
          { amount: 500, cash: true },
        ],
        'CAD',
      ),
    ).toMatchObject({ cashRounding: -2, paid: 1001 });
  });
});
