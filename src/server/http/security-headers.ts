import type { FastifyInstance, onSendHookHandler } from 'fastify';
import helmet from 'helmet';
import { appendOnSend } from './route-hooks.js';

// helmet's defaults plus our content-security policy. The headers never change, so they are computed
// once at start-up instead of running helmet's middleware on every request.
function computeHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  })({} as never, res as never, () => {});
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  const headers = computeHeaders();
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    done();
  });
  // The API reference page runs its own inline bootstrap script.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/docs')) return;
    const withoutPolicy: onSendHookHandler = (_request, reply, payload, done) => {
      reply.removeHeader('content-security-policy');
      done(null, payload);
    };
    appendOnSend(route, withoutPolicy);
  });
}
