// Shapes of the cash drawer API (src/server/modules/shifts: service.ts, schemas.ts; sales/reports.ts).
import type { Currency } from '../../http/types.js';

/** Counted bills and coins: { "2000": 3 } = three $20 bills (keys in cents). */
export type DenominationCounts = Record<string, number>;

export interface DrawerFigures {
  openingFloat: number;
  cashSales: number;
  cashRefunds: number;
  paidIn: number;
  paidOut: number;
  expectedCash: number;
}

export interface Movement {
  id: string;
  kind: 'paid_in' | 'paid_out';
  amount: number;
  reason: string;
  createdBy: string | null;
  createdAt: string | null;
}

export interface Shift {
  id: string;
  storeId: string;
  drawer: string;
  status: 'open' | 'closed';
  currency: Currency;
  openingFloat: number;
  openingCounts: DenominationCounts | null;
  openedBy: string | null;
  openedAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
  countedCash: number | null;
  closingCounts: DenominationCounts | null;
  note: string | null;
  drawerFigures: DrawerFigures;
  overShort: number | null;
  movements: Movement[];
  version: number;
}

export interface SalesSummary {
  sales: {
    count: number;
    subtotal: number;
    discounts: number;
    tax: number;
    tips: number;
    total: number;
    cashRounding: number;
    paid: number;
  };
  byCategory: Array<{ category: string; quantity: number; gross: number; discounts: number; net: number; tax: number; total: number }>;
  taxes: Array<{ code: string; name: string; rate: string; collected: number; refunded: number; net: number }>;
  tenders: Array<{ kind: string; count: number; amount: number; tip: number; refunded: number; net: number }>;
  tips: {
    total: number;
    refunded: number;
    byStaff: Array<{ staffId: string; name: string; amount: number; byTender: Record<string, number> }>;
  };
  refunds: { count: number; total: number; tax: number; tip: number };
  voids: { count: number; total: number };
  net: number;
  receiptRange: { first: number; last: number } | null;
}

export interface XReport extends SalesSummary {
  kind: 'x';
  shift: Shift;
}

export interface ZReport extends SalesSummary {
  kind: 'z';
  store: { id: string; name: string; timeZone: string; currency: Currency };
  date: string;
  allShiftsClosed: boolean;
  shifts: Array<{
    id: string;
    drawer: string;
    status: 'open' | 'closed';
    openingFloat: number;
    expectedCash: number | null;
    countedCash: number | null;
    overShort: number | null;
  }>;
  overShort: number;
}
