// Gift card numbers as the server reads them (src/server/modules/gift-cards/code.ts), checked in the
// browser so a mistyped generated code is caught before anything is sent: Crockford base32, upper case,
// spaces and dashes ignored, O→0 and I/L→1; a generated code is 'G' + 14 characters + a Luhn mod 32
// check character. Printed or scanned card numbers (6–40 letters and digits) are taken as they are.

export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = ALPHABET.length;
export const GENERATED_LENGTH = 16;

export function normalizeCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The Luhn mod 32 check character of a payload (alphabet characters only). */
export function checkChar(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    const v = ALPHABET.indexOf(payload[i] ?? '');
    if (v < 0) throw new RangeError(`not a code character: ${payload[i]}`);
    let addend = factor * v;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N] ?? '0';
}

export type CodeState =
  | { state: 'empty' }
  /** Still typing a generated code (starts with G, fewer than 16 characters). */
  | { state: 'partial'; code: string }
  | { state: 'ok'; code: string; kind: 'generated' | 'scanned' }
  | { state: 'format'; code: string }
  | { state: 'check_digit'; code: string };

const isGeneratedShape = (code: string) => code.startsWith('G') && [...code].every((c) => ALPHABET.includes(c));

/** What the typed or scanned text is: complete and valid, still being typed, or wrong (and why). */
export function checkCode(raw: string): CodeState {
  const code = normalizeCode(raw);
  if (!code) return { state: 'empty' };
  if (!/^[0-9A-Z]+$/.test(code) || code.length > 40) return { state: 'format', code };
  if (code.length === GENERATED_LENGTH && isGeneratedShape(code)) {
    return checkChar(code.slice(0, -1)) === code.at(-1) ? { state: 'ok', code, kind: 'generated' } : { state: 'check_digit', code };
  }
  if (code.length < GENERATED_LENGTH && isGeneratedShape(code)) return { state: 'partial', code };
  if (code.length < 6) return { state: 'partial', code };
  return { state: 'ok', code, kind: 'scanned' };
}

/** "G7K29XQM4TPA8RB3" → "G7K2-9XQM-4TPA-8RB3" for people. */
export function displayCode(code: string): string {
  return (
    normalizeCode(code)
      .match(/.{1,4}/g)
      ?.join('-') ?? code
  );
}
