// The availability engine's input and output. Everything is data: the caller loads hours, rosters,
// bookings and settings, passes `now`, and gets slots back. Instants are epoch ms; wall-clock values
// ('YYYY-MM-DD', 'HH:mm') are in the store's IANA time zone.
import type { HoursRange, Interval, LocalDate, WeekdayKey } from '../../platform/zoned-time.js';

export type { HoursRange, Interval, LocalDate, WeekdayKey };

/** Ranges per weekday; a missing or empty day is a day off. Several ranges make a split shift (the gap is a break). */
export type WeeklyHours = Partial<Record<WeekdayKey, readonly HoursRange[]>>;

/** A store's special date: closed all day, or open with its own hours instead of the weekly ones. */
export type SpecialDate = { date: LocalDate; closed: boolean; hours?: readonly HoursRange[] };

export type StoreHours = { weekly: WeeklyHours; specialDates: readonly SpecialDate[] };

export const EXCEPTION_KINDS = ['time_off', 'break', 'extra_shift', 'custom_hours'] as const;
/**
 * How a dated exception changes a staff member's weekly hours on that date:
 * - `custom_hours`: replaces the weekly hours of the date (several on one date are united);
 * - `extra_shift`: adds hours;
 * - `time_off`: removes its hours, or the whole day when it has none;
 * - `break`: removes its hours (a one-off break; always with hours).
 * Order: custom (else weekly) → plus extra shifts → minus time off and breaks. Time off always wins.
 */
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
export type StaffException = { date: LocalDate; kind: ExceptionKind; hours: readonly HoursRange[] };

/** What the rosters module knows about one staff member at one store. */
export type StaffRoster = {
  id: string;
  weeklyHours: WeeklyHours;
  exceptions: readonly StaffException[];
  /** Position in the turn list / fixed order: lower goes first. */
  rotationOrder: number;
};

/** A roster plus what the catalog knows: which services the person performs and their own durations. */
export type StaffInput = StaffRoster & {
  serviceIds: readonly string[];
  /** Minutes this person takes for a service, by service id, when it differs from the service's duration. */
  durationsMin?: Readonly<Record<string, number>>;
};

/** Minutes from the service start during which the technician is free (colour processing, a mask setting). */
export type ProcessingGap = { startMin: number; lengthMin: number };

/** One service of the visit, in order. */
export type ServiceRequest = {
  serviceId: string;
  /** A staff member's id, or 'any' for "any technician" (picked by the store's strategy). */
  staffId: string;
  durationMin: number;
  /** Minutes added to whoever performs it (add-ons on the line), after their own duration. */
  extraMin?: number;
  /** The line's length set by hand (the front desk resized it): replaces every duration and extraMin. */
  fixedDurationMin?: number | null;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  processing?: ProcessingGap | null;
  /** A resource of this type (room, bed, pedicure chair) is held for the whole line, buffers included. */
  resourceType?: string | null;
  /** Starts together with the previous line (two technicians at once), instead of after it. */
  parallelWithPrevious?: boolean;
};

/**
 * Time a staff member is taken: an appointment line (its span including buffers) or blocked time.
 * `processing` is the part of the span where the technician is free again, if the store allows it.
 */
export type StaffBusy = {
  staffId: string;
  start: number;
  end: number;
  processing?: Interval | null;
  /** 'blocked' time (meeting, cleaning) is not counted as bookings by the "least booked" strategy. */
  kind?: 'appointment' | 'blocked';
};

/** Time a resource is taken (the whole span of the line using it, buffers and processing included). */
export type ResourceBusy = { resourceId: string; start: number; end: number };

export type Resource = { id: string; type: string };

export const ANY_STAFF = 'any';
export const ANY_STAFF_STRATEGIES = ['least_booked', 'rotation', 'fixed_order'] as const;
/**
 * How "any technician" is chosen among those free for a slot:
 * - `least_booked`: fewest booked minutes that local day;
 * - `rotation`: the nail-bar turn list, fewest appointments that day, then rotation order;
 * - `fixed_order`: always the first free in rotation order.
 * Ties go to rotation order, then id.
 */
export type AnyStaffStrategy = (typeof ANY_STAFF_STRATEGIES)[number];
export type BookingMode = 'online' | 'front_desk';

export type AvailabilitySettings = {
  /** Grid of offered starts, from each opening time of the store (15 = :00, :15, :30, :45 for hours on the quarter). */
  slotStepMin: number;
  /** Online: no start earlier than now + notice. */
  noticeMin: number;
  /** Online: no start on a local date more than this many days after today (0 = today only). */
  horizonDays: number;
  /** The technician may take another client during a processing gap. */
  allowProcessingOverlap: boolean;
  anyStaffStrategy: AnyStaffStrategy;
  /** 'front_desk' ignores notice and horizon, never hours, overlaps or the past. */
  mode: BookingMode;
};

export const DEFAULT_AVAILABILITY_SETTINGS: AvailabilitySettings = {
  slotStepMin: 15,
  noticeMin: 60,
  horizonDays: 60,
  allowProcessingOverlap: true,
  anyStaffStrategy: 'least_booked',
  mode: 'online',
};

export type AvailabilityInput = {
  timeZone: string;
  /** Local dates of the store, both included. */
  dateRange: { from: LocalDate; to: LocalDate };
  now: number;
  storeHours: StoreHours;
  staff: readonly StaffInput[];
  services: readonly ServiceRequest[];
  busy: { staff: readonly StaffBusy[]; resources: readonly ResourceBusy[] };
  resources: readonly Resource[];
  settings: AvailabilitySettings;
};

/** One line of an offered visit: service time only (buffers are not part of start/end). */
export type SlotLine = { serviceId: string; staffId: string; resourceId: string | null; start: number; end: number };

export type Slot = {
  /** The visit's first service start (epoch ms). */
  start: number;
  /** When the last service ends (epoch ms). */
  end: number;
  /** Store-local wall time of `start`, 'HH:mm'. */
  startLocal: string;
  /** Store-local date of `start`. */
  date: LocalDate;
  lines: SlotLine[];
};

export type StartRefusal =
  | 'start_in_past'
  | 'too_soon'
  | 'beyond_horizon'
  | 'staff_cannot_perform'
  | 'no_resource'
  | 'outside_working_hours'
  | 'slot_taken';

export type StartCheck = { ok: true; slot: Slot } | { ok: false; reason: StartRefusal };
