import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { invalidContact } from './errors.js';

// Phone and email normalisation, pure. A number is read in the home store's country (US for USD stores,
// CA for CAD stores) unless it carries its own `+` country code; it is stored as E.164 and shown in the
// national format of its own country ("(415) 555-0134"), international otherwise.

export type PhoneCountry = 'US' | 'CA';

/** The default country for phone numbers of a store, from its currency. US when unknown. */
export function countryForCurrency(currency: string | null | undefined): PhoneCountry {
  return currency === 'CAD' ? 'CA' : 'US';
}

/** E.164 (`+14155550134`) or null when the text is not a valid phone number. */
export function tryNormalizePhone(raw: string, country: PhoneCountry = 'US'): string | null {
  const text = raw.trim();
  if (!text || text.length > 40 || /[a-z]{2,}/i.test(text.replace(/\b(ext|x)\b/gi, ''))) return null;
  const parsed = parsePhoneNumberFromString(text, country as CountryCode);
  if (!parsed?.isValid()) return null;
  return parsed.number;
}

/** E.164, or throws 422 `invalid_phone` with the field path (default `phone`). */
export function normalizePhone(raw: string, country: PhoneCountry = 'US', path = 'phone'): string {
  const e164 = tryNormalizePhone(raw, country);
  if (!e164) throw invalidContact('phone', raw, path);
  return e164;
}

const NANP = /^\+1([2-9]\d\d)([2-9]\d\d)(\d{4})$/;

/** "(415) 555-0134" for a North-American number, "+44 20 7946 0958" for others. */
export function formatPhone(e164: string | null): string | null {
  if (!e164) return null;
  // Nearly every number here is North American, formatted on every row of every list: skip the parser
  // (the unit test checks this path against libphonenumber's own national format).
  const nanp = NANP.exec(e164);
  if (nanp) return `(${nanp[1]}) ${nanp[2]}-${nanp[3]}`;
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.countryCallingCode === '1' ? parsed.formatNational() : parsed.formatInternational();
}

/** Digits of a stored E.164 number: the national significant number and the full international form. */
export function phoneDigits(e164: string): { national: string; international: string } {
  // North America (+1 and ten digits) is nearly every number here: skip the parser.
  if (/^\+1\d{10}$/.test(e164)) return { national: e164.slice(2), international: e164.slice(1) };
  const parsed = parsePhoneNumberFromString(e164);
  const international = e164.replace(/\D/g, '');
  return { national: parsed ? String(parsed.nationalNumber) : international, international };
}

const emailSchema = z.email();

/** Lower-cased, trimmed email, or null when not a valid address. */
export function tryNormalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  if (!email || email.length > 320) return null;
  return emailSchema.safeParse(email).success ? email : null;
}

/** Lower-cased email, or throws 422 `invalid_email` with the field path (default `email`). */
export function normalizeEmail(raw: string, path = 'email'): string {
  const email = tryNormalizeEmail(raw);
  if (!email) throw invalidContact('email', raw, path);
  return email;
}
