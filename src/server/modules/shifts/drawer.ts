// Cash drawer arithmetic, pure: denominations, expected cash, over/short.
import type { Currency } from '../../platform/money.js';
import { ShiftErrors } from './errors.js';
import type { DenominationCounts } from './schemas.js';

/** Bills and coins in cents. CAD has no penny (and $1/$2 are coins); USD keeps the $1 and $2 bills. */
export const DENOMINATIONS: Record<Currency, readonly number[]> = {
  USD: [10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 25, 10, 5, 1],
  CAD: [10_000, 5_000, 2_000, 1_000, 500, 200, 100, 25, 10, 5],
};

/** Total of counted bills and coins; refuses a denomination the currency does not have. */
export function countTotal(counts: DenominationCounts, currency: Currency): number {
  let total = 0;
  for (const [key, count] of Object.entries(counts)) {
    const d = Number(key);
    if (!DENOMINATIONS[currency].includes(d))
      throw ShiftErrors.unknown_denomination({ denomination: key, currency }, [{ path: `counts.${key}`, message: 'unknown denomination' }]);
    total += d * count;
  }
  return total;
}

export type DrawerFigures = { openingFloat: number; cashSales: number; cashRefunds: number; paidIn: number; paidOut: number };

/** What should be in the drawer: float + cash taken − cash given back + paid-ins − paid-outs. */
export const expectedCash = (f: DrawerFigures): number => f.openingFloat + f.cashSales - f.cashRefunds + f.paidIn - f.paidOut;
