// Settling a ticket's tenders, pure. Non-cash tenders pay exactly what they say; at most one cash tender
// takes the rest and may exceed it (change due). In CAD, the cash part rounds to the nearest 5 ¢ (the
// penny is gone); the rounding is its own amount, so Σ applied = due + cashRounding.
import { AppError } from '../../platform/errors.js';
import { type Currency, roundCashCad } from '../../platform/money.js';
import { centsText } from './pricing.js';

export type TenderRequest = { amount: number; cash: boolean };
export type SettledTender = { applied: number; tendered: number; change: number };
export type Settlement = { tenders: SettledTender[]; cashRounding: number; paid: number; change: number };

/** 422 payment_mismatch, with the amounts in cents beside the human text. `difference` = paid − due. */
export function paymentMismatch(due: number, paid: number): AppError {
  const difference = paid - due;
  return new AppError(
    'payment_mismatch',
    422,
    { due: centsText(due), paid: centsText(paid), difference: centsText(difference) },
    [],
    {},
    { due, paid, difference },
  );
}

export function settleTenders(due: number, tenders: readonly TenderRequest[], currency: Currency): Settlement {
  const nonCash = tenders.filter((t) => !t.cash).reduce((a, t) => a + t.amount, 0);
  const cashIndex = tenders.findIndex((t) => t.cash);
  if (cashIndex < 0) {
    if (nonCash !== due) throw paymentMismatch(due, nonCash);
    return { tenders: tenders.map((t) => ({ applied: t.amount, tendered: t.amount, change: 0 })), cashRounding: 0, paid: due, change: 0 };
  }
  const cash = tenders[cashIndex]!;
  const cashDue = due - nonCash;
  if (cashDue < 0) throw paymentMismatch(due, nonCash + cash.amount);
  const rounded = currency === 'CAD' ? roundCashCad(cashDue) : cashDue;
  if (cash.amount < rounded) throw paymentMismatch(due, nonCash + cash.amount);
  const settled = tenders.map((t, i) =>
    i === cashIndex
      ? { applied: rounded, tendered: t.amount, change: t.amount - rounded }
      : { applied: t.amount, tendered: t.amount, change: 0 },
  );
  return { tenders: settled, cashRounding: rounded - cashDue, paid: due + rounded - cashDue, change: cash.amount - rounded };
}
