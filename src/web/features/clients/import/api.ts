import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../http/client.js';
import type { Page } from '../../../http/types.js';
import { type UploadOptions, uploadRaw } from '../../../http/upload.js';
import type { ClientImport, DryRun, MappingBody } from './types.js';

const enc = encodeURIComponent;

export const importQuery = (id: string) =>
  queryOptions({
    queryKey: ['client-imports', id],
    queryFn: () => api.get<ClientImport>(`/clients/import/${enc(id)}`),
  });

export const recentImportsQuery = queryOptions({
  queryKey: ['client-imports', 'recent'],
  queryFn: () => api.get<Page<ClientImport>>('/clients/import', { query: { limit: 10 } }),
});

export const setMapping = (id: string, body: MappingBody) => api.put<ClientImport>(`/clients/import/${enc(id)}/mapping`, body);
export const dryRun = (id: string) => api.post<DryRun>(`/clients/import/${enc(id)}/dry-run`, {});
export const startRun = (id: string) => api.post<ClientImport>(`/clients/import/${enc(id)}/run`, {});

/** Uploads the import file as the raw request body (http/upload.ts). */
export function uploadImport(file: File, opts: UploadOptions & { storeId: string }): Promise<ClientImport> {
  const path = `/clients/import?storeId=${enc(opts.storeId)}&fileName=${enc(file.name.slice(0, 255))}`;
  return uploadRaw<ClientImport>(path, file, 'application/octet-stream', opts);
}
