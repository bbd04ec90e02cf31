// The availability module's only import surface: a pure engine (no database, no clock).

export { exceptionsByDate, fromMinutes, type MinuteRange, staffDayHours, storeDayHours, toMinutes } from './day-hours.js';
export { computeAvailability, evaluateStart, MAX_LINE_SPAN_MS, MAX_RANGE_DAYS, MAX_SERVICES } from './engine.js';
export { expandMinutes, type LocalDay, localDay, localDays, wallTime } from './local-calendar.js';
export { busyOfLine, type LineTiming, type Occupancy, occupancy, staffPieces } from './occupancy.js';
export {
  ANY_STAFF,
  ANY_STAFF_STRATEGIES,
  type AnyStaffStrategy,
  type AvailabilityInput,
  type AvailabilitySettings,
  type BookingMode,
  DEFAULT_AVAILABILITY_SETTINGS,
  EXCEPTION_KINDS,
  type ExceptionKind,
  type HoursRange,
  type Interval,
  type ProcessingGap,
  type Resource,
  type ResourceBusy,
  type ServiceRequest,
  type Slot,
  type SlotLine,
  type SpecialDate,
  type StaffBusy,
  type StaffException,
  type StaffInput,
  type StaffRoster,
  type StartCheck,
  type StartRefusal,
  type StoreHours,
  type WeeklyHours,
} from './types.js';
