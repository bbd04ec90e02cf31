import { queryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { Language, Page, Role, RoleMatrix, Staff } from '../../http/types.js';

export const staffQuery = (params: { storeId?: string; includeArchived?: boolean }) =>
  queryOptions({
    queryKey: ['staff', params],
    queryFn: () =>
      api.get<Page<Staff>>('/staff', {
        query: { storeId: params.storeId, includeArchived: params.includeArchived ? 'true' : undefined, limit: 200 },
      }),
  });

export const rolesQuery = queryOptions({
  queryKey: ['roles'],
  queryFn: () => api.get<RoleMatrix>('/roles'),
  staleTime: 10 * 60_000,
});

export interface StaffInput {
  name: string;
  displayName?: string;
  email: string;
  phone?: string | null;
  role: Role;
  storeIds: string[];
  language: Language;
}

export function createStaff(body: Omit<StaffInput, 'phone'> & { phone?: string; password?: string; pin?: string }) {
  return api.post<Staff>('/staff', body);
}

export function updateStaff(id: string, body: StaffInput & { version: number }) {
  return api.patch<Staff>(`/staff/${encodeURIComponent(id)}`, body);
}

export function archiveStaff(id: string) {
  return api.post<Staff>(`/staff/${encodeURIComponent(id)}/archive`, {});
}

export function setStaffPin(id: string, pin: string) {
  return api.put<unknown>(`/staff/${encodeURIComponent(id)}/pin`, { pin });
}
