import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { AuditEntry, Page } from '../../http/types.js';

export interface AuditFilters {
  storeId: string;
  actorId: string;
  action: string;
  entityType: string;
  /** YYYY-MM-DD, start of that day on this device */
  from: string;
  /** YYYY-MM-DD, inclusive */
  to: string;
}

export const EMPTY_FILTERS: AuditFilters = { storeId: '', actorId: '', action: '', entityType: '', from: '', to: '' };
export const PAGE_SIZE = 50;

/** Local calendar days → instants: "from" is the start of the day, "to" the end of it. */
export function dayBounds(filters: AuditFilters): { from?: string; to?: string } {
  const at = (ymd: string, endOfDay: boolean) => {
    const [y, m, d] = ymd.split('-').map(Number);
    if (!y || !m || !d) return undefined;
    const date = endOfDay ? new Date(y, m - 1, d + 1, 0, 0, 0, -1) : new Date(y, m - 1, d);
    return date.toISOString();
  };
  return { from: filters.from ? at(filters.from, false) : undefined, to: filters.to ? at(filters.to, true) : undefined };
}

export const auditQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit-log', filters],
    queryFn: ({ pageParam }) =>
      api.get<Page<AuditEntry>>('/audit-log', {
        query: {
          storeId: filters.storeId,
          actorId: filters.actorId,
          action: filters.action.trim(),
          entityType: filters.entityType.trim(),
          ...dayBounds(filters),
          limit: PAGE_SIZE,
          cursor: pageParam,
        },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
