// The appointment life cycle as a pure state machine: which status may follow which, and what each
// step records. No database, no clock: callers pass `now` and the appointment's start.
//
//   booked ──confirm──▶ confirmed
//     │ └────────────┬───────┘
//     │          check_in ──▶ checked_in ──start──▶ in_service ──complete──▶ completed
//     │              │             └──────────complete─────────────────────▲
//     ├─cancel──▶ cancelled  (from booked, confirmed, checked_in)
//     └─no_show─▶ no_show    (from booked, confirmed; only once the start has passed)
//
// completed, cancelled and no_show are final: a mistake is corrected by booking again, and the record
// of what happened stays.

export const STATUSES = ['booked', 'confirmed', 'checked_in', 'in_service', 'completed', 'cancelled', 'no_show'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = ['confirm', 'check_in', 'start', 'complete', 'cancel', 'no_show'] as const;
export type Action = (typeof ACTIONS)[number];

/** The status each action leads to. */
export const TARGET: Record<Action, Status> = {
  confirm: 'confirmed',
  check_in: 'checked_in',
  start: 'in_service',
  complete: 'completed',
  cancel: 'cancelled',
  no_show: 'no_show',
};

const ALLOWED: Record<Status, readonly Action[]> = {
  booked: ['confirm', 'check_in', 'cancel', 'no_show'],
  confirmed: ['check_in', 'cancel', 'no_show'],
  checked_in: ['start', 'complete', 'cancel'],
  in_service: ['complete'],
  completed: [],
  cancelled: [],
  no_show: [],
};

/** Statuses whose lines hold their staff and resources (the calendar shows them as taken). */
export const HOLDS_TIME: ReadonlySet<Status> = new Set(['booked', 'confirmed', 'checked_in', 'in_service', 'completed']);
/** Statuses that may still be moved, re-assigned or cancelled by the client online. */
export const MOVABLE: ReadonlySet<Status> = new Set(['booked', 'confirmed']);
export const FINAL: ReadonlySet<Status> = new Set(['completed', 'cancelled', 'no_show']);

/** Actions a technician may take on an appointment with one of their own lines (front desk does all). */
export const TECHNICIAN_ACTIONS: ReadonlySet<Action> = new Set(['check_in', 'start', 'complete']);

export const isStatus = (v: unknown): v is Status => STATUSES.includes(v as Status);

export function allowedActions(from: Status): readonly Action[] {
  return ALLOWED[from];
}

export type TransitionRefusal = { ok: false; reason: 'invalid_status_transition' | 'no_show_too_early'; from: Status; to: Status };
export type Transition = { ok: true; from: Status; to: Status; releasesTime: boolean } | TransitionRefusal;

/**
 * Whether `action` may happen to an appointment in `from` at `now`. A no-show needs the start to have
 * passed; `releasesTime` says the lines stop holding their staff and resources (cancel, no-show).
 */
export function transition(from: Status, action: Action, now: number, startAt: number): Transition {
  const to = TARGET[action];
  if (!ALLOWED[from].includes(action)) return { ok: false, reason: 'invalid_status_transition', from, to };
  if (action === 'no_show' && now < startAt) return { ok: false, reason: 'no_show_too_early', from, to };
  return { ok: true, from, to, releasesTime: HOLDS_TIME.has(from) && !HOLDS_TIME.has(to) };
}

/** The columns stamped when an appointment enters a status (who and when). */
export const STAMP: Partial<Record<Status, { at: string; by: string }>> = {
  confirmed: { at: 'confirmed_at', by: 'confirmed_by' },
  checked_in: { at: 'checked_in_at', by: 'checked_in_by' },
  in_service: { at: 'started_at', by: 'started_by' },
  completed: { at: 'completed_at', by: 'completed_by' },
  cancelled: { at: 'cancelled_at', by: 'cancelled_by' },
  no_show: { at: 'no_show_at', by: 'no_show_by' },
};
