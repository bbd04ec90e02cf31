import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { Shift, WeeklyHours } from '../../http/types.js';
import type { BlockedTime, BlockReason, ExceptionKind, RosterException, RosterWeek } from './types.js';

const enc = encodeURIComponent;

/** The effective week (Monday–Sunday) holding `week` (any date of it). */
export const rosterWeekQuery = (storeId: string, week: string) =>
  queryOptions({
    queryKey: ['rosters', storeId, week],
    queryFn: () => api.get<RosterWeek>('/rosters', { query: { storeId, week } }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export function setWeekly(storeId: string, staffId: string, body: { hours: WeeklyHours; rotationOrder?: number; version: number }) {
  return api.put<unknown>(`/rosters/${enc(storeId)}/staff/${enc(staffId)}/weekly`, body);
}

export function addException(storeId: string, staffId: string, body: { date: string; kind: ExceptionKind; hours: Shift[]; note?: string }) {
  return api.post<RosterException>(`/rosters/${enc(storeId)}/staff/${enc(staffId)}/exceptions`, body);
}

export function removeException(storeId: string, staffId: string, exceptionId: string) {
  return api.delete(`/rosters/${enc(storeId)}/staff/${enc(staffId)}/exceptions/${enc(exceptionId)}`);
}

export function createBlocked(body: { storeId: string; staffId: string; start: string; end: string; reason: BlockReason; note?: string }) {
  return api.post<BlockedTime>('/blocked-times', body);
}

export function deleteBlocked(id: string) {
  return api.delete(`/blocked-times/${enc(id)}`);
}
