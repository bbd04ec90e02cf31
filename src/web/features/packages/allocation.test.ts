import { describe, expect, it } from 'vitest';
import { allocate, allocatePackage, itemWeight, listValue } from './allocation.js';

describe('allocation preview (mirrors the server)', () => {
  it('splits in proportion, odd cents to the largest remainders then the earlier parts', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1000, [3, 1])).toEqual([750, 250]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
  });

  it('spreads a package price over every session, summing exactly to the price', () => {
    // 5 cleansing sessions at $120 list and 5 repair at $95: $990 for the course (the demo's 5 + 5).
    const parts = allocatePackage(99000, [
      { sessions: 5, weight: 12000 * 5 },
      { sessions: 5, weight: 9500 * 5 },
    ]);
    expect(parts[0]).toEqual([11052, 11051, 11051, 11051, 11051]);
    expect(parts[1]).toEqual([8749, 8749, 8749, 8749, 8748]);
    expect(parts.flat().reduce((a, b) => a + b, 0)).toBe(99000);
  });

  it('weighs every session the same when no item has a value', () => {
    expect(
      allocatePackage(300, [
        { sessions: 2, weight: 0 },
        { sessions: 1, weight: 0 },
      ]),
    ).toEqual([[100, 100], [100]]);
  });

  it('uses the value per session, else the dearest service of a pool', () => {
    const price = (id: string) => ({ a: 8000, b: 9500 })[id] ?? 0;
    expect(itemWeight({ sessions: 12, valuePerSession: null, serviceIds: ['a', 'b'] }, price)).toBe(9500 * 12);
    expect(itemWeight({ sessions: 3, valuePerSession: 5000, serviceIds: ['a'] }, price)).toBe(15000);
    expect(listValue([{ sessions: 10, serviceIds: ['a'] }], price)).toBe(80000);
  });
});
