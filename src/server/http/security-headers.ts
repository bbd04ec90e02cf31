import type { FastifyInstance, FastifyReply, onSendHookHandler } from 'fastify';
import helmet from 'helmet';
import { appendOnSend } from './route-hooks.js';

// Pages (the web app, the API reference): helmet's defaults plus our content-security policy. They never change, so they are computed
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

// API answers are data, never documents: the OWASP REST set — nothing may frame, run or sniff them, and
// personal data stays out of browser and proxy caches (a route that serves something cacheable, such as a
// photo, says so itself). Fewer headers than the page set, and every request pays for each one.
const API_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

const PAGE_HEADERS = computeHeaders();

/** An HTML document served by an API route (a printable receipt or statement): page headers, not API ones. */
export function sendHtmlPage(reply: FastifyReply, html: string): FastifyReply {
  return reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(html);
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith('/api/v1/') ? API_HEADERS : PAGE_HEADERS);
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
