// The calendar's place in the URL (so a refresh, a bookmark or another terminal opens the same view).
import { isYmd } from './time.js';

export interface CalendarSearch {
  date?: string;
  view?: 'day' | 'week';
  mode?: 'staff' | 'rooms';
  staff?: string;
}

export function validateCalendarSearch(search: Record<string, unknown>): CalendarSearch {
  const out: CalendarSearch = {};
  if (isYmd(search.date)) out.date = search.date;
  if (search.view === 'day' || search.view === 'week') out.view = search.view;
  if (search.mode === 'staff' || search.mode === 'rooms') out.mode = search.mode;
  if (typeof search.staff === 'string' && /^[0-9a-f-]{36}$/i.test(search.staff)) out.staff = search.staff;
  return out;
}
