// How the ticket looks while a change is on its way: a new line shows at once (its amount still to come),
// a removed line goes, a quantity moves. Totals stay the server's until it answers. Pure.
import type { Sale, SaleLine, Technician } from '../types.js';

const PENDING = 'pending:';
let n = 0;

export const isPendingLine = (line: SaleLine) => line.id.startsWith(PENDING) || (line as SaleLine & { pending?: boolean }).pending === true;

/** A stand-in for a line being added. */
export function placeholderLine(kind: string, name: string, unitPrice: number, technicians: Technician[] = []): SaleLine {
  n += 1;
  return {
    id: `${PENDING}${n}`,
    kind,
    refId: null,
    name,
    displayName: name,
    category: kind,
    quantity: 1,
    unitPrice,
    listPrice: unitPrice,
    priceOverrideReason: null,
    discount: null,
    approvedBy: null,
    technicians,
    data: {},
    input: {},
    note: null,
    gross: unitPrice,
    lineDiscount: 0,
    ticketDiscount: 0,
    net: unitPrice,
    tax: 0,
    total: unitPrice,
    refundedQuantity: 0,
    refundedAmount: 0,
  };
}

export const withLine =
  (line: SaleLine) =>
  (sale: Sale): Sale => ({ ...sale, lines: [...sale.lines, line] });

export const withoutLine =
  (lineId: string) =>
  (sale: Sale): Sale => ({ ...sale, lines: sale.lines.filter((l) => l.id !== lineId) });

export const withLineChange =
  (lineId: string, change: Partial<SaleLine>) =>
  (sale: Sale): Sale => ({
    ...sale,
    lines: sale.lines.map((l) => (l.id === lineId ? ({ ...l, ...change, pending: true } as SaleLine) : l)),
  });
