// Writes that claim time: they carry an Idempotency-Key (one per attempt, so a retried request books
// nothing twice) and a 409 slot_taken answer carries the nearest free starts (`alternatives`). The shared
// client sends neither custom headers nor the problem's extra members, so these few calls go through here.
import { API_BASE } from '../../http/client.js';
import { ApiError, NETWORK_ERROR, toProblem } from '../../http/problem.js';
import type { Slot } from './types.js';

/** An API error that kept the problem's extra members (e.g. `alternatives` of slot_taken). */
export class ProblemError extends ApiError {
  readonly body: Record<string, unknown>;
  constructor(status: number, body: unknown) {
    super(toProblem(status, body));
    this.body = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  }
}

/** The nearest free starts a 409 slot_taken suggested (empty for any other error). */
export function alternativesOf(error: unknown): Slot[] {
  if (!(error instanceof ProblemError) || error.code !== 'slot_taken') return [];
  const list = error.body.alternatives;
  return Array.isArray(list) ? (list as Slot[]) : [];
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older browsers on plain http: good enough for a retry key.
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export interface KeyedOptions {
  idempotencyKey?: string;
  csrfToken?: string | null;
  language: string;
  /** Public pages send no staff cookie. */
  credentials?: RequestCredentials;
}

export async function keyedPost<T>(path: string, body: unknown, opts: KeyedOptions): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': opts.language,
    'Content-Type': 'application/json',
  };
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
  if (opts.csrfToken) headers['X-CSRF-Token'] = opts.csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: opts.credentials ?? 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR });
  }
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = undefined;
  }
  if (!response.ok) throw new ProblemError(response.status, payload);
  return payload as T;
}
