// Money on the balances screens: integer cents on the wire, the business's currency on screen, in the
// UI language. Parsing typed amounts is the catalog's (exact, no floating point).
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session.js';
import { formatMoney } from '../catalog/money.js';

export { centsToInput, parseMoney } from '../catalog/money.js';

/** Formats cents in the business's currency: m(2500) → "$25.00"; m(-500, { sign: true }) → "-$5.00". */
export function useMoney(): { currency: string; m: (cents: number, opts?: { sign?: boolean }) => string } {
  const me = useMe();
  const { i18n } = useTranslation();
  const currency = me.business.currency;
  return { currency, m: (cents, opts) => formatMoney(cents, currency, i18n.language, opts) };
}

/** A count in the UI language: 12345 → "12,345". */
export function useNumber(): (n: number, opts?: { sign?: boolean }) => string {
  const { i18n } = useTranslation();
  return (n, opts) => new Intl.NumberFormat(i18n.language, { signDisplay: opts?.sign ? 'exceptZero' : 'auto' }).format(n);
}

/** Basis points as a percent: 2000 → "20%", 1250 → "12.5%". */
export function usePercent(): (bp: number) => string {
  const { i18n } = useTranslation();
  return (bp) => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

/** A calendar date "YYYY-MM-DD" in the UI language, short: "Mar 10, 2026" / "2026年3月10日". */
export function useCalendarDate(): (ymd: string) => string {
  const { i18n } = useTranslation();
  return (ymd) => {
    const [y, mo, d] = ymd.split('-').map(Number);
    if (!y || !mo || !d) return ymd;
    return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, mo - 1, d));
  };
}
