// The catalog as these screens need it: services (and products) by id, names in the reader's language.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { productsQuery, servicesQuery } from '../catalog/api.js';
import type { AnyProduct, AnyService } from '../catalog/types.js';

export function useServices(): { list: AnyService[]; byId: Map<string, AnyService>; pending: boolean } {
  const q = useQuery(servicesQuery({ includeArchived: true }));
  return useMemo(() => {
    const list = q.data ?? [];
    return { list, byId: new Map(list.map((s) => [s.id, s])), pending: q.isPending };
  }, [q.data, q.isPending]);
}

export function useProducts(): { list: AnyProduct[]; byId: Map<string, AnyProduct>; pending: boolean } {
  const q = useQuery(productsQuery({ includeArchived: true }));
  return useMemo(() => {
    const list = q.data ?? [];
    return { list, byId: new Map(list.map((p) => [p.id, p])), pending: q.isPending };
  }, [q.data, q.isPending]);
}
