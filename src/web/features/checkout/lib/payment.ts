// What the payment panel shows while tenders are typed: what is left, what cash must cover, change due.
// Mirrors the server's rule (non-cash tenders pay exactly what they say; one cash tender takes the rest,
// rounded to 5 ¢ in CAD, and may exceed it: change). The server checks again and records the amounts.
import { cashDue } from './money.js';
import { isCashKind } from './tenders.js';

export type TenderEntry = {
  key: string;
  kind: string;
  /** Cents; for cash, what the client hands over. */
  amount: number;
  fields: Record<string, string>;
  /** Follows the amount due until someone types an amount. */
  auto: boolean;
  /** What is typed in the amount box (kept apart so "12." stays while typing). */
  text?: string;
};

export type PaymentState = {
  due: number;
  nonCash: number;
  /** What cash must cover (rounded in CAD), when there is a cash tender. */
  cashNeeded: number;
  cashGiven: number;
  /** Cents still to collect. */
  remaining: number;
  change: number;
  /** The cash rounding the server will record (cashNeeded − the unrounded rest). */
  rounding: number;
  /** Non-cash tenders add up to more than is due. */
  over: number;
  ready: boolean;
};

const isCash = isCashKind;

export function paymentState(due: number, entries: readonly TenderEntry[], currency: string): PaymentState {
  const nonCash = entries.filter((e) => !isCash(e.kind)).reduce((a, e) => a + e.amount, 0);
  const cash = entries.find((e) => isCash(e.kind));
  const rest = due - nonCash;
  const over = Math.max(0, -rest);
  if (!cash) {
    const remaining = Math.max(0, rest);
    // Nothing to pay (package sessions only, no tip): no tender at all is right.
    const ready = rest === 0 && entries.every((e) => e.amount > 0);
    return { due, nonCash, cashNeeded: 0, cashGiven: 0, remaining, change: 0, rounding: 0, over, ready };
  }
  const cashNeeded = cashDue(rest, currency);
  const remaining = Math.max(0, cashNeeded - cash.amount);
  const change = rest >= 0 ? Math.max(0, cash.amount - cashNeeded) : 0;
  return {
    due,
    nonCash,
    cashNeeded,
    cashGiven: cash.amount,
    remaining,
    change,
    rounding: rest > 0 ? cashNeeded - rest : 0,
    over,
    ready: rest > 0 && cash.amount >= cashNeeded && entries.every((e) => e.amount > 0),
  };
}

/** The amount a newly added tender starts with: what is still to pay (cash: rounded). */
export function startingAmount(kind: string, due: number, entries: readonly TenderEntry[], currency: string): number {
  const nonCash = entries.filter((e) => !isCash(e.kind)).reduce((a, e) => a + e.amount, 0);
  const cash = entries.find((e) => isCash(e.kind));
  const rest = due - nonCash - (cash ? Math.min(cash.amount, Math.max(0, due - nonCash)) : 0);
  if (rest <= 0) return 0;
  return isCash(kind) ? cashDue(rest, currency) : rest;
}

/** After the amount due changed (tip), an untouched single tender follows it. */
export function followDue(entries: TenderEntry[], due: number, currency: string): TenderEntry[] {
  if (entries.length !== 1 || !entries[0]!.auto) return entries;
  const e = entries[0]!;
  const amount = isCash(e.kind) ? cashDue(due, currency) : due;
  return amount === e.amount ? entries : [{ ...e, amount, text: undefined }];
}
