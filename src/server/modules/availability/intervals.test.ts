import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, type Interval, intersect, normalize, overlapsAny, subtract } from './intervals.js';

// A brute-force model: the set of integer points an interval list covers, on a small line.
const points = (list: readonly Interval[]) => {
  const set = new Set<number>();
  for (const iv of list) for (let t = iv.start; t < iv.end; t++) set.add(t);
  return set;
};
const sortedPoints = (list: readonly Interval[]) => [...points(list)].sort((a, b) => a - b);
const interval = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 }))
  .map(([start, len]) => ({ start, end: start + len }));
const list = fc.array(interval, { maxLength: 8 });

const isSortedDisjoint = (l: Interval[]) => l.every((iv, i) => iv.end > iv.start && (i === 0 || l[i - 1]!.end < iv.start));

describe('interval math agrees with a point-set model', () => {
  it('normalize', () =>
    fc.assert(
      fc.property(list, (a) => {
        const n = normalize(a);
        expect(isSortedDisjoint(n)).toBe(true);
        expect(sortedPoints(n)).toEqual(sortedPoints(a));
      }),
    ));

  it('subtract and intersect', () =>
    fc.assert(
      fc.property(list, list, (a, b) => {
        const [na, nb] = [normalize(a), normalize(b)];
        const pb = points(nb);
        const diff = subtract(na, nb);
        const both = intersect(na, nb);
        expect(diff.every((iv) => iv.end > iv.start)).toBe(true);
        expect(sortedPoints(diff)).toEqual(sortedPoints(na).filter((t) => !pb.has(t)));
        expect(sortedPoints(both)).toEqual(sortedPoints(na).filter((t) => pb.has(t)));
      }),
    ));

  it('contains and overlapsAny', () =>
    fc.assert(
      fc.property(list, interval, (a, iv) => {
        const n = normalize(a);
        const p = points(n);
        const all = Array.from({ length: iv.end - iv.start }, (_, i) => iv.start + i);
        expect(overlapsAny(n, iv)).toBe(all.some((t) => p.has(t)));
        if (iv.end > iv.start) expect(contains(n, iv)).toBe(all.every((t) => p.has(t)));
      }),
    ));
});
