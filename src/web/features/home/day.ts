import type { Appointment } from '../calendar/types.js';

const IN_STORE = new Set(['checked_in', 'in_service']);
const UPCOMING = new Set(['booked', 'confirmed']);

/**
 * Today's visits by where they stand, and the next one still to come (the earliest booked or confirmed
 * visit that has not ended: a late client is still "next"). Cancelled visits and no-shows are not counted.
 */
export function summarizeDay(visits: readonly Appointment[], now: Date = new Date()) {
  const inStore = visits.filter((a) => IN_STORE.has(a.status)).length;
  const done = visits.filter((a) => a.status === 'completed').length;
  const upcoming = visits.filter((a) => UPCOMING.has(a.status)).sort((a, b) => a.start.localeCompare(b.start));
  const next = upcoming.find((a) => new Date(a.end) > now) ?? null;
  return { total: inStore + done + upcoming.length, inStore, done, upcoming: upcoming.length, next };
}
