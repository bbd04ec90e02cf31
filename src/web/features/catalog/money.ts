// Money in the catalog: integer cents on the wire, dollars in inputs. Typed text is parsed as a
// string (never through floating point), so "19.99" is exactly 1999 cents.

/** The largest price the API takes: $1,000,000.00. */
export const MAX_CENTS = 100_000_000;

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C]/g;

/** Chinese keyboards may type full-width digits and points: "２５．５０" → "25.50". */
function toAscii(text: string): string {
  return text.replace(FULL_WIDTH, (c) => {
    if (c === '\uFF0E') return '.';
    if (c === '\uFF0C') return ',';
    return String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48);
  });
}

/**
 * What a person typed ("25", "25.5", "$1,250.00", "CA$ 40") as cents, or null when it is blank or
 * not an amount (negative, more than two decimals, letters, over the maximum).
 */
export function parseMoney(input: string): number | null {
  let text = toAscii(input).trim();
  text = text.replace(/^(?:US|CA|C|A)?\$\s*/i, '').trim();
  if (!text) return null;
  // Thousands separators only between groups of three digits.
  if (text.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) return null;
    text = text.replace(/,/g, '');
  }
  const m = /^(\d*)(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return null;
  const whole = m[1] ?? '';
  const frac = m[2] ?? '';
  if (whole === '' && frac === '') return null;
  if (whole.replace(/^0+/, '').length > 7) return null;
  const cents = Number(whole || '0') * 100 + Number(frac.padEnd(2, '0'));
  return cents <= MAX_CENTS ? cents : null;
}

/** Cents as the text of a money input: 2500 → "25.00". */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const whole = Math.floor(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * Cents in the currency, in the UI language: 2500 → "$25.00". The narrow symbol: a New York or
 * Vancouver salon prices in its own dollars, so "$" (not "US$" / "CA$") reads right in every language.
 */
export function formatMoney(cents: number, currency: string, locale: string, opts: { sign?: boolean } = {}): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    signDisplay: opts.sign ? 'exceptZero' : 'auto',
  }).format(cents / 100);
}

/** The symbol the money input shows before the amount ("$", "CA$"). */
export function currencySymbol(currency: string, locale: string): string {
  const part = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
    .formatToParts(0)
    .find((p) => p.type === 'currency');
  return part?.value ?? currency;
}
