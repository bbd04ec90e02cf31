import type { Language } from './i18n.js';

// Money is an integer count of minor units (cents) plus a currency; never a float.
// Arithmetic that could overflow 2^53 in an intermediate product goes through BigInt, then back.

export type Currency = 'USD' | 'CAD';
export const CURRENCIES: readonly Currency[] = ['USD', 'CAD'];

export function isCurrency(s: unknown): s is Currency {
  return s === 'USD' || s === 'CAD';
}

/** Throws RangeError unless `n` is a safe integer (a valid amount in minor units). */
export function assertMinor(n: unknown, name = 'amount'): asserts n is number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new RangeError(`${name} must be a safe integer in minor units, got ${String(n)}`);
  }
}

function toSafe(b: bigint, what: string): number {
  const n = Number(b);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is outside the safe integer range`);
  return n;
}

// Half away from zero, exact for any integer size.
function divHalfUp(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  if ((an % ad) * 2n >= ad) q += 1n;
  return negative ? -q : q;
}

/** numerator / denominator rounded half away from zero (2.5 → 3, -2.5 → -3), in integers only. */
export function roundHalfUp(numerator: number, denominator: number): number {
  assertMinor(numerator, 'numerator');
  assertMinor(denominator, 'denominator');
  if (denominator === 0) throw new RangeError('denominator must not be 0');
  return toSafe(divHalfUp(BigInt(numerator), BigInt(denominator)), 'result');
}

/** `basisPoints` / 10 000 of `minor` (1 bp = 0.01 %), rounded half away from zero. 825 bp of 1000 → 83. */
export function percentOf(minor: number, basisPoints: number): number {
  assertMinor(minor);
  assertMinor(basisPoints, 'basisPoints');
  return toSafe(divHalfUp(BigInt(minor) * BigInt(basisPoints), 10_000n), 'result');
}

/**
 * Splits `minor` in proportion to non-negative integer `weights` (largest remainder method).
 * The parts always sum exactly to `minor`; each part is within one unit of its exact share; a zero weight
 * gets 0; ties in the remainder go to the earlier index, so the result is deterministic.
 * Negative amounts (refunds) split like their absolute value, negated.
 */
export function allocate(minor: number, weights: readonly number[]): number[] {
  assertMinor(minor);
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  // Integer weights keep the split exact; scale fractional weights (e.g. to basis points) first.
  weights.forEach((w, i) => {
    assertMinor(w, `weights[${i}]`);
    if (w < 0) throw new RangeError(`weights[${i}] must be >= 0, got ${w}`);
  });
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (total === 0n) throw new RangeError('weights must not all be 0');

  const amount = BigInt(Math.abs(minor));
  const parts = weights.map((w) => (amount * BigInt(w)) / total);
  const remainders = weights.map((w, i) => ({ i, r: (amount * BigInt(w)) % total }));
  let left = Number(amount - parts.reduce((a, b) => a + b, 0n)); // < weights.length
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left-- <= 0) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
  }
  // `|| 0` turns -0 into 0 when negating a zero share.
  return parts.map((p) => (minor < 0 ? -Number(p) || 0 : Number(p)));
}

/** Canadian cash rounding to the nearest 5¢ (…1,2 → …0; …3,4,6,7 → …5; …8,9 → next 0). Symmetric for negatives. */
export function roundCashCad(minor: number): number {
  assertMinor(minor);
  // A remainder mod 5 is never exactly half, so half-up is simply "nearest".
  return roundHalfUp(minor, 5) * 5 || 0;
}

const INPUT = /^([+-]?)(?:(\d+)(?:\.(\d{0,2}))?|\.(\d{1,2}))$/;

/**
 * Parses what a person types ("12.5", "12", ".05", "-3.10") into minor units, without floats.
 * Throws RangeError for more than 2 decimals, thousands separators, exponents or anything else.
 */
export function parseMoneyInput(input: string): number {
  const m = INPUT.exec(input.trim());
  if (!m) throw new RangeError(`not a money amount: ${JSON.stringify(input)}`);
  const [, sign, whole = '0', frac = m[4] ?? ''] = m;
  const minor = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
  const n = toSafe(sign === '-' ? -minor : minor, 'amount');
  return n || 0; // no -0
}

// Intl.NumberFormat is costly to build; one per locale+currency is plenty.
const formatters = new Map<string, Intl.NumberFormat>();

// For English, format each currency the way its own country writes it: USD as en-US, CAD as en-CA. Every
// language shows the narrow symbol, as the web app does: a New York or Vancouver salon prices in its own
// dollars, so "$1,234.56" (not "US$" / "CA$") reads right in SMS, receipts and messages in Chinese too.
function intlLocale(locale: Language, currency: Currency): string {
  if (locale === 'en') return currency === 'CAD' ? 'en-CA' : 'en-US';
  return locale;
}

/** Formats minor units for display, e.g. (123456, 'USD', 'en') → "$1,234.56". */
export function formatMoney(minor: number, currency: Currency, locale: Language): string {
  assertMinor(minor);
  if (!isCurrency(currency)) throw new RangeError(`unsupported currency: ${String(currency)}`);
  const tag = intlLocale(locale, currency);
  const key = `${tag}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tag, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    formatters.set(key, f);
  }
  // Both currencies have 2 decimals. Pass a decimal string (Intl accepts it exactly) so no float is involved.
  const abs = String(Math.abs(minor)).padStart(3, '0');
  const decimal = `${minor < 0 ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
  return f.format(decimal as Intl.StringNumericLiteral);
}
