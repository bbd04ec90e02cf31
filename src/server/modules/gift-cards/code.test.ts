import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALPHABET,
  checkChar,
  checkCode,
  displayCode,
  GENERATED_LENGTH,
  generateCode,
  hashCode,
  hasValidCheck,
  normalizeCode,
} from './code.js';

const payload = fc.array(fc.constantFrom(...ALPHABET), { minLength: 15, maxLength: 15 }).map((cs) => `G${cs.slice(1).join('')}`);

describe('gift card codes', () => {
  it('generates 16-character codes that pass their own check character', () => {
    for (let i = 0; i < 500; i++) {
      const code = generateCode();
      expect(code).toHaveLength(GENERATED_LENGTH);
      expect(code).toMatch(/^G[0-9A-HJKMNP-TV-Z]{15}$/);
      expect(hasValidCheck(code)).toBe(true);
      expect(checkCode(code)).toEqual({ ok: true, code, kind: 'generated' });
    }
  });

  it('draws 70 bits: 500 codes never collide', () => {
    expect(new Set(Array.from({ length: 500 }, () => generateCode())).size).toBe(500);
  });

  it('property: every single mistyped character is caught', () => {
    fc.assert(
      fc.property(payload, fc.integer({ min: 1, max: 15 }), fc.constantFrom(...ALPHABET), (p, at, c) => {
        const code = p + checkChar(p);
        fc.pre(code[at] !== c);
        const typo = code.slice(0, at) + c + code.slice(at + 1);
        expect(hasValidCheck(typo)).toBe(false);
      }),
      { numRuns: 3_000 },
    );
  });

  it('property: swapping two neighbours is caught, except the one pair Luhn mod N cannot see (0 ↔ Z)', () => {
    fc.assert(
      fc.property(payload, fc.integer({ min: 1, max: 14 }), (p, at) => {
        const code = p + checkChar(p);
        const [a, b] = [code[at]!, code[at + 1]!];
        fc.pre(a !== b && !(new Set([a, b]).has('0') && new Set([a, b]).has('Z')));
        const swapped = code.slice(0, at) + b + a + code.slice(at + 2);
        expect(hasValidCheck(swapped)).toBe(false);
      }),
      { numRuns: 3_000 },
    );
  });

  it('reads what people type: lower case, dashes, spaces, O for 0 and I/L for 1', () => {
    const code = generateCode();
    const typed = displayCode(code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normalizeCode(typed)).toBe(code);
    expect(checkCode(` ${typed} `)).toMatchObject({ ok: true, code });
  });

  it('refuses a generated-looking code with a wrong check character, accepts printed card numbers as they are', () => {
    const code = generateCode();
    const wrong = code.slice(0, -1) + (code.at(-1) === 'A' ? 'B' : 'A');
    expect(checkCode(wrong)).toEqual({ ok: false, reason: 'check_digit' });
    expect(checkCode('6035 7199 0012 3456')).toEqual({ ok: true, code: '6035719900123456', kind: 'scanned' });
    expect(checkCode('12345')).toEqual({ ok: false, reason: 'format' });
    expect(checkCode('ab#cd!ef')).toEqual({ ok: false, reason: 'format' });
  });

  it('stores a hash, never the code', () => {
    const code = generateCode();
    expect(hashCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode(code)).not.toContain(code);
    expect(hashCode(code)).toBe(hashCode(normalizeCode(displayCode(code))));
  });
});
