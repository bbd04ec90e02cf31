// Gift card codes, pure. Generated codes are 16 characters of Crockford base32 (no I, L, O, U, so nothing
// reads ambiguously): 'G', 14 random characters (70 bits from the OS CSPRNG: unguessable), and a Luhn
// mod 32 check character that catches every single mistyped character and most swaps of neighbours.
// Printed or scanned card numbers (anything else of 6–40 letters and digits) are accepted as they are.
// Codes are compared normalised: upper case, spaces and dashes dropped, O→0 and I/L→1.
import { createHash, randomInt } from 'node:crypto';

export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = ALPHABET.length; // 32
const PREFIX = 'G';
export const GENERATED_LENGTH = 16;

export function normalizeCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

const charValue = (c: string): number => ALPHABET.indexOf(c);

/** The Luhn mod 32 check character for a payload of alphabet characters. */
export function checkChar(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    const v = charValue(payload[i]!);
    if (v < 0) throw new RangeError(`not a code character: ${payload[i]}`);
    let addend = factor * v;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N]!;
}

/** Whether a full code (payload + check character) carries a valid check character. */
export function hasValidCheck(code: string): boolean {
  if (code.length < 2 || [...code].some((c) => charValue(c) < 0)) return false;
  return checkChar(code.slice(0, -1)) === code.at(-1);
}

/** A fresh, unguessable generated code (normalised, without dashes). */
export function generateCode(random: (max: number) => number = (max) => randomInt(max)): string {
  let payload = PREFIX;
  while (payload.length < GENERATED_LENGTH - 1) payload += ALPHABET[random(N)];
  return payload + checkChar(payload);
}

/** "G7K2-9XQM-4TPA-8RB3" for people. */
export function displayCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

export type CodeCheck = { ok: true; code: string; kind: 'generated' | 'scanned' } | { ok: false; reason: 'format' | 'check_digit' };

/** Validates what was typed or scanned: a generated code must pass its check character. */
export function checkCode(raw: string): CodeCheck {
  const code = normalizeCode(raw);
  if (!/^[0-9A-Z]{6,40}$/.test(code)) return { ok: false, reason: 'format' };
  if (code.length === GENERATED_LENGTH && code.startsWith(PREFIX) && [...code].every((c) => charValue(c) >= 0)) {
    return hasValidCheck(code) ? { ok: true, code, kind: 'generated' } : { ok: false, reason: 'check_digit' };
  }
  return { ok: true, code, kind: 'scanned' };
}

/** What is stored and looked up: never the code itself. */
export const hashCode = (normalized: string): string => createHash('sha256').update(`orchid-gift-card:${normalized}`, 'utf8').digest('hex');

export const last4 = (normalized: string): string => normalized.slice(-4);
