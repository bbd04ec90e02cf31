// RFC 9457 problem+json errors as the web app sees them.

export interface ProblemFieldError {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  errors?: ProblemFieldError[];
  /** Members beyond RFC 9457's that a code documents (e.g. existingId, alternatives). */
  extra?: Record<string, unknown>;
}

/** An error from the API (or from reaching it). `title`/`detail` come translated from the server. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly errors: ProblemFieldError[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }
}

export const NETWORK_ERROR = 'network_error';

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Turns whatever the server sent into a Problem, tolerating non-JSON bodies. */
const STANDARD = new Set(['type', 'title', 'status', 'code', 'detail', 'errors', 'requestId']);

export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const errors = Array.isArray(b.errors)
      ? b.errors.filter(isFieldError).map((e) => ({ path: String(e.path), message: String(e.message) }))
      : [];
    return {
      type: typeof b.type === 'string' ? b.type : undefined,
      title: typeof b.title === 'string' ? b.title : undefined,
      status: typeof b.status === 'number' ? b.status : status,
      code: typeof b.code === 'string' ? b.code : `http_${status}`,
      detail: typeof b.detail === 'string' ? b.detail : undefined,
      errors,
      extra: Object.fromEntries(Object.entries(b).filter(([k]) => !STANDARD.has(k))),
    };
  }
  return { status, code: `http_${status}` };
}

function isFieldError(e: unknown): e is ProblemFieldError {
  return !!e && typeof e === 'object' && 'path' in e && 'message' in e;
}

/**
 * Normalises an error path from the server ("/owner/email", "body.owner.email", "owner.email")
 * to dotted form without a leading "body".
 */
export function normalizePath(path: string): string {
  const dotted = path
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/\[(\d+)\]/g, '.$1');
  return dotted.replace(/^body\./, '');
}

/**
 * Maps the problem's per-field errors onto form fields. `prefix` strips a nesting level
 * (e.g. "owner" so that "owner.email" lands on "email"). The first message per field wins.
 */
export function fieldErrors(error: unknown, prefix?: string): Record<string, string> {
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    let path = normalizePath(e.path);
    if (prefix) {
      if (!path.startsWith(`${prefix}.`)) continue;
      path = path.slice(prefix.length + 1);
    }
    // Register the message under the full path and every parent ("storeIds.0" → "storeIds"),
    // so a form can look errors up at whatever granularity it renders them.
    const parts = path.split('.').filter(Boolean);
    for (let i = parts.length; i > 0; i--) {
      const key = parts.slice(0, i).join('.');
      if (!(key in out)) out[key] = e.message;
    }
  }
  return out;
}

/** Field errors that could not be placed on any of `known` fields (to show in a banner instead). */
export function unplacedErrors(error: unknown, known: readonly string[]): ProblemFieldError[] {
  if (!isApiError(error)) return [];
  return error.errors.filter((e) => {
    const path = normalizePath(e.path);
    return !known.some((k) => path === k || path.startsWith(`${k}.`));
  });
}
