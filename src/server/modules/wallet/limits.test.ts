import { describe, expect, it } from 'vitest';
import { usableStores } from './limits.js';

describe('where a wallet can pay', () => {
  it('is every store unless HQ limits it, business-wide or for this wallet; both limits apply', () => {
    expect(usableStores(null, null)).toBeNull();
    expect(usableStores(['a', 'b'], null)).toEqual(['a', 'b']);
    expect(usableStores(null, ['b'])).toEqual(['b']);
    expect(usableStores(['a', 'b'], ['b', 'c'])).toEqual(['b']);
    expect(usableStores(['a'], ['c'])).toEqual([]);
  });
});
