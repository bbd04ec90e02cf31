import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { countryForCurrency, formatPhone, normalizeEmail, normalizePhone, tryNormalizePhone } from './contact.js';

describe('phone normalisation', () => {
  it.each([
    ['(415) 555-0134', 'US', '+14155550134'],
    ['415.555.0134', 'US', '+14155550134'],
    ['415-555-0134', 'CA', '+14155550134'],
    ['+1 604 555 0199', 'US', '+16045550199'],
    ['604 555 0199', 'CA', '+16045550199'],
    ['1 (212) 555-0101', 'US', '+12125550101'],
    ['+44 20 7946 0958', 'US', '+442079460958'],
  ] as const)('%s in %s → %s', (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toBe(e164);
  });

  it.each(['12', '555-0134', 'call me', '415-555-01345678', '', '(415) 555-CALL'])(
    'refuses %j with 422 invalid_phone at the field path',
    (raw) => {
      expect(tryNormalizePhone(raw, 'US')).toBeNull();
      try {
        normalizePhone(raw, 'US', 'phone');
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('invalid_phone');
        expect((err as AppError).status).toBe(422);
        expect((err as AppError).errors[0]?.path).toBe('phone');
      }
    },
  );

  it('reads numbers in the store country and formats them for display', () => {
    expect(countryForCurrency('CAD')).toBe('CA');
    expect(countryForCurrency('USD')).toBe('US');
    expect(formatPhone('+14155550134')).toBe('(415) 555-0134');
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958');
    expect(formatPhone(null)).toBeNull();
  });

  it('formats North-American numbers without the parser exactly as libphonenumber does', () => {
    const digit = (min: number) => fc.integer({ min, max: 9 }).map(String);
    const nanp = fc
      .tuple(digit(2), digit(0), digit(0), digit(2), fc.array(digit(0), { minLength: 6, maxLength: 6 }))
      .map(([a, b, c, d, rest]) => `+1${a}${b}${c}${d}${rest.join('')}`);
    fc.assert(
      fc.property(nanp, (e164) => {
        expect(formatPhone(e164)).toBe(parsePhoneNumberFromString(e164)!.formatNational());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('email normalisation', () => {
  it('lower-cases and trims', () => {
    expect(normalizeEmail('  Mary.OBrien@Example.COM ')).toBe('mary.obrien@example.com');
  });
  it('refuses a non-address with 422 invalid_email', () => {
    expect(() => normalizeEmail('mary@', 'email')).toThrow(
      expect.objectContaining({ code: 'invalid_email', status: 422, errors: [expect.objectContaining({ path: 'email' })] }),
    );
  });
});
