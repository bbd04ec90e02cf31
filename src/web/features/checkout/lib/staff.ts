// The people of a store as checkout needs them: who may be credited with a service (anyone active who
// works here; owners work everywhere) and who may approve at the terminal (owners and managers with a PIN).
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Staff } from '../../../http/types.js';
import { staffQuery } from '../../staff/api.js';

export type StoreStaff = {
  all: Staff[];
  technicians: Staff[];
  approvers: Staff[];
  name: (id: string) => string;
  isLoading: boolean;
};

const ORDER: Record<string, number> = { technician: 0, manager: 1, owner: 2, front_desk: 3, accountant: 4 };

export function useStoreStaff(storeId: string): StoreStaff {
  const list = useQuery({ ...staffQuery({}), staleTime: 60_000 });
  return useMemo(() => {
    const all = (list.data?.data ?? []).filter((s) => s.active && (s.role === 'owner' || s.storeIds.includes(storeId)));
    const byId = new Map(all.map((s) => [s.id, s]));
    const technicians = all
      .filter((s) => s.role !== 'accountant')
      .sort((a, b) => (ORDER[a.role] ?? 9) - (ORDER[b.role] ?? 9) || a.displayName.localeCompare(b.displayName));
    const approvers = all.filter((s) => (s.role === 'owner' || s.role === 'manager') && s.hasPin);
    return {
      all,
      technicians,
      approvers,
      name: (id: string) => {
        const s = byId.get(id);
        return s ? s.displayName || s.name : '…';
      },
      isLoading: list.isPending,
    };
  }, [list.data, list.isPending, storeId]);
}
