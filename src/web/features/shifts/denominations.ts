// Bills and coins in cents, as the server counts them. Canada has no penny ($1 and $2 are coins); the US
// keeps the $1 and $2 bills.
import type { Currency } from '../../http/types.js';
import type { DenominationCounts } from './types.js';

export const DENOMINATIONS: Record<Currency, readonly number[]> = {
  USD: [10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 25, 10, 5, 1],
  CAD: [10_000, 5_000, 2_000, 1_000, 500, 200, 100, 25, 10, 5],
};

/** Which denominations are coins (shown apart from bills). */
export const isCoin = (cents: number, currency: Currency) => (currency === 'CAD' ? cents <= 200 : cents < 100);

export function countTotal(counts: DenominationCounts): number {
  return Object.entries(counts).reduce((a, [d, n]) => a + Number(d) * n, 0);
}

/** Only the denominations counted (a zero row is left out of the request). */
export function countsBody(counts: DenominationCounts): DenominationCounts {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}
