// Raw-body uploads (an import file, a treatment photo): the server sniffs the bytes, so the JSON client
// cannot send them. CSRF token as the app frame got it from GET /me, refreshed once if the server refuses it.
import { API_BASE } from './client.js';
import { ApiError, NETWORK_ERROR, toProblem } from './problem.js';

export type UploadOptions = { csrfToken: string; language: string; refreshCsrf: () => Promise<string | null> };

async function readJson(r: Response): Promise<any> {
  const text = await r.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** POSTs `file` as the request body to `path` (under /api/v1) and returns the JSON answer; a problem throws ApiError. */
export async function uploadRaw<T>(path: string, file: Blob, contentType: string, opts: UploadOptions): Promise<T> {
  const send = (token: string) =>
    fetch(`${API_BASE}${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Accept-Language': opts.language,
        'Content-Type': contentType,
        'X-CSRF-Token': token,
      },
      body: file,
    });
  let response: Response;
  try {
    response = await send(opts.csrfToken);
    if (response.status === 403) {
      const body = await readJson(response.clone());
      const fresh = body?.code === 'csrf_failed' ? await opts.refreshCsrf() : null;
      if (fresh) response = await send(fresh);
    }
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR });
  }
  const body = await readJson(response);
  if (!response.ok) throw new ApiError(toProblem(response.status, body));
  return body as T;
}
