// A client's visits (newest first from the API) as the two lists her card shows: what is coming, soonest
// first, and what happened, newest first. A visit still open today (checked in, in service) counts as coming.
import { type Appointment, RELEASED } from './types.js';

const OPEN: ReadonlySet<Appointment['status']> = new Set(['booked', 'confirmed', 'checked_in', 'in_service']);

export function splitVisits(visits: readonly Appointment[], now: number): { upcoming: Appointment[]; past: Appointment[] } {
  const upcoming: Appointment[] = [];
  const past: Appointment[] = [];
  for (const a of visits) {
    if (!RELEASED.has(a.status) && OPEN.has(a.status) && Date.parse(a.end) > now) upcoming.push(a);
    else past.push(a);
  }
  upcoming.sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
  past.sort((x, y) => Date.parse(y.start) - Date.parse(x.start));
  return { upcoming, past };
}
