// Pure rules of the ledger: account kinds, units, and the arithmetic every posting must respect.
// No database, no clock: repo.ts applies these inside a transaction.

export const ACCOUNT_KINDS = [
  'wallet_principal',
  'wallet_bonus',
  'gift_card',
  'points',
  'coupon_pool',
  'coupon_client',
  /** Sessions left on one item of a client package (owner: the client package, subject: the item). */
  'package_session',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const UNITS = ['cents', 'points', 'uses'] as const;
export type Unit = (typeof UNITS)[number];

export const OWNER_TYPES = ['client', 'gift_card', 'coupon', 'client_package'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

export const UNIT_OF: Record<AccountKind, Unit> = {
  wallet_principal: 'cents',
  wallet_bonus: 'cents',
  gift_card: 'cents',
  points: 'points',
  coupon_pool: 'uses',
  coupon_client: 'uses',
  package_session: 'uses',
};

/** Largest single movement accepted ($1,000,000 in cents): far below 2^31, so no engine overflows. */
export const MAX_MOVEMENT = 100_000_000;

/** Entry kinds: what happened. Corrections are new entries of their own kind, never edits. */
export const ENTRY_KINDS = [
  'top_up',
  'top_up_bonus',
  'top_up_refund',
  'bonus_forfeit',
  'spend',
  'spend_refund',
  'adjustment',
  'sale',
  'reload',
  'sale_refund',
  'earn',
  'earn_reversal',
  'redeem',
  'redeem_refund',
  'expiry',
  'issue',
  'use',
  'use_reversal',
  'merge_in',
  'merge_out',
  // A lost gift card's balance moved to its replacement.
  'transfer_out',
  'transfer_in',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export function isValidMovement(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount !== 0 && Math.abs(amount) <= MAX_MOVEMENT;
}

/**
 * Applies signed movements to a balance the way the guarded update does: a movement that would take the
 * balance below zero is refused (null) and leaves the balance as it was. Returns the balance after
 * each accepted movement. The model the property tests compare the database against.
 */
export function applyMovements(start: number, amounts: readonly number[]): Array<number | null> {
  let balance = start;
  return amounts.map((a) => {
    if (balance + a < 0) return null;
    balance += a;
    return balance;
  });
}

export type ChainEntry = { seq: number; amount: number; balanceAfter: number };

/** Problems in one account's entry chain: seq gaps, a step that does not add up, a balance that differs. */
export function chainProblems(entries: readonly ChainEntry[], balance: number): string[] {
  const problems: string[] = [];
  let running = 0;
  entries.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`entry seq ${e.seq} where ${i + 1} was expected`);
    running += e.amount;
    if (e.balanceAfter !== running) problems.push(`entry ${e.seq}: balance_after ${e.balanceAfter} but entries sum to ${running}`);
    if (e.balanceAfter < 0) problems.push(`entry ${e.seq}: negative balance ${e.balanceAfter}`);
  });
  if (running !== balance) problems.push(`balance ${balance} but entries sum to ${running}`);
  return problems;
}
