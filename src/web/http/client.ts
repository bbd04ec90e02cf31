// The one place that talks HTTP to the Orchid API.
import { ApiError, NETWORK_ERROR, toProblem } from './problem.js';

export const API_BASE = '/api/v1';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface ClientState {
  csrfToken: string | null;
  language: string;
  onUnauthenticated: (() => void) | null;
}

// Kept in memory only: the CSRF token comes back in the body of setup, login, PIN and GET /me.
const state: ClientState = { csrfToken: null, language: 'en', onUnauthenticated: null };

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setApiLanguage(language: string): void {
  state.language = language;
}

/** Called when an authenticated request answers 401 (session expired, signed out elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  state.onUnauthenticated = handler;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Do not call the unauthenticated handler on 401 (login, PIN, /me probes). */
  allow401?: boolean;
  signal?: AbortSignal;
  /** Extra request headers, e.g. an Idempotency-Key for money and booking writes. */
  headers?: Record<string, string>;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(method: Method, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': state.language,
    ...options.headers,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: NETWORK_ERROR });
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('GET', '/me', undefined, {});
  if (!response.ok) return false;
  const me = (await readBody(response)) as { csrfToken?: string } | undefined;
  if (!me?.csrfToken) return false;
  state.csrfToken = me.csrfToken;
  return true;
}

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, body, options);
  let payload = await readBody(response);

  // A reload or a second tab may leave us without a fresh token: fetch one and retry once.
  if (response.status === 403 && method !== 'GET' && codeOf(payload) === 'csrf_failed' && (await refreshCsrfToken())) {
    response = await send(method, path, body, options);
    payload = await readBody(response);
  }

  if (!response.ok) {
    const problem = toProblem(response.status, payload);
    if (response.status === 401 && !options.allow401) state.onUnauthenticated?.();
    throw new ApiError(problem);
  }
  return payload as T;
}

function codeOf(payload: unknown): string | undefined {
  return payload && typeof payload === 'object' && 'code' in payload ? String(payload.code) : undefined;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body ?? {}, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body ?? {}, options),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};
