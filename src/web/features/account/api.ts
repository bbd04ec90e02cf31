import { queryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';

/** A staff member's private calendar feed. `url` is absolute when the server knows its public address. */
export interface CalendarFeed {
  url: string | null;
  path: string;
  createdAt: string;
  rotatedAt: string | null;
}

export const calendarFeedQuery = (staffId: string) =>
  queryOptions({
    queryKey: ['calendar-feed', staffId],
    queryFn: () => api.get<CalendarFeed>(`/staff/${encodeURIComponent(staffId)}/calendar-feed`),
  });

export function rotateCalendarFeed(staffId: string) {
  return api.post<CalendarFeed>(`/staff/${encodeURIComponent(staffId)}/calendar-feed/rotate`, {});
}

/** The address to subscribe to: the server's public one, else this browser's origin. */
export const feedAddress = (feed: CalendarFeed, origin: string) => feed.url ?? `${origin}${feed.path}`;
