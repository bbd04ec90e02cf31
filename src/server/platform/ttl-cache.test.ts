import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  it('returns a value until it expires', () => {
    const c = new TtlCache<string, number>(1000, 10);
    c.set('a', 1, 0);
    expect(c.get('a', 999)).toBe(1);
    expect(c.get('a', 1000)).toBeUndefined();
  });

  it('stays within its bound, dropping the oldest entry', () => {
    const c = new TtlCache<number, number>(1000, 3);
    for (let i = 0; i < 5; i++) c.set(i, i, 0);
    expect([0, 1, 2, 3, 4].map((k) => c.get(k, 1))).toEqual([undefined, undefined, 2, 3, 4]);
  });

  it('forgets everything on clear', () => {
    const c = new TtlCache<string, number>(1000, 3);
    c.set('a', 1, 0);
    c.clear();
    expect(c.get('a', 1)).toBeUndefined();
  });
});
