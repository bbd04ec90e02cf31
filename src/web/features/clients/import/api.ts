import { queryOptions } from '@tanstack/react-query';
import { API_BASE, api } from '../../../http/client.js';
import { ApiError, NETWORK_ERROR, toProblem } from '../../../http/problem.js';
import type { Page } from '../../../http/types.js';
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

/**
 * Uploads the file as the raw request body (the server sniffs the bytes; JSON is not involved, so the
 * shared JSON client cannot send it). CSRF token as the app frame got it from GET /me.
 */
export async function uploadImport(
  file: File,
  opts: { storeId: string; csrfToken: string; language: string; refreshCsrf: () => Promise<string | null> },
): Promise<ClientImport> {
  const url = `${API_BASE}/clients/import?storeId=${enc(opts.storeId)}&fileName=${enc(file.name.slice(0, 255))}`;
  const send = (token: string) =>
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': opts.language,
        'Content-Type': 'application/octet-stream',
        'X-CSRF-Token': token,
      },
      body: file,
    });
  const read = async (r: Response) => {
    const text = await r.text();
    try {
      return text ? JSON.parse(text) : undefined;
    } catch {
      return undefined;
    }
  };
  let response: Response;
  try {
    response = await send(opts.csrfToken);
    if (response.status === 403) {
      const body = await read(response.clone());
      const fresh = body?.code === 'csrf_failed' ? await opts.refreshCsrf() : null;
      if (fresh) response = await send(fresh);
    }
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR });
  }
  const body = await read(response);
  if (!response.ok) throw new ApiError(toProblem(response.status, body));
  return body as ClientImport;
}
