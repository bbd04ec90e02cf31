// The client portal: sign in with a one-time code, then see her own timeline — only the records shared with
// her (metrics, aftercare and photos; never internal notes), her packages with what is left — and her photos.
// The token travels as an HttpOnly cookie (browser) or the `x-portal-token` header (apps). Read-only routes,
// so the cookie needs no CSRF token; signing out is harmless.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { createFieldCipher } from '../../platform/crypto.js';
import { PlatformErrors } from '../../platform/errors.js';
import { findPackage } from '../packages/index.js';
import {
  contactOf,
  openPortalSession,
  PORTAL_COOKIE,
  PORTAL_SESSION_MS,
  portalClient,
  revokePortalSession,
  sendPortalCode,
} from './portal.js';
import { sendPhotoFile } from './routes-photos.js';
import { idParams, photoSize, portalCodeBody, portalSessionBody } from './schemas.js';
import { clientTimeline, packageTimeline } from './timeline.js';

const tags = ['client portal'];
const CODES = { max: 5, timeWindow: '10 minutes' };
const SIGN_IN = { max: 20, timeWindow: '10 minutes' };
const READS = { max: 120, timeWindow: '1 minute' };
const PHOTO_BASE = '/api/v1/portal/photos';

export function portalRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const cipher = createFieldCipher(deps.secrets.fieldKey);
  const secret = deps.secrets.sessionKey;
  const now = () => deps.clock.now();

  const tokenOf = (request: FastifyRequest) => {
    const header = request.headers['x-portal-token'];
    return typeof header === 'string' && header ? header : request.cookies[PORTAL_COOKIE];
  };
  const signedIn = (request: FastifyRequest) => portalClient(db, tokenOf(request), now());
  const setCookie = (request: FastifyRequest, reply: FastifyReply, token: string, maxAgeS: number) =>
    reply.setCookie(PORTAL_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      path: '/api/v1/portal',
      maxAge: maxAgeS,
    });

  return async (app) => {
    app.post(
      '/portal/codes',
      {
        config: { access: { public: true }, rateLimit: CODES },
        schema: {
          tags,
          summary: 'Send a one-time sign-in code to the phone or email on the client’s card (202 whether or not one exists)',
          body: portalCodeBody,
        },
      },
      async (request, reply) => {
        const c = await contactOf(db, request.body);
        const { expiresAt } = await sendPortalCode(db, secret, c, request.body.language, now());
        return reply.status(202).send({ channel: c.channel, expiresAt: new Date(expiresAt).toISOString() });
      },
    );

    app.post(
      '/portal/sessions',
      {
        config: { access: { public: true }, rateLimit: SIGN_IN },
        schema: { tags, summary: 'Sign in with the code; returns a token and sets the portal cookie', body: portalSessionBody },
      },
      async (request, reply) => {
        const c = await contactOf(db, request.body);
        const s = await openPortalSession(db, secret, c, request.body.code, now());
        setCookie(request, reply, s.token, PORTAL_SESSION_MS / 1000);
        return reply
          .status(201)
          .send({ token: s.token, expiresAt: new Date(s.expiresAt).toISOString(), client: { id: s.clientId, firstName: s.firstName } });
      },
    );

    app.post(
      '/portal/sign-out',
      { config: { access: { public: true } }, schema: { tags, summary: 'End the portal session' } },
      async (request, reply) => {
        try {
          const s = await signedIn(request);
          await revokePortalSession(db, s.sessionId, now());
        } catch {
          // Already signed out.
        }
        setCookie(request, reply, '', 0);
        return reply.status(204).send();
      },
    );

    app.get(
      '/portal/timeline',
      {
        config: { access: { public: true }, rateLimit: READS },
        schema: { tags, summary: 'My timeline: the records shared with me, my packages, my progress' },
      },
      async (request) => {
        const { clientId } = await signedIn(request);
        return clientTimeline(db, clientId, { health: true, portal: true, cipher, now: now(), photoUrlBase: PHOTO_BASE });
      },
    );

    app.get(
      '/portal/packages/:id/timeline',
      {
        config: { access: { public: true }, rateLimit: READS },
        schema: { tags, summary: 'One of my packages: sessions done and left, with the records shared with me', params: idParams },
      },
      async (request) => {
        const { clientId } = await signedIn(request);
        const pkg = await findPackage(db, request.params.id);
        const member =
          pkg &&
          (await db
            .selectFrom('client_package_members')
            .select('client_id')
            .where('package_id', '=', pkg.id)
            .where('client_id', '=', clientId)
            .executeTakeFirst());
        if (!pkg || (pkg.client_id !== clientId && !member)) throw PlatformErrors.not_found();
        // A family member sees the package, and her own records on it only.
        return packageTimeline(
          db,
          pkg,
          { health: true, portal: true, cipher, now: now(), photoUrlBase: PHOTO_BASE },
          { recordsOf: clientId },
        );
      },
    );

    app.get(
      '/portal/photos/:id',
      {
        config: { access: { public: true }, rateLimit: READS },
        schema: { tags, summary: 'A photo of one of my shared records', params: idParams, querystring: photoSize },
      },
      async (request, reply) => {
        const { clientId } = await signedIn(request);
        const row = await db
          .selectFrom('treatment_photos as p')
          .innerJoin('treatment_records as r', 'r.id', 'p.record_id')
          .selectAll('p')
          .where('p.id', '=', request.params.id)
          .where('r.client_id', '=', clientId)
          .where('r.shared_with_client', '=', 1)
          .executeTakeFirst();
        if (!row) throw PlatformErrors.not_found();
        const bytes = await sendPhotoFile(deps.settings.photoDir, row, request.query.size);
        return reply
          .type('image/jpeg')
          .header('cache-control', 'private, max-age=3600')
          .header('x-content-type-options', 'nosniff')
          .send(bytes);
      },
    );
  };
}
