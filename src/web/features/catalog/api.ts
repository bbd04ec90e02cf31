// Catalog API: queries (every page of a list) and writes. Names come back in the reader's language
// (Accept-Language), so the language is part of every query key: switching it refetches.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { Page } from '../../http/types.js';
import { currentLanguage } from '../../i18n/index.js';
import type {
  AddOn,
  AnyProduct,
  AnyService,
  Category,
  Product,
  ProductLock,
  ProductOverride,
  ProductUsage,
  Resource,
  Service,
  ServiceLock,
  ServiceOverride,
  StaffLink,
  StoreProduct,
  StoreService,
  Translations,
  Unit,
} from './types.js';

type Query = Record<string, string | number | boolean | undefined>;

/** Every page of a list (catalogs are hundreds of rows at most; 200 per request). */
async function all<T>(path: string, query: Query): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await api.get<Page<T>>(path, { query: { ...query, limit: 200, cursor } });
    out.push(...page.data);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

const flag = (on: boolean | undefined) => (on ? 'true' : undefined);
const id = (value: string) => encodeURIComponent(value);

// ---- reads

export const categoriesQuery = (params: { includeArchived?: boolean } = {}) =>
  queryOptions({
    queryKey: ['catalog', currentLanguage(), 'categories', params],
    queryFn: () => all<Category>('/service-categories', { includeArchived: flag(params.includeArchived) }),
  });

export interface ServicesParams {
  storeId?: string;
  q?: string;
  includeArchived?: boolean;
}

export const servicesQuery = (params: ServicesParams) =>
  queryOptions({
    queryKey: ['catalog', currentLanguage(), 'services', params],
    queryFn: () =>
      all<AnyService>('/services', {
        storeId: params.storeId,
        q: params.q || undefined,
        includeArchived: flag(params.includeArchived),
        // A store view lists what the store hid too, so a manager can bring it back.
        includeUnavailable: flag(!!params.storeId),
      }),
    placeholderData: keepPreviousData,
  });

export const serviceQuery = (serviceId: string) =>
  queryOptions({
    queryKey: ['catalog', currentLanguage(), 'service', serviceId],
    queryFn: () => api.get<Service & { overrides?: Array<ServiceOverride & { storeId: string }> }>(`/services/${id(serviceId)}`),
  });

export const storeServiceQuery = (serviceId: string, storeId: string) =>
  queryOptions({
    queryKey: ['catalog', currentLanguage(), 'service', serviceId, storeId],
    queryFn: () => api.get<StoreService>(`/services/${id(serviceId)}`, { query: { storeId } }),
  });

export const productQuery = (productId: string) =>
  queryOptions({
    queryKey: ['catalog', currentLanguage(), 'product', productId],
    queryFn: () => api.get<Product>(`/products/${id(productId)}`),
  });

export const storeProductQuery = (productId: string, storeId: string) =>
  queryOptions({
    queryKey: ['catalog', currentLanguage(), 'product', productId, storeId],
    queryFn: () => api.get<StoreProduct>(`/products/${id(productId)}`, { query: { storeId } }),
  });

export const addOnsQuery = (params: { includeArchived?: boolean; q?: string } = {}) =>
  queryOptions({
    queryKey: ['catalog', currentLanguage(), 'add-ons', params],
    queryFn: () => all<AddOn>('/add-ons', { includeArchived: flag(params.includeArchived), q: params.q || undefined }),
    placeholderData: keepPreviousData,
  });

export interface ProductsParams {
  storeId?: string;
  q?: string;
  usage?: ProductUsage;
  includeArchived?: boolean;
}

export const productsQuery = (params: ProductsParams) =>
  queryOptions({
    queryKey: ['catalog', currentLanguage(), 'products', params],
    queryFn: () =>
      all<AnyProduct>('/products', {
        storeId: params.storeId,
        q: params.q || undefined,
        usage: params.usage,
        includeArchived: flag(params.includeArchived),
        includeUnavailable: flag(!!params.storeId),
      }),
    placeholderData: keepPreviousData,
  });

/** Exact SKU or barcode: what a scanner types. */
export function findProductsByCode(code: string, storeId?: string) {
  return api.get<Page<AnyProduct>>('/products', { query: { code, storeId, includeArchived: 'true', includeUnavailable: flag(!!storeId) } });
}

export const resourcesQuery = (storeId: string | undefined) =>
  queryOptions({
    queryKey: ['catalog', 'resources', storeId ?? 'all'],
    queryFn: () => all<Resource>('/resources', { storeId, includeInactive: 'true' }),
  });

// ---- writes

export interface CategoryBody {
  name: string;
  nameTranslations: Translations;
  sortOrder?: number;
  color: string | null;
}
export const createCategory = (body: CategoryBody) => api.post<Category>('/service-categories', body);
export const updateCategory = (categoryId: string, body: Partial<CategoryBody> & { version: number; archived?: boolean }) =>
  api.patch<Category>(`/service-categories/${id(categoryId)}`, body);

export interface ServiceBody {
  name: string;
  nameTranslations: Translations;
  description: string | null;
  descriptionTranslations: Translations;
  categoryId: string | null;
  durationMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  processingStartMin: number | null;
  processingMin: number | null;
  price: number;
  taxClass: string;
  onlineBookable: boolean;
  color: string | null;
  resourceType: string | null;
  locks: ServiceLock[];
  addOnIds: string[];
}
export const createService = (body: ServiceBody & { staff: StaffLink[] }) => api.post<Service>('/services', body);
export const updateService = (serviceId: string, body: Partial<ServiceBody> & { version: number; archived?: boolean }) =>
  api.patch<Service>(`/services/${id(serviceId)}`, body);
export const setServiceStaff = (serviceId: string, staff: StaffLink[]) => api.put<Service>(`/services/${id(serviceId)}/staff`, staff);
export const deleteService = (serviceId: string) => api.delete(`/services/${id(serviceId)}`);
export const archiveService = (serviceId: string) => api.post<Service>(`/services/${id(serviceId)}/archive`, {});
export const setServiceOverride = (serviceId: string, storeId: string, body: ServiceOverride) =>
  api.put<StoreService>(`/services/${id(serviceId)}/overrides/${id(storeId)}`, body);

export interface AddOnBody {
  name: string;
  nameTranslations: Translations;
  price: number;
  extraMin: number;
  taxClass: string;
  serviceIds: string[];
}
export const createAddOn = (body: AddOnBody) => api.post<AddOn>('/add-ons', body);
export const updateAddOn = (addOnId: string, body: Partial<AddOnBody> & { version: number; archived?: boolean }) =>
  api.patch<AddOn>(`/add-ons/${id(addOnId)}`, body);

export interface ProductBody {
  sku: string;
  barcode: string | null;
  name: string;
  nameTranslations: Translations;
  brand: string | null;
  price: number;
  cost: number;
  taxClass: string;
  usage: ProductUsage;
  unit: Unit | null;
  size: number | null;
  locks: ProductLock[];
}
export const createProduct = (body: ProductBody) => api.post<Product>('/products', body);
export const updateProduct = (productId: string, body: Partial<ProductBody> & { version: number; archived?: boolean }) =>
  api.patch<Product>(`/products/${id(productId)}`, body);
export const deleteProduct = (productId: string) => api.delete(`/products/${id(productId)}`);
export const archiveProduct = (productId: string) => api.post<Product>(`/products/${id(productId)}/archive`, {});
export const setProductOverride = (productId: string, storeId: string, body: ProductOverride) =>
  api.put<StoreProduct>(`/products/${id(productId)}/overrides/${id(storeId)}`, body);

export interface ResourceBody {
  name: string;
  type: string;
  active?: boolean;
  sortOrder?: number;
}
export const createResource = (storeId: string, body: ResourceBody) => api.post<Resource>('/resources', { ...body, storeId });
export const updateResource = (resourceId: string, body: Partial<ResourceBody> & { version: number }) =>
  api.patch<Resource>(`/resources/${id(resourceId)}`, body);
