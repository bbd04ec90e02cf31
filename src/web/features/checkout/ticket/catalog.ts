// What the register can sell at a store: available services by category, add-ons, retail products and the
// package templates sold there (for staff who may sell packages).
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCan } from '../../auth/session.js';
import { addOnsQuery, categoriesQuery, productsQuery, servicesQuery } from '../../catalog/api.js';
import { type AddOn, type AnyProduct, type AnyService, type Category, isStoreProduct, isStoreService } from '../../catalog/types.js';
import { templatesQuery } from '../../packages/api.js';
import type { PackageTemplate } from '../../packages/types.js';

export type SellableService = AnyService;
export type SellableProduct = AnyProduct;

export interface RegisterCatalog {
  categories: Category[];
  services: SellableService[];
  products: SellableProduct[];
  addOns: AddOn[];
  packages: PackageTemplate[];
  isLoading: boolean;
  error: unknown;
}

const sellableService = (s: AnyService) => !s.archived && (!isStoreService(s) || s.available);
const sellableProduct = (p: AnyProduct) => !p.archived && p.usage !== 'backbar' && (!isStoreProduct(p) || p.available);

export function useRegisterCatalog(storeId: string): RegisterCatalog {
  const categories = useQuery({ ...categoriesQuery(), staleTime: 60_000 });
  const services = useQuery({ ...servicesQuery({ storeId }), staleTime: 60_000 });
  const products = useQuery({ ...productsQuery({ storeId }), staleTime: 60_000 });
  const addOns = useQuery({ ...addOnsQuery(), staleTime: 60_000 });
  const canSellPackages = useCan()('packages.sell');
  const packages = useQuery({ ...templatesQuery({ storeId }), staleTime: 60_000, enabled: canSellPackages });
  return useMemo(() => {
    const svc = (services.data ?? []).filter(sellableService);
    const used = new Set(svc.map((s) => s.categoryId));
    return {
      categories: (categories.data ?? []).filter((c) => !c.archived && used.has(c.id)).sort((a, b) => a.sortOrder - b.sortOrder),
      services: svc,
      products: (products.data ?? []).filter(sellableProduct),
      addOns: (addOns.data ?? []).filter((a) => !a.archived),
      packages: canSellPackages ? (packages.data?.data ?? []) : [],
      isLoading: services.isPending || products.isPending,
      error: services.error ?? products.error ?? categories.error ?? null,
    };
  }, [
    categories.data,
    services.data,
    products.data,
    addOns.data,
    packages.data,
    canSellPackages,
    services.isPending,
    products.isPending,
    services.error,
    products.error,
    categories.error,
  ]);
}

const norm = (s: string) => s.toLowerCase().normalize('NFKC');

/** Matches a typed word against names in every language, SKU and barcode. */
export function matchesText(q: string, fields: Array<string | null | undefined>): boolean {
  const needle = norm(q.trim());
  if (!needle) return true;
  return fields.some((f) => !!f && norm(f).includes(needle));
}

/** The product whose SKU or barcode is exactly what a scanner typed. */
export function productByCode(products: readonly SellableProduct[], code: string): SellableProduct | undefined {
  const c = code.trim().toLowerCase();
  if (!c) return undefined;
  return products.find((p) => p.sku.toLowerCase() === c || (p.barcode ?? '').toLowerCase() === c);
}
