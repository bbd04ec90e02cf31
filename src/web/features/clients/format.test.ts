import { describe, expect, it } from 'vitest';
import { avatarName, formatBirthday, fullName, looksLikePhone, maxDay, otherName } from './format.js';

describe('client names', () => {
  it('puts a Chinese family name first with no space, others given name first', () => {
    expect(fullName({ firstName: '小明', lastName: '王' })).toBe('王小明');
    expect(fullName({ firstName: 'Jane', lastName: 'Doe' })).toBe('Jane Doe');
    expect(fullName({ firstName: 'Jane', lastName: '' })).toBe('Jane');
    expect(fullName({ firstName: '', lastName: '欧阳' })).toBe('欧阳');
    expect(fullName({ firstName: '娜娜', lastName: '歐陽', preferredName: 'Nana' })).toBe('歐陽娜娜');
    expect(fullName({ firstName: 'Ying', lastName: 'Wang', preferredName: 'Amy' })).toBe('Amy Wang');
  });

  it('shows the preferred name only when it adds something', () => {
    expect(otherName({ firstName: '小明', lastName: '王', preferredName: 'Mandy' })).toBe('Mandy');
    expect(otherName({ firstName: 'Jane', lastName: 'Doe', preferredName: 'Jane' })).toBeNull();
    expect(otherName({ firstName: 'Jane', lastName: 'Doe', preferredName: '  ' })).toBeNull();
    expect(avatarName({ firstName: '小明', lastName: '王' })).toBe('王小明');
    // The preferred name is shown: the name on the card is the other one.
    expect(otherName({ firstName: 'Ying', lastName: 'Wang', preferredName: 'Amy' })).toBe('Ying Wang');
  });
});

describe('birthdays', () => {
  it('formats with or without a year, in the UI language', () => {
    expect(formatBirthday({ month: 3, day: 15 }, 'en')).toBe('March 15');
    expect(formatBirthday({ month: 3, day: 15, year: 1990 }, 'en')).toBe('March 15, 1990');
    expect(formatBirthday({ month: 3, day: 15 }, 'zh-CN')).toBe('3月15日');
    expect(formatBirthday({ month: 2, day: 29 }, 'en')).toBe('February 29');
    expect(formatBirthday(null, 'en')).toBe('');
  });

  it('knows the days of each month', () => {
    expect(maxDay(2, null)).toBe(29);
    expect(maxDay(2, 2023)).toBe(28);
    expect(maxDay(4, 2023)).toBe(30);
    expect(maxDay(12, null, true)).toBe(30);
  });
});

describe('phones as typed', () => {
  it('accepts the usual North American and international shapes', () => {
    for (const p of ['(415) 555-0134', '415.555.0134', '+1 604 555 0199', '4155550134', '', '415-555-0134 ext 12']) {
      expect(looksLikePhone(p), p).toBe(true);
    }
    for (const p of ['555', 'call me', '12345678901234567']) expect(looksLikePhone(p), p).toBe(false);
  });
});

describe('a name typed in the search box', () => {
  it('splits Chinese and English names sensibly', async () => {
    const { splitTypedName } = await import('./format.js');
    expect(splitTypedName('王小明')).toEqual({ lastName: '王', firstName: '小明' });
    expect(splitTypedName('欧阳娜娜')).toEqual({ lastName: '欧阳', firstName: '娜娜' });
    expect(splitTypedName('Jane  van Doe')).toEqual({ firstName: 'Jane', lastName: 'van Doe' });
    expect(splitTypedName('')).toEqual({ firstName: '', lastName: '' });
  });
});

describe('imported birthdays', () => {
  it('reads ISO dates with or without a year', async () => {
    const { formatIsoBirthday } = await import('./format.js');
    expect(formatIsoBirthday('1990-03-15', 'en')).toBe('March 15, 1990');
    expect(formatIsoBirthday('--12-25', 'zh-CN')).toBe('12月25日');
    expect(formatIsoBirthday('soon', 'en')).toBe('soon');
    expect(formatIsoBirthday(null, 'en')).toBe('');
  });
});
