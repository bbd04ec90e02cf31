// Cash drawer API: shifts (open with a float, paid-ins / paid-outs, close with a count), X and Z reports.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { Page } from '../../http/types.js';
import { currentLanguage } from '../../i18n/index.js';
import type { DenominationCounts, Shift, XReport, ZReport } from './types.js';

const enc = encodeURIComponent;

export const shiftsQuery = (storeId: string, status?: 'open' | 'closed') =>
  queryOptions({
    queryKey: ['shifts', 'list', storeId, status ?? 'all'],
    queryFn: () => api.get<Page<Shift>>('/shifts', { query: { storeId, status, limit: 30 } }),
    refetchInterval: 15_000,
  });

export const shiftQuery = (id: string) =>
  queryOptions({
    queryKey: ['shifts', 'one', id],
    queryFn: () => api.get<Shift>(`/shifts/${enc(id)}`),
  });

export const xReportQuery = (shiftId: string) =>
  queryOptions({
    // Tax rate names come in the reader's language.
    queryKey: ['shifts', 'x', shiftId, currentLanguage()],
    queryFn: () => api.get<XReport>(`/shifts/${enc(shiftId)}/x-report`),
    staleTime: 0,
  });

export const zReportQuery = (storeId: string, date: string) =>
  queryOptions({
    queryKey: ['shifts', 'z', storeId, date, currentLanguage()],
    queryFn: () => api.get<ZReport>(`/stores/${enc(storeId)}/z-report`, { query: { date } }),
    staleTime: 0,
  });

export type OpenBody = { storeId: string; drawer?: string; note?: string } & (
  | { openingFloat: number }
  | { openingCounts: DenominationCounts }
);

export const openShift = (body: OpenBody) => api.post<Shift>('/shifts', body);

export const addMovement = (id: string, body: { kind: 'paid_in' | 'paid_out'; amount: number; reason: string }) =>
  api.post<Shift>(`/shifts/${enc(id)}/movements`, body);

export type CloseBody = { version: number; note?: string } & ({ countedCash: number } | { counts: DenominationCounts });

export const closeShift = (id: string, body: CloseBody) => api.post<Shift>(`/shifts/${enc(id)}/close`, body);
