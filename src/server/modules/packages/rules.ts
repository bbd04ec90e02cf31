// Pure rules of treatment packages: how a price is spread over sessions, what a refund gives back, when a
// package expires, which step may be redeemed, when a recommendation fires. No database, no clock.
import { Temporal } from 'temporal-polyfill';
import { allocate, percentOf, roundHalfUp } from '../../platform/money.js';
import { addDays, startOfLocalDay } from '../../platform/zoned-time.js';

export type Validity = { kind: 'months'; months: number } | { kind: 'fixed'; until: string } | { kind: 'none' };

/** One line of a package's contents: N sessions of one service, or a pool over several services. */
export type ItemSpec = {
  sessions: number;
  /** Relative worth of the whole item (e.g. list price × sessions); only proportions matter. */
  weight: number;
};

/**
 * Spreads `price` (cents) over every session of every item: first over the items in proportion to their
 * weights, then evenly over each item's sessions (earlier sessions take the odd cents). The parts always
 * sum exactly to `price`; two sessions of one item differ by at most one cent.
 */
export function allocatePackage(price: number, items: readonly ItemSpec[]): number[][] {
  if (items.length === 0) throw new RangeError('a package has at least one item');
  if (!Number.isSafeInteger(price) || price < 0) throw new RangeError(`price must be a non-negative integer, got ${price}`);
  for (const it of items) {
    if (!Number.isSafeInteger(it.sessions) || it.sessions < 1)
      throw new RangeError(`sessions must be a positive integer, got ${it.sessions}`);
    if (!Number.isSafeInteger(it.weight) || it.weight < 0) throw new RangeError(`weight must be a non-negative integer, got ${it.weight}`);
  }
  // No weights at all (a package of free services): every session weighs the same.
  const weights = items.every((it) => it.weight === 0) ? items.map((it) => it.sessions) : items.map((it) => it.weight);
  const perItem = allocate(price, weights);
  return items.map((it, i) =>
    allocate(
      perItem[i]!,
      Array.from({ length: it.sessions }, () => 1),
    ),
  );
}

/** The value of sessions `from`..`from + count - 1` (1-based) of an item; sessions past the allocation (bonus) are worth 0. */
export function valueOfSessions(values: readonly number[], from: number, count: number): number {
  let sum = 0;
  for (let n = from; n < from + count; n++) sum += values[n - 1] ?? 0;
  return sum;
}

/** The value of the next session of an item after `used` were redeemed. */
export const nextSessionValue = (values: readonly number[], used: number): number => values[used] ?? 0;

export type RefundFee = { percentBp: number; fixed: number };

export type RefundInput = {
  /** What the client paid for the package line, tax included. */
  paidTotal: number;
  /** The pre-tax amount allocated over the sessions (Σ of every session value). */
  price: number;
  /** Σ of the allocated values of the sessions still unused. */
  unusedValue: number;
  /** Already given back for this package (earlier partial refunds): deducted from what comes back. */
  refunded: number;
  fee: RefundFee;
  /** No fee (a same-day cancellation before any session was used). */
  waiveFee: boolean;
};

export type RefundQuote = { unusedValue: number; gross: number; fee: number; refundable: number };

/**
 * What a package refund gives back: the unused sessions at their allocated value (scaled to what was paid,
 * so the tax comes back with it), minus the business's fee (a percent of that plus a fixed amount, never
 * more than it), never more than what is left of the payment.
 */
export function refundQuote(r: RefundInput): RefundQuote {
  const unused = Math.max(0, Math.min(r.unusedValue, r.price));
  const gross = r.price === 0 ? 0 : r.unusedValue >= r.price ? r.paidTotal : roundHalfUp(unused * r.paidTotal, r.price);
  const fee = r.waiveFee ? 0 : Math.min(gross, percentOf(gross, r.fee.percentBp) + r.fee.fixed);
  // Earlier partial refunds (a goodwill amount) were an advance on this one.
  const left = Math.max(0, r.paidTotal - r.refunded);
  return { unusedValue: unused, gross, fee, refundable: Math.max(0, Math.min(gross - fee - r.refunded, left)) };
}

/**
 * When a package bought at `purchasedAt` stops being usable: the end of the store-local day `months` later,
 * the end of the fixed date, or never (null). Expired when now ≥ the returned instant.
 */
export function expiryFor(purchasedAt: number, validity: Validity, tz: string): number | null {
  if (validity.kind === 'none') return null;
  if (validity.kind === 'fixed') return startOfLocalDay(addDays(validity.until, 1), tz);
  const bought = Temporal.Instant.fromEpochMilliseconds(purchasedAt).toZonedDateTimeISO(tz).toPlainDate();
  return startOfLocalDay(addDays(bought.add({ months: validity.months }).toString(), 1), tz);
}

export type StepItem = { id: string; step: number | null; balance: number };

/**
 * Step order (e.g. 3 cleansing sessions, then 5 repair sessions): an item of step s may be redeemed only
 * once every item of an earlier step has no session left. Returns the earliest step still open before the
 * target's, or null when the target may be redeemed.
 */
export function blockingStep(items: readonly StepItem[], targetId: string): number | null {
  const target = items.find((i) => i.id === targetId);
  if (!target || target.step === null) return null;
  const open = items.filter((i) => i.step !== null && i.step < target.step! && i.balance > 0).map((i) => i.step!);
  return open.length ? Math.min(...open) : null;
}

export type RuleTrigger = { trigger: 'completed' } | { trigger: 'remaining'; remaining: number };

/**
 * Whether a recommendation rule fires for a package now: 'completed' when no session is left after at least
 * one was used; 'remaining' when at most `remaining` sessions are left (and at least one was used).
 */
export function ruleFires(rule: RuleTrigger, p: { remaining: number; used: number }): boolean {
  if (p.used === 0) return false;
  return rule.trigger === 'completed' ? p.remaining === 0 : p.remaining <= rule.remaining;
}

const DAY_MS = 86_400_000;

/**
 * Whole days of a freeze from `from` to `until`, a started day counting as one. An hour of slack absorbs
 * DST changes (a "3-day" freeze over one lasts 71 or 73 hours), so a freeze ended in its first hour is free.
 */
export const freezeDays = (from: number, until: number): number => Math.max(0, Math.ceil((until - from - 3_600_000) / DAY_MS));

/** An instant moved by whole local days in `tz` (the wall time stays, across DST changes). */
export function shiftDays(ms: number, days: number, tz: string): number {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz).add({ days }).epochMilliseconds;
}

/**
 * A freeze of `days` starting `now`: refused (null) when the template allows none or fewer days are left of
 * its maximum; otherwise the freeze's end and the new expiry (pushed back by the same local days).
 */
export function planFreeze(
  p: { allowed: boolean; maxDays: number; usedDays: number; expiresAt: number | null },
  days: number,
  now: number,
  tz: string,
): { until: number; expiresAt: number | null } | null {
  if (!p.allowed || days < 1 || p.usedDays + days > p.maxDays) return null;
  return { until: shiftDays(now, days, tz), expiresAt: p.expiresAt === null ? null : shiftDays(p.expiresAt, days, tz) };
}

/** Ending a freeze early at `now`: the days actually used, and the expiry given back the days not used. */
export function endFreeze(
  p: { frozenFrom: number; frozenUntil: number; expiresAt: number | null },
  now: number,
  tz: string,
): { usedDays: number; expiresAt: number | null } {
  const end = Math.min(now, p.frozenUntil);
  const used = freezeDays(p.frozenFrom, end);
  const planned = freezeDays(p.frozenFrom, p.frozenUntil);
  return { usedDays: used, expiresAt: p.expiresAt === null ? null : shiftDays(p.expiresAt, -(planned - used), tz) };
}
