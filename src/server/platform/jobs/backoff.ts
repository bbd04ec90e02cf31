// Retry timing for failed jobs: exponential, capped, with jitter so a burst of failures (an SMTP
// server that was down for a minute) does not come back as a burst of retries at the same instant.

export type BackoffPolicy = {
  /** Delay before the second attempt (after the first failure). */
  baseMs: number;
  /** No delay grows beyond this (before jitter). */
  maxMs: number;
  /** Extra random delay, as a fraction of the exponential delay: 0.25 → up to +25 %. */
  jitter: number;
};

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 60 * 60_000, jitter: 0.25 };

/**
 * Delay before the next try after `attempt` failed attempts (attempt ≥ 1):
 * min(max, base·2^(attempt−1)) plus up to `jitter` of that, drawn from `random` (0 ≤ r < 1).
 * With random() = 0 the result is the plain exponential delay, which keeps tests exact.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be an integer ≥ 1, got ${attempt}`);
  // 2^(attempt−1) overflows to Infinity for huge attempts; min() caps it before it matters.
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt - 1, 52));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(exponential + exponential * policy.jitter * r);
}
