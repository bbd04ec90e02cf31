// Shapes of the rosters API (src/server/modules/rosters: rosters.ts, schemas.ts).
import type { Role, Shift, Weekday, WeeklyHours } from '../../http/types.js';

export const EXCEPTION_KINDS = ['time_off', 'break', 'extra_shift', 'custom_hours'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export const BLOCK_REASONS = ['meeting', 'cleaning', 'training', 'break', 'other'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

/** A local range with its instants (ISO with the store's offset) on that date. */
export interface TimedRange {
  open: string;
  close: string;
  start: string;
  end: string;
}

export interface RosterException {
  id: string;
  storeId: string;
  staffId: string;
  date: string;
  kind: ExceptionKind;
  hours: Shift[];
  note: string | null;
}

export interface BlockedTime {
  id: string;
  storeId: string;
  staffId: string;
  start: string;
  end: string;
  reason: BlockReason;
  note: string | null;
}

export interface RosterDay {
  date: string;
  weekday: Weekday;
  /** The effective working hours (weekly pattern with the exceptions applied). */
  hours: TimedRange[];
  exceptions: RosterException[];
  blocked: BlockedTime[];
}

export interface RosterStaff {
  staffId: string;
  name: string;
  displayName: string;
  role: Role;
  rotationOrder: number;
  version: number;
  weekly: WeeklyHours;
  days: RosterDay[];
}

export interface StoreDay {
  date: string;
  weekday: Weekday;
  closed: boolean;
  special: boolean;
  hours: TimedRange[];
}

export interface RosterWeek {
  storeId: string;
  timeZone: string;
  from: string;
  to: string;
  store: { days: StoreDay[] };
  staff: RosterStaff[];
}
