import { describe, expect, it } from 'vitest';
import { ACTIONS, allowedActions, FINAL, HOLDS_TIME, STATUSES, type Status, TARGET, transition } from './status.js';

const START = Date.UTC(2026, 11, 1, 15);

describe('appointment state machine', () => {
  it('follows the happy path booked → confirmed → checked_in → in_service → completed', () => {
    let s: Status = 'booked';
    for (const action of ['confirm', 'check_in', 'start', 'complete'] as const) {
      const t = transition(s, action, START, START);
      expect(t.ok).toBe(true);
      if (t.ok) s = t.to;
    }
    expect(s).toBe('completed');
  });

  it('allows check-in straight from booked, and completing without an explicit start', () => {
    expect(transition('booked', 'check_in', START, START)).toMatchObject({ ok: true, to: 'checked_in' });
    expect(transition('checked_in', 'complete', START, START)).toMatchObject({ ok: true, to: 'completed' });
  });

  it('refuses every action on a final status', () => {
    for (const s of FINAL)
      for (const a of ACTIONS) expect(transition(s, a, START, START)).toMatchObject({ ok: false, reason: 'invalid_status_transition' });
  });

  it('refuses going backwards or skipping check-in', () => {
    expect(transition('confirmed', 'confirm', START, START).ok).toBe(false);
    expect(transition('in_service', 'check_in', START, START).ok).toBe(false);
    expect(transition('booked', 'start', START, START).ok).toBe(false);
    expect(transition('booked', 'complete', START, START).ok).toBe(false);
    expect(transition('in_service', 'cancel', START, START).ok).toBe(false);
    expect(transition('checked_in', 'no_show', START, START).ok).toBe(false);
  });

  it('records a no-show only once the start has passed', () => {
    expect(transition('booked', 'no_show', START - 1, START)).toMatchObject({ ok: false, reason: 'no_show_too_early' });
    expect(transition('confirmed', 'no_show', START, START)).toMatchObject({ ok: true, to: 'no_show', releasesTime: true });
  });

  it('releases the time exactly when leaving the time-holding statuses', () => {
    for (const from of STATUSES) {
      for (const action of allowedActions(from)) {
        const t = transition(from, action, START + 1, START);
        if (!t.ok) continue;
        expect(t.releasesTime).toBe(HOLDS_TIME.has(from) && !HOLDS_TIME.has(TARGET[action]));
      }
    }
    expect(transition('booked', 'cancel', START, START)).toMatchObject({ releasesTime: true });
    expect(transition('checked_in', 'complete', START, START)).toMatchObject({ releasesTime: false });
  });

  it('every action leads to its target status, and every status but the final ones has a way forward', () => {
    for (const s of STATUSES) expect(allowedActions(s).length === 0).toBe(FINAL.has(s));
    for (const s of STATUSES) for (const a of allowedActions(s)) expect(STATUSES).toContain(TARGET[a]);
  });
});
