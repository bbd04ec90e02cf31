import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, describeError, type FieldError, PlatformErrors } from '../platform/errors.js';
import { type Language, negotiateLanguage } from '../platform/i18n.js';
import { localizeIssue } from './validation-messages.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Turns any thrown thing into an AppError: the one place that knows framework and driver errors. */
export function toAppError(err: unknown, request: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { code?: string; validation?: unknown[] };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const lang = languageOf(request);
    const errors: FieldError[] = err.validation.flatMap((v) =>
      // The type provider moves the issue's code to `keyword` and its text to `message`.
      fieldErrors(
        v.instancePath,
        localizeIssue({ ...v.params, code: v.keyword, message: v.message }, v.message ?? 'invalid', lang),
        v.params,
        lang,
      ),
    );
    const fields = [...new Set(errors.map((x) => x.path || '(body)'))].join(', ');
    return PlatformErrors.validation_failed({ fields }, errors);
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return PlatformErrors.payload_too_large();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return PlatformErrors.unsupported_media_type();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return PlatformErrors.invalid_json();
    // Unique, foreign-key, exclusion and check violations a client can cause are conflicts, not crashes.
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
    case 'SQLITE_CONSTRAINT_CHECK':
    case 'SQLITE_CONSTRAINT_TRIGGER':
    case '23505':
    case '23503':
    case '23514':
    case '23P01':
      return PlatformErrors.conflict();
  }
  if (err instanceof SyntaxError && (e as { statusCode?: number }).statusCode === 400) {
    return PlatformErrors.invalid_json();
  }
  if (e.statusCode === 429) return PlatformErrors.rate_limited({ seconds: 60 });
  if (e.statusCode === 404) return routeNotFound(request);
  if (e.statusCode === 415) return PlatformErrors.unsupported_media_type();
  if (e.statusCode === 413) return PlatformErrors.payload_too_large();
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return PlatformErrors.validation_failed({ fields: e.message }, [{ path: '', message: e.message }]);
  }
  return PlatformErrors.internal_error({ requestId: String(request.id) });
}

// zod reports unknown keys on the parent object (the issue's `keys`); name each key itself so the
// client sees which field: `business.extra`, not `business`.
function fieldErrors(instancePath: string, message: string, params: unknown, lang: Language): FieldError[] {
  const base = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const keys = (params as { keys?: unknown } | undefined)?.keys;
  if (Array.isArray(keys) && keys.length) {
    return keys.map((k) => ({
      path: base ? `${base}.${String(k)}` : String(k),
      message: localizeIssue({ code: 'unrecognized_keys', keys: [k] }, `Unrecognized key: "${String(k)}"`, lang),
    }));
  }
  return [{ path: base, message }];
}

function routeNotFound(request: FastifyRequest): AppError {
  return PlatformErrors.route_not_found({ method: request.method, url: request.url.split('?')[0] ?? '' });
}

// Accept-Language first; without one, the signed-in person's own language (the guard put it on request.lang).
function languageOf(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  return header ? negotiateLanguage(header) : (request.lang ?? 'en');
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: AppError): FastifyReply {
  const lang = languageOf(request);
  const { title, detail } = describeError(err, lang);
  for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  if (err.code === 'rate_limited' && err.params.seconds !== undefined) {
    reply.header('retry-after', String(err.params.seconds));
  }
  return reply
    .status(err.status)
    .type('application/problem+json')
    .header('content-language', lang)
    .send({
      ...err.extra,
      type: `https://orchid.dev/problems/${err.code}`,
      title,
      status: err.status,
      code: err.code,
      detail,
      ...(err.errors.length ? { errors: err.errors } : {}),
      requestId: String(request.id),
    });
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const appError = toAppError(err, request);
    if (appError.status >= 500) request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, request, appError);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // The web app's catch-all `GET /*` matches every path; under /api/ it does not make an address exist.
    const exists = (m: string) => {
      const found = app.findRoute({ method: m as 'GET', url: path });
      return !!found && !(path.startsWith('/api/') && '*' in (found.params ?? {}));
    };
    const allowed = METHODS.filter((m) => m !== request.method && exists(m));
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(reply, request, PlatformErrors.method_not_allowed({ method: request.method, allowed: allowed.join(', ') }));
    }
    return sendProblem(reply, request, routeNotFound(request));
  });
}
