// Builders for engine tests: a store open 09:00–19:00 every day, technicians, services and bookings.
import { type HoursRange, WEEKDAY_KEYS, zonedDateTimeToInstant } from '../../platform/zoned-time.js';
import {
  type AvailabilityInput,
  type AvailabilitySettings,
  DEFAULT_AVAILABILITY_SETTINGS,
  type ServiceRequest,
  type StaffInput,
  type WeeklyHours,
} from './types.js';

export const NY = 'America/New_York';
export const VAN = 'America/Vancouver';

export const everyDay = (...ranges: HoursRange[]): WeeklyHours => Object.fromEntries(WEEKDAY_KEYS.map((k) => [k, ranges]));
export const h = (open: string, close: string): HoursRange => ({ open, close });

export function tech(id: string, over: Partial<StaffInput> = {}): StaffInput {
  return {
    id,
    weeklyHours: everyDay(h('09:00', '19:00')),
    exceptions: [],
    rotationOrder: 0,
    serviceIds: ['mani', 'pedi', 'color', 'facial', 'gel'],
    ...over,
  };
}

export function svc(serviceId: string, over: Partial<ServiceRequest> = {}): ServiceRequest {
  return { serviceId, staffId: 'any', durationMin: 60, bufferBeforeMin: 0, bufferAfterMin: 0, ...over };
}

export function makeInput(
  over: Partial<Omit<AvailabilityInput, 'settings'>> & { settings?: Partial<AvailabilitySettings>; date?: string } = {},
): AvailabilityInput {
  const { settings, date, ...rest } = over;
  const d = date ?? '2026-03-10';
  return {
    timeZone: NY,
    dateRange: { from: d, to: d },
    now: Date.UTC(2026, 0, 1),
    storeHours: { weekly: everyDay(h('09:00', '19:00')), specialDates: [] },
    staff: [tech('amy')],
    services: [svc('mani')],
    busy: { staff: [], resources: [] },
    resources: [],
    ...rest,
    settings: { ...DEFAULT_AVAILABILITY_SETTINGS, horizonDays: 400, noticeMin: 0, ...settings },
  };
}

/** The instant of a local wall time. */
export const at = (date: string, time: string, tz = NY) => zonedDateTimeToInstant(date, time, tz);
