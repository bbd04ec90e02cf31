import { queryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { Page, Store } from '../../http/types.js';

export const storesQuery = queryOptions({
  queryKey: ['stores'],
  queryFn: () => api.get<Page<Store>>('/stores', { query: { limit: 100 } }),
});

export const storeQuery = (id: string) =>
  queryOptions({
    queryKey: ['stores', id],
    queryFn: () => api.get<Store>(`/stores/${encodeURIComponent(id)}`),
  });

export type StoreInput = Pick<Store, 'name' | 'address' | 'phone' | 'timeZone' | 'hours' | 'specialDates'>;

export function createStore(body: { name: string; timeZone: string; address?: string; phone?: string }) {
  return api.post<Store>('/stores', body);
}

export function updateStore(id: string, body: Partial<StoreInput> & { version: number }) {
  return api.patch<Store>(`/stores/${encodeURIComponent(id)}`, body);
}
