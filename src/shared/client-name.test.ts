import { describe, expect, it } from 'vitest';
import { clientDisplayName, isHanName } from './client-name.js';

describe('clientDisplayName', () => {
  it('writes a Chinese name family name first, with no space', () => {
    expect(clientDisplayName({ firstName: '小明', lastName: '王' })).toBe('王小明');
    expect(clientDisplayName({ firstName: '娜娜', lastName: '歐陽' })).toBe('歐陽娜娜');
    expect(clientDisplayName({ firstName: ' 娜娜 ', lastName: '欧阳 ' })).toBe('欧阳娜娜');
  });

  it('keeps the Chinese name when an English preferred name is on the card', () => {
    expect(clientDisplayName({ firstName: '小明', lastName: '王', preferredName: 'Mandy' })).toBe('王小明');
  });

  it('writes other names given name first', () => {
    expect(clientDisplayName({ firstName: 'Amy', lastName: 'Wang' })).toBe('Amy Wang');
    expect(clientDisplayName({ firstName: 'Xiaoming', lastName: 'Wang' })).toBe('Xiaoming Wang');
    expect(clientDisplayName({ firstName: 'Mary Ann', lastName: "O'Brien" })).toBe("Mary Ann O'Brien");
  });

  it('uses a Latin preferred name as the given name', () => {
    expect(clientDisplayName({ firstName: 'Ying', lastName: 'Wang', preferredName: 'Amy' })).toBe('Amy Wang');
    expect(clientDisplayName({ firstName: 'Ying', lastName: 'Wang', preferredName: 'Amy Wang' })).toBe('Amy Wang');
    expect(clientDisplayName({ firstName: 'Ying', lastName: 'Wang', preferredName: '  ' })).toBe('Ying Wang');
    expect(clientDisplayName({ firstName: 'Ying', lastName: 'Wang', preferredName: null })).toBe('Ying Wang');
  });

  it('does not mix a Han preferred name into a Latin name', () => {
    expect(clientDisplayName({ firstName: 'Xiaoming', lastName: 'Wang', preferredName: '小明' })).toBe('Xiaoming Wang');
  });

  it('treats a half-Chinese card as a Latin one', () => {
    expect(clientDisplayName({ firstName: 'Amy', lastName: '王' })).toBe('Amy 王');
  });

  it('leaves a missing part out', () => {
    expect(clientDisplayName({ firstName: 'Jane', lastName: '' })).toBe('Jane');
    expect(clientDisplayName({ firstName: 'Jane' })).toBe('Jane');
    expect(clientDisplayName({ firstName: '', lastName: '欧阳' })).toBe('欧阳');
    expect(clientDisplayName({ firstName: '', lastName: 'Wang', preferredName: 'Amy' })).toBe('Amy Wang');
    expect(clientDisplayName({ firstName: '', lastName: '' })).toBe('');
  });

  it('knows Han-only text', () => {
    expect(isHanName('歐陽')).toBe(true);
    expect(isHanName('𠮷')).toBe(true);
    expect(isHanName('王 小明')).toBe(false);
    expect(isHanName('Wang')).toBe(false);
    expect(isHanName('')).toBe(false);
  });
});
