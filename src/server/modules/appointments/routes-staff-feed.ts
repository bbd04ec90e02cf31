// Staff calendar feeds: the public .ics (the token is the key) and, signed in, the feed URL of oneself or,
// with staff.write, of someone in one's stores (a manager cannot reach an owner's or another manager's).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { type Actor, assertCan, auditContext, requireActor } from '../../http/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import type { Role } from '../../platform/permissions.js';
import { findStaffById, mayAssignRole, storeIdsOfStaff } from '../staff/index.js';
import { ensureFeed, feedEvents, feedPath, feedToken, openFeedToken, renderFeed, rotateFeed } from './staff-feed.js';

const idParams = z.object({ id: z.uuid() });
const feedParams = z.object({ token: z.string().min(10).max(200) });
const feedDto = z.object({
  /** Absolute when PUBLIC_URL is set, else null (the web puts its own origin before `path`). */
  url: z.string().nullable(),
  path: z.string(),
  createdAt: z.string(),
  rotatedAt: z.string().nullable(),
});

// Calendar apps poll every few minutes to hours; this leaves room for many devices behind one IP.
const FEED_RATE = { max: 60, timeWindow: '1 minute' };

export function staffFeedRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const secret = deps.secrets.sessionKey;

  /** Her own feed, or (staff.write) the feed of someone she manages; else 403/404 like other staff reads. */
  async function reachable(actor: Actor, staffId: string) {
    const target = await findStaffById(db, staffId);
    if (!target) throw PlatformErrors.not_found();
    if (staffId === actor.staffId) return target;
    assertCan(actor, 'staff.write');
    const stores = await storeIdsOfStaff(db, staffId);
    if (!actor.allStores && !stores.some((s) => actor.storeIds.includes(s))) throw PlatformErrors.not_found();
    if (!mayAssignRole(actor, target.role as Role, target.role as Role)) throw PlatformErrors.forbidden({ permission: 'staff.roles' });
    return target;
  }

  const dto = (row: { staff_id: string; nonce: string; created_at: number; rotated_at: number | null }) => {
    const path = feedPath(feedToken(secret, row.staff_id, row.nonce));
    return {
      url: deps.settings.publicUrl ? `${deps.settings.publicUrl}${path}` : null,
      path,
      createdAt: new Date(row.created_at).toISOString(),
      rotatedAt: row.rotated_at === null ? null : new Date(row.rotated_at).toISOString(),
    };
  };

  const storeOf = async (staffId: string) => (await storeIdsOfStaff(db, staffId))[0] ?? null;

  return async (app) => {
    app.get(
      '/public/staff-calendar/:token.ics',
      {
        config: { access: { public: true }, rateLimit: FEED_RATE },
        schema: {
          tags: ['calendar feeds'],
          summary: 'A staff member’s appointments (30 days back, 90 ahead) as a subscribable iCalendar feed',
          params: feedParams,
        },
      },
      async (request, reply) => {
        const staff = await openFeedToken(db, secret, request.params.token);
        const ics = renderFeed(staff, await feedEvents(db, staff, deps.clock.now()));
        return reply
          .type('text/calendar; charset=utf-8')
          .header('cache-control', 'private, max-age=300')
          .header('content-disposition', 'inline; filename="orchid.ics"')
          .send(ics);
      },
    );

    app.get(
      '/staff/:id/calendar-feed',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['calendar feeds'],
          summary: 'The private calendar feed URL of a staff member (own, or staff.write); issued on first ask',
          params: idParams,
          response: { 200: feedDto },
        },
      },
      async (request) => {
        const target = await reachable(requireActor(request), request.params.id);
        return dto(await ensureFeed(db, target.id, deps.clock.now()));
      },
    );

    app.post(
      '/staff/:id/calendar-feed/rotate',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['calendar feeds'],
          summary: 'A new feed URL; the old one stops working at once',
          params: idParams,
          response: { 200: feedDto },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const target = await reachable(actor, request.params.id);
        const ctx = auditContext(request, deps.clock.now());
        const storeId = await storeOf(target.id);
        return withTransaction(db, async ({ tx }) => {
          const row = await rotateFeed(tx, target.id, ctx.now);
          await writeAudit(tx, ctx, { action: 'staff.calendar_feed_rotate', entityType: 'staff', entityId: target.id, storeId });
          return dto(row);
        });
      },
    );
  };
}
