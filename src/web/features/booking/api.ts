import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { Language } from '../../http/types.js';
import { i18n } from '../../i18n/index.js';
import { keyedPost } from '../calendar/http.js';
import type { LineInput } from '../calendar/types.js';
import type { BookingResult, BookingSettings, PublicAvailability, PublicBooking, PublicStore } from './types.js';

const enc = encodeURIComponent;

// ---- public (no staff sign-in): the page asks in the language the client picked.

export const publicStoreQuery = (slug: string, lang: string) =>
  queryOptions({
    queryKey: ['public', 'store', slug, lang],
    // Names of services, categories and add-ons come in the language the client picked.
    queryFn: () => api.get<PublicStore>(`/public/stores/${enc(slug)}`, { query: { lang } }),
    staleTime: 60_000,
    retry: false,
  });

export const publicAvailabilityQuery = (p: {
  slug: string;
  serviceIds: string[];
  /** Add-ons of the chosen services (each counted on its service). */
  addOnIds?: string[];
  staffId: string;
  from: string;
  to: string;
}) =>
  queryOptions({
    queryKey: ['public', 'availability', p],
    queryFn: () =>
      api.get<PublicAvailability>(`/public/stores/${enc(p.slug)}/availability`, {
        query: {
          serviceIds: p.serviceIds.join(','),
          ...(p.addOnIds?.length ? { addOnIds: p.addOnIds.join(',') } : {}),
          staffId: p.staffId,
          from: p.from,
          to: p.to,
        },
      }),
    enabled: p.serviceIds.length > 0,
    staleTime: 15_000,
    placeholderData: keepPreviousData,
  });

export const publicBookingQuery = (token: string, lang: string) =>
  queryOptions({
    queryKey: ['public', 'booking', token, lang],
    queryFn: () => api.get<PublicBooking>(`/public/bookings/${enc(token)}`),
    retry: false,
  });

const publicPost = <T>(path: string, body: unknown, idempotencyKey?: string) =>
  keyedPost<T>(path, body, { idempotencyKey, language: i18n.language, credentials: 'omit' });

export function sendCode(body: { storeSlug: string; phone?: string; email?: string; language: Language }) {
  return publicPost<{ channel: 'sms' | 'email'; expiresAt: string }>('/public/otp', body);
}

export interface PublicBookingBody {
  storeSlug: string;
  phone?: string;
  email?: string;
  code: string;
  firstName?: string;
  lastName?: string;
  language: Language;
  notes?: string;
  lines: LineInput[];
}

export function bookOnline(body: PublicBookingBody, idempotencyKey: string) {
  return publicPost<BookingResult>('/public/bookings', body, idempotencyKey);
}

export function cancelOnline(token: string, reason?: string) {
  return publicPost<PublicBooking>(`/public/bookings/${enc(token)}/cancel`, reason ? { reason } : {});
}

export function rescheduleOnline(token: string, body: { date: string; startLocal: string }) {
  return publicPost<PublicBooking>(`/public/bookings/${enc(token)}/reschedule`, body);
}

export const icsUrl = (token: string) => `/api/v1/public/bookings/${enc(token)}/calendar.ics`;

// ---- staff: a store's booking settings

export const bookingSettingsQuery = (storeId: string) =>
  queryOptions({
    queryKey: ['booking-settings', storeId],
    queryFn: () => api.get<BookingSettings>('/booking-settings', { query: { storeId } }),
  });

export function saveBookingSettings(body: Partial<BookingSettings> & { storeId: string; version: number }) {
  return api.put<BookingSettings>('/booking-settings', body);
}
