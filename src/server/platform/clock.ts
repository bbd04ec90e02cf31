// Time is injected, never read from a global: domain code takes a Clock so tests can pin "now".

/** Source of the current instant, as epoch milliseconds (UTC). */
export interface Clock {
  now(): number;
}

/** A clock tests can move by hand; it never moves on its own. */
export interface FixedClock extends Clock {
  /** Jump to an instant (backwards too); returns the new now. */
  set(ms: number): number;
  /** Move forward by `ms` (>= 0); returns the new now. */
  advance(ms: number): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function fixedClock(startMs: number): FixedClock {
  let current = checkMs(startMs, 'startMs');
  return {
    now: () => current,
    set(ms) {
      current = checkMs(ms, 'ms');
      return current;
    },
    advance(ms) {
      // A negative step is almost always a sign-error in a test; use set() to go back on purpose.
      if (checkMs(ms, 'ms') < 0) throw new RangeError(`advance() needs ms >= 0, got ${ms}`);
      current = checkMs(current + ms, 'now');
      return current;
    },
  };
}

function checkMs(ms: number, name: string): number {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`${name} must be an integer epoch ms, got ${ms}`);
  return ms;
}
