// Half-open intervals [start, end) of epoch ms. "Sorted" below means sorted by start, disjoint and not
// touching (what `normalize` returns); the sweeps are linear and the lookups binary searches.
import type { Interval } from '../../platform/zoned-time.js';

export type { Interval };

/** Drops empty intervals, sorts, and merges overlapping or touching ones. Does not modify its input. */
export function normalize(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((iv) => iv.end > iv.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.start <= last.end) {
      if (iv.end > last.end) last.end = iv.end;
    } else {
      out.push({ start: iv.start, end: iv.end });
    }
  }
  return out;
}

/** Like normalize, but sorts and merges the given array in place (reusing its objects) and returns it. */
export function normalizeInPlace(list: Interval[]): Interval[] {
  let sorted = true;
  for (let i = 1; i < list.length && sorted; i++) sorted = list[i - 1]!.start <= list[i]!.start;
  if (!sorted) list.sort((a, b) => a.start - b.start);
  let n = 0;
  for (const iv of list) {
    if (iv.end <= iv.start) continue;
    const last = n > 0 ? list[n - 1]! : undefined;
    if (last && iv.start <= last.end) {
      if (iv.end > last.end) last.end = iv.end;
    } else {
      list[n++] = iv;
    }
  }
  list.length = n;
  return list;
}

/** `a` minus `b`, both sorted; the result is sorted. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const iv of a) {
    let start = iv.start;
    while (j < b.length && b[j]!.end <= start) j++;
    let k = j;
    while (k < b.length && b[k]!.start < iv.end) {
      const cut = b[k]!;
      if (cut.start > start) out.push({ start, end: cut.start });
      if (cut.end > start) start = cut.end;
      if (start >= iv.end) break;
      k++;
    }
    if (start < iv.end) out.push({ start, end: iv.end });
  }
  return out;
}

/** The intersection of two sorted lists; the result is sorted. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** Index of the last interval whose start is <= t (or < t when `strict`), or -1. */
function lastStartingAtOrBefore(sorted: readonly Interval[], t: number, strict = false): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = sorted[mid]!.start;
    if (strict ? s < t : s <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** True when one interval of the sorted list contains all of [start, end). */
export function containsRange(sorted: readonly Interval[], start: number, end: number): boolean {
  const i = lastStartingAtOrBefore(sorted, start);
  return i >= 0 && sorted[i]!.end >= end;
}

/** True when [start, end) shares any instant with an interval of the sorted list. */
export function overlapsRange(sorted: readonly Interval[], start: number, end: number): boolean {
  if (end <= start) return false;
  const i = lastStartingAtOrBefore(sorted, end, true);
  return i >= 0 && sorted[i]!.end > start;
}

/** The end of the last interval of the sorted list overlapping [start, end), or -Infinity when none does. */
export function overlapEnd(sorted: readonly Interval[], start: number, end: number): number {
  if (end <= start) return Number.NEGATIVE_INFINITY;
  const i = lastStartingAtOrBefore(sorted, end, true);
  return i >= 0 && sorted[i]!.end > start ? sorted[i]!.end : Number.NEGATIVE_INFINITY;
}

/**
 * The smallest x ≥ start such that one interval of the sorted list contains [x, x + (end − start)): `start`
 * when one contains [start, end), else the start of the first later interval long enough; +Infinity if none.
 */
export function nextFit(sorted: readonly Interval[], start: number, end: number): number {
  let i = lastStartingAtOrBefore(sorted, start);
  if (i >= 0 && sorted[i]!.end >= end) return start;
  const length = end - start;
  for (i++; i < sorted.length; i++) if (sorted[i]!.end - sorted[i]!.start >= length) return sorted[i]!.start;
  return Number.POSITIVE_INFINITY;
}

/**
 * The smallest x ≥ start such that [x, x + (end − start)) lies inside one interval of `within` and clear of
 * every interval of `busy` (both sorted), or +Infinity. Each round moves past a range too short or the busy
 * interval in the way (every x skipped fails the same way). The search stops at the first x ≥ `limit`
 * (a lower bound then, not the answer).
 */
export function nextFree(
  within: readonly Interval[],
  busy: readonly Interval[],
  start: number,
  end: number,
  limit = Number.POSITIVE_INFINITY,
): number {
  const length = end - start;
  let x = start;
  // The first busy interval ending after x; later ones start after it ends.
  let j = lastStartingAtOrBefore(busy, x) + 1;
  if (j > 0 && busy[j - 1]!.end > x) j--;
  while (x < limit) {
    x = nextFit(within, x, x + length);
    while (j < busy.length && busy[j]!.end <= x) j++;
    if (j === busy.length || busy[j]!.start >= x + length) return x;
    x = busy[j]!.end;
  }
  return x;
}

export const contains = (sorted: readonly Interval[], iv: Interval): boolean => containsRange(sorted, iv.start, iv.end);
export const overlapsAny = (sorted: readonly Interval[], iv: Interval): boolean => overlapsRange(sorted, iv.start, iv.end);

export const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end && a.end > a.start && b.end > b.start;

/** Merges a list already sorted by start (e.g. day after day) where neighbours may touch or overlap. */
export function mergeSorted(list: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const iv of list) {
    if (iv.end <= iv.start) continue;
    const last = out[out.length - 1];
    if (last && iv.start <= last.end) {
      if (iv.end > last.end) last.end = iv.end;
    } else {
      out.push({ start: iv.start, end: iv.end });
    }
  }
  return out;
}
