// Appointments API: the calendar feed (polled, so other terminals' changes show within seconds),
// availability, bookings, moves, status changes, the waitlist.
import { keepPreviousData, queryOptions, useQueryClient } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { Me, Page } from '../../http/types.js';
import { i18n } from '../../i18n/index.js';
import { meQuery } from '../auth/session.js';
import { keyedPost, ProblemError } from './http.js';
import type { Action, Appointment, AppointmentDetail, Availability, Feed, LineInput, LinePatch, Source, WaitlistEntry } from './types.js';

const enc = encodeURIComponent;

/** Other terminals' changes appear within this many milliseconds. */
export const POLL_MS = 2500;

export const feedQuery = (params: { storeId: string; from: string; to: string; staffId?: string | undefined }) =>
  queryOptions({
    queryKey: ['appointments', 'feed', params],
    queryFn: ({ signal }) =>
      api.get<Feed>('/appointments', {
        query: { storeId: params.storeId, from: params.from, to: params.to, staffId: params.staffId },
        signal,
      }),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 1000,
    placeholderData: keepPreviousData,
  });

/** One client's visits at the stores this person may see, newest first (GET /appointments?clientId=). */
export const clientAppointmentsQuery = (clientId: string) =>
  queryOptions({
    queryKey: ['appointments', 'client', clientId],
    queryFn: ({ signal }) =>
      api.get<{ clientId: string; asOf: string; data: Appointment[]; nextCursor: string | null }>('/appointments', {
        query: { clientId, limit: 200 },
        signal,
      }),
    staleTime: 15_000,
  });

export const appointmentQuery = (id: string) =>
  queryOptions({
    queryKey: ['appointments', 'one', id],
    queryFn: () => api.get<AppointmentDetail>(`/appointments/${enc(id)}`),
    refetchInterval: POLL_MS * 2,
  });

export interface AvailabilityParams {
  storeId: string;
  serviceIds: string[];
  /** Add-ons of those services (each counted on the first it is attached to). */
  addOnIds?: string[];
  staffId: string;
  from: string;
  to?: string;
  arrangement?: 'sequence' | 'together';
}

export const availabilityQuery = (p: AvailabilityParams) =>
  queryOptions({
    queryKey: ['appointments', 'availability', p],
    queryFn: ({ signal }) =>
      api.get<Availability>('/availability', {
        query: {
          storeId: p.storeId,
          serviceIds: p.serviceIds.join(','),
          ...(p.addOnIds?.length ? { addOnIds: p.addOnIds.join(',') } : {}),
          staffId: p.staffId,
          from: p.from,
          to: p.to,
          arrangement: p.arrangement,
        },
        signal,
      }),
    enabled: p.serviceIds.length > 0,
    staleTime: 5000,
    placeholderData: keepPreviousData,
  });

/**
 * POST through the keyed path with the signed-in user's CSRF token; a stale token (another tab signed in
 * again) is fetched once more and the request repeated with the same key.
 */
export function useStaffPost() {
  const queryClient = useQueryClient();
  return async <T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> => {
    const me = queryClient.getQueryData<Me | null>(meQuery.queryKey);
    const send = (csrfToken: string | null | undefined) => keyedPost<T>(path, body, { idempotencyKey, csrfToken, language: i18n.language });
    try {
      return await send(me?.csrfToken);
    } catch (error) {
      if (!(error instanceof ProblemError) || error.code !== 'csrf_failed') throw error;
      const fresh = await api.get<Me>('/me');
      queryClient.setQueryData(meQuery.queryKey, fresh);
      return send(fresh.csrfToken);
    }
  };
}

export interface CreateBody {
  storeId: string;
  clientId: string | null;
  source: Source;
  notes?: string;
  lines: LineInput[];
  waitlistEntryId?: string;
}

export const ACTION_PATH: Record<Action, string> = {
  confirm: 'confirm',
  check_in: 'check-in',
  start: 'start',
  complete: 'complete',
  cancel: 'cancel',
  no_show: 'no-show',
};

export function changeStatus(id: string, action: Action, body: { version?: number; reason?: string; waiveFee?: boolean }) {
  return api.post<Appointment>(`/appointments/${enc(id)}/${ACTION_PATH[action]}`, body);
}

export function updateNotes(id: string, version: number, notes: string | null) {
  return api.patch<Appointment>(`/appointments/${enc(id)}`, { version, notes });
}

/** Lines changed in place: a resize on the calendar (their length) or their add-ons. */
export function editLines(id: string, version: number, lines: LinePatch[]) {
  return api.patch<Appointment>(`/appointments/${enc(id)}`, { version, lines });
}

// ---- waitlist

export const waitlistQuery = (storeId: string) =>
  queryOptions({
    queryKey: ['appointments', 'waitlist', storeId],
    queryFn: () => api.get<Page<WaitlistEntry>>('/waitlist', { query: { storeId } }),
    refetchInterval: POLL_MS * 4,
  });

/** Waiting entries a freed slot now fits (with `stillFree` checked by the server). */
export const waitlistMatchesQuery = (storeId: string) =>
  queryOptions({
    queryKey: ['appointments', 'waitlist', storeId, 'matches'],
    queryFn: () => api.get<Page<WaitlistEntry>>('/waitlist', { query: { storeId, matches: 'true' } }),
    refetchInterval: POLL_MS * 4,
  });

export interface WaitlistBody {
  storeId: string;
  clientId: string;
  serviceIds: string[];
  staffId: string | 'any';
  dateFrom: string;
  dateTo: string;
  timeFrom?: string;
  timeTo?: string;
  notes?: string;
}

export const createWaitlistEntry = (body: WaitlistBody) => api.post<WaitlistEntry>('/waitlist', body);
export const removeWaitlistEntry = (id: string) => api.delete(`/waitlist/${enc(id)}`);
