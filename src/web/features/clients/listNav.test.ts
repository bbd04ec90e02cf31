import { describe, expect, it } from 'vitest';
import { isPhoneQuery, nextIndex } from './listNav.js';

describe('keyboard movement in the results', () => {
  it('moves within the list and stops at its ends', () => {
    expect(nextIndex(-1, 'ArrowDown', 3)).toBe(0);
    expect(nextIndex(0, 'ArrowDown', 3)).toBe(1);
    expect(nextIndex(2, 'ArrowDown', 3)).toBe(2);
    expect(nextIndex(0, 'ArrowUp', 3)).toBe(0);
    expect(nextIndex(1, 'PageDown', 30)).toBe(11);
    expect(nextIndex(5, 'PageUp', 30)).toBe(0);
    expect(nextIndex(0, 'ArrowDown', 0)).toBeNull();
    expect(nextIndex(0, 'a', 3)).toBeNull();
  });

  it('tells a phone search from a name search', () => {
    expect(isPhoneQuery('(415) 555')).toBe(true);
    expect(isPhoneQuery('0134')).toBe(true);
    expect(isPhoneQuery('wxm')).toBe(false);
    expect(isPhoneQuery('12')).toBe(false);
  });
});
