import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { Page } from '../../http/types.js';
import type {
  Client,
  ClientNote,
  ClientSummary,
  ConsentChannel,
  ConsentView,
  CustomFieldDef,
  CustomFieldOption,
  CustomFieldType,
  DuplicatePair,
  Labels,
  MergePreview,
  MergeResult,
  Tag,
} from './types.js';

const enc = encodeURIComponent;

export const SEARCH_LIMIT = 50;

/** One page of search results (used by other screens' client pickers, e.g. booking). */
export const clientSearchQuery = (params: { q: string; storeId?: string | undefined; tag?: string | undefined }) =>
  queryOptions({
    queryKey: ['clients', 'search', 'picker', params],
    queryFn: ({ signal }) =>
      api.get<Page<ClientSummary>>('/clients', {
        query: { q: params.q.trim() || undefined, storeId: params.storeId, tag: params.tag, limit: SEARCH_LIMIT },
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

export const clientQuery = (id: string) =>
  queryOptions({
    queryKey: ['clients', 'card', id],
    queryFn: () => api.get<Client>(`/clients/${enc(id)}`),
  });

export const notesQuery = (id: string) =>
  queryOptions({
    queryKey: ['clients', 'notes', id],
    queryFn: () => api.get<Page<ClientNote>>(`/clients/${enc(id)}/notes`, { query: { limit: 100 } }),
  });

export const consentQuery = (id: string) =>
  queryOptions({
    queryKey: ['clients', 'consent', id],
    queryFn: () => api.get<ConsentView>(`/clients/${enc(id)}/consent`),
  });

export const tagsQuery = queryOptions({
  queryKey: ['clients', 'tags'],
  queryFn: () => api.get<Page<Tag>>('/tags'),
  staleTime: 60_000,
});

export const customFieldsQuery = (includeArchived = false) =>
  queryOptions({
    queryKey: ['custom-fields', { includeArchived }],
    queryFn: () => api.get<Page<CustomFieldDef>>('/custom-fields', { query: { includeArchived: includeArchived ? 'true' : undefined } }),
    staleTime: 60_000,
  });

export const duplicatesQuery = queryOptions({
  queryKey: ['clients', 'duplicates'],
  queryFn: () => api.get<Page<DuplicatePair>>('/clients/duplicates', { query: { limit: 200 } }),
});

export const mergePreviewQuery = (keepId: string, mergeId: string) =>
  queryOptions({
    queryKey: ['clients', 'merge-preview', keepId, mergeId],
    queryFn: () => api.get<MergePreview>('/clients/merge/preview', { query: { keepId, mergeId } }),
    staleTime: 0,
  });

/** The body of POST /clients (see schemas.ts clientCreate). */
export type ClientCreateBody = Record<string, unknown> & { firstName: string };
/** The body of PATCH /clients/:id; `version` is required. */
export type ClientPatchBody = Record<string, unknown> & { version: number };

export const createClient = (body: ClientCreateBody) => api.post<Client>('/clients', body);
export const updateClient = (id: string, body: ClientPatchBody) => api.patch<Client>(`/clients/${enc(id)}`, body);
export const archiveClient = (id: string, version: number) => api.post<Client>(`/clients/${enc(id)}/archive`, { version });
export const restoreClient = (id: string, version: number) => api.post<Client>(`/clients/${enc(id)}/restore`, { version });
export const addNote = (id: string, body: string) => api.post<ClientNote>(`/clients/${enc(id)}/notes`, { body });
export const recordConsent = (id: string, body: { channel: ConsentChannel; granted: boolean; wordingVersion?: string }) =>
  api.post<ConsentView>(`/clients/${enc(id)}/consent`, { ...body, source: 'front_desk' });
export const mergeClients = (body: { keepId: string; mergeId: string; keepVersion: number; mergeVersion: number }) =>
  api.post<MergeResult>('/clients/merge', body);

export interface CustomFieldInput {
  key?: string;
  type?: CustomFieldType;
  required: boolean;
  labels: Labels;
  options: CustomFieldOption[];
  sortOrder?: number;
}
export const createCustomField = (body: CustomFieldInput) => api.post<CustomFieldDef>('/custom-fields', body);
export const updateCustomField = (id: string, body: Partial<CustomFieldInput> & { version: number; archived?: boolean }) =>
  api.patch<CustomFieldDef>(`/custom-fields/${enc(id)}`, body);

/**
 * The id of the existing client a 409 client_exists is about. The problem carries it as `existingId`,
 * but the shared HTTP client keeps only the standard members, so we look the client up by what was typed.
 */
export async function findExistingClient(input: { phone?: string | null; email?: string | null }): Promise<ClientSummary | null> {
  const digits = (input.phone ?? '').replace(/\D/g, '');
  const email = (input.email ?? '').trim().toLowerCase();
  if (digits.length >= 4) {
    const page = await api.get<Page<ClientSummary>>('/clients', { query: { q: digits, limit: 5 } });
    const hit = page.data.find((c) => {
      const d = (c.phone ?? '').replace(/\D/g, '');
      return d.length > 0 && (d.endsWith(digits) || digits.endsWith(d));
    });
    if (hit) return hit;
  }
  if (email) {
    const page = await api.get<Page<ClientSummary>>('/clients', { query: { q: email, limit: 5 } });
    const hit = page.data.find((c) => c.email?.toLowerCase() === email);
    if (hit) return hit;
  }
  return null;
}
