// Shapes of the appointments API (src/server/modules/appointments: dto.ts, routes.ts, waitlist.ts, settings.ts).

export const STATUSES = ['booked', 'confirmed', 'checked_in', 'in_service', 'completed', 'cancelled', 'no_show'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = ['confirm', 'check_in', 'start', 'complete', 'cancel', 'no_show'] as const;
export type Action = (typeof ACTIONS)[number];

/** Statuses that may still be moved (the server's MOVABLE). */
export const MOVABLE: ReadonlySet<Status> = new Set(['booked', 'confirmed']);
/** Statuses that no longer hold their time. */
export const RELEASED: ReadonlySet<Status> = new Set(['cancelled', 'no_show']);

export type Source = 'front_desk' | 'online' | 'phone' | 'walk_in';

export interface AppointmentClient {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  phone: string | null;
  email: string | null;
  /** An allergies reminder is on the client's card (the text is only on the card). */
  allergyFlag: boolean;
}

/** An add-on booked on a line, with its minutes and price as booked. */
export interface LineAddOn {
  id: string;
  name: string;
  extraMin: number;
  price: number;
}

export interface AppointmentLine {
  id: string;
  position: number;
  serviceId: string;
  serviceName: string;
  staffId: string;
  staffName: string;
  staffRequested: boolean;
  resourceId: string | null;
  parallelWithPrevious: boolean;
  /** ISO 8601 with the store's offset. */
  start: string;
  end: string;
  busyStart: string;
  busyEnd: string;
  processing: { start: string; end: string } | null;
  /** Minutes of service, add-ons included. */
  durationMin: number;
  /** The length was set by hand (a resize): it stays when the visit moves. */
  customDuration: boolean;
  price: number;
  addOns: LineAddOn[];
}

export interface Stamp {
  at: string;
  by: string | null;
}

export interface Appointment {
  id: string;
  storeId: string;
  status: Status;
  source: Source;
  notes: string | null;
  timeZone: string;
  date: string;
  startLocal: string;
  start: string;
  end: string;
  client: AppointmentClient | null;
  lines: AppointmentLine[];
  total: number;
  currency: string;
  /** A recorded late-cancel / no-show fee; `collected` once a sale paid it. */
  fee: { kind: string; amount: number; collected?: boolean } | null;
  cancelReason: string | null;
  rescheduleCount: number;
  allowedActions: Action[];
  created: Stamp;
  confirmed: Stamp | null;
  checkedIn: Stamp | null;
  started: Stamp | null;
  completed: Stamp | null;
  cancelled: Stamp | null;
  noShow: Stamp | null;
  version: number;
  updatedAt: string;
}

export interface HistoryEntry {
  from: Status | null;
  to: Status;
  at: string;
  by: string | null;
  reason: string | null;
  start: string | null;
}

export interface AppointmentDetail extends Appointment {
  history: HistoryEntry[];
}

export interface Feed {
  storeId: string;
  timeZone: string;
  from: string;
  to: string;
  asOf: string;
  data: Appointment[];
  nextCursor: string | null;
}

export interface SlotLine {
  serviceId: string;
  staffId: string;
  resourceId: string | null;
  start: string;
  end: string;
}

/** A bookable start (also the shape of the alternatives of a 409 slot_taken). */
export interface Slot {
  start: string;
  end: string;
  date: string;
  startLocal: string;
  lines: SlotLine[];
}

export interface Availability {
  timeZone: string;
  from: string;
  to: string;
  slots: Slot[];
}

/** One line of a booking or a reschedule. */
export interface LineInput {
  serviceId: string;
  staffId: string | 'any';
  start?: string;
  date?: string;
  startLocal?: string;
  parallelWithPrevious?: boolean;
  addOnIds?: string[];
  /** Front desk only: a length set by hand, add-ons included. */
  durationMin?: number;
}

/** A change to a line in place (PATCH /appointments/:id): its length (null: the catalog's) or add-ons. */
export interface LinePatch {
  id: string;
  durationMin?: number | null;
  addOnIds?: string[];
}

export interface WaitlistEntry {
  id: string;
  storeId: string;
  clientId: string;
  client: { firstName: string; lastName: string; phone: string | null } | null;
  serviceIds: string[];
  staffId: string | 'any';
  dateFrom: string;
  dateTo: string;
  timeFrom: string | null;
  timeTo: string | null;
  notes: string | null;
  status: 'waiting' | 'booked' | 'removed';
  match: Slot | null;
  matchedAt: string | null;
  appointmentId: string | null;
  version: number;
  createdAt: string;
  stillFree?: boolean;
}
