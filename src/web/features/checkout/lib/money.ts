// Money on the checkout screens: integer cents from the server, formatted in the store's currency.
// Amounts are never computed here except what the law fixes (Canada's 5 ¢ cash rounding, for the
// amount to ask for; the server's cashRounding is what is recorded and printed).
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../http/types.js';
import { centsToInput, formatMoney, parseMoney } from '../../catalog/money.js';

export { centsToInput, parseMoney };

export function useMoney(currency: Currency | string) {
  const { i18n } = useTranslation();
  return (cents: number, opts?: { sign?: boolean }) => formatMoney(cents, currency, i18n.language, opts);
}

/** Canada has no penny: a cash amount rounds to the nearest 5 ¢ (…1, 2 down; …3, 4 up). */
export function roundCashCad(cents: number): number {
  const rem = ((cents % 5) + 5) % 5;
  return rem <= 2 ? cents - rem : cents + (5 - rem);
}

/** What cash must cover: the rest of the amount due, rounded to 5 ¢ for CAD. */
export function cashDue(rest: number, currency: string): number {
  if (rest <= 0) return 0;
  return currency === 'CAD' ? roundCashCad(rest) : rest;
}

/** Quick "the client hands over…" amounts: exact, then the next round bills above it. */
export function quickCash(due: number): number[] {
  if (due <= 0) return [];
  const out = new Set<number>([due]);
  for (const step of [500, 1000, 2000, 5000, 10_000]) {
    const next = Math.ceil(due / step) * step;
    if (next > due) out.add(next);
    if (out.size >= 5) break;
  }
  return [...out].sort((a, b) => a - b).slice(0, 5);
}
