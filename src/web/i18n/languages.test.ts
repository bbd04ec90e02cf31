import { describe, expect, it } from 'vitest';
import { matchLanguage } from './languages.js';

describe('browser language matching', () => {
  it('maps Chinese variants to the right script', () => {
    expect(matchLanguage('zh-CN')).toBe('zh-CN');
    expect(matchLanguage('zh')).toBe('zh-CN');
    expect(matchLanguage('zh-Hans-CA')).toBe('zh-CN');
    expect(matchLanguage('zh-TW')).toBe('zh-TW');
    expect(matchLanguage('zh-HK')).toBe('zh-TW');
    expect(matchLanguage('zh-Hant-US')).toBe('zh-TW');
    expect(matchLanguage('en-CA')).toBe('en');
    expect(matchLanguage('fr-CA')).toBeNull();
  });
});
