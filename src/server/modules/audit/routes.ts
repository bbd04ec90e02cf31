import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { assertStore, requireActor } from '../../http/actor.js';
import { decodeCursor, pageQuery, toPage } from '../../platform/pagination.js';
import { parseInstant, toZonedIso } from '../../platform/zoned-time.js';

const instant = z.iso.datetime({ offset: true });

export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    app.get(
      '/audit-log',
      {
        config: { access: { permission: 'audit.read' } },
        schema: {
          tags: ['audit'],
          summary: 'Audit log, newest first (owners: everything; managers: their stores)',
          querystring: z.object({
            storeId: z.uuid().optional(),
            actorId: z.uuid().optional(),
            action: z.string().max(80).optional(),
            entityType: z.string().max(80).optional(),
            entityId: z.string().max(80).optional(),
            from: instant.optional(),
            to: instant.optional(),
            ...pageQuery,
          }),
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const f = request.query;
        if (f.storeId) assertStore(actor, f.storeId);
        let q = db
          .selectFrom('audit_log')
          .leftJoin('staff', 'staff.id', 'audit_log.actor_id')
          .select([
            'audit_log.id',
            'audit_log.at',
            'audit_log.actor_id',
            'staff.display_name as actor_name',
            'audit_log.store_id',
            'audit_log.action',
            'audit_log.entity_type',
            'audit_log.entity_id',
            'audit_log.before',
            'audit_log.after',
            'audit_log.ip',
          ])
          .orderBy('audit_log.id', 'desc')
          .limit(f.limit + 1);
        if (f.storeId) q = q.where('audit_log.store_id', '=', f.storeId);
        else if (!actor.allStores) q = q.where('audit_log.store_id', 'in', actor.storeIds.length ? actor.storeIds : ['-']);
        if (f.actorId) q = q.where('audit_log.actor_id', '=', f.actorId);
        if (f.action) q = q.where('audit_log.action', '=', f.action);
        if (f.entityType) q = q.where('audit_log.entity_type', '=', f.entityType);
        if (f.entityId) q = q.where('audit_log.entity_id', '=', f.entityId);
        if (f.from) q = q.where('audit_log.at', '>=', parseInstant(f.from));
        if (f.to) q = q.where('audit_log.at', '<', parseInstant(f.to));
        const after = decodeCursor(f.cursor);
        if (after) q = q.where('audit_log.id', '<', after);
        const page = toPage(await q.execute(), f.limit, (r) => r.id);
        return {
          data: page.data.map((r) => ({
            id: r.id,
            at: toZonedIso(r.at, 'UTC'),
            actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
            storeId: r.store_id,
            action: r.action,
            entityType: r.entity_type,
            entityId: r.entity_id,
            before: r.before ? JSON.parse(r.before) : null,
            after: r.after ? JSON.parse(r.after) : null,
            ip: r.ip,
          })),
          nextCursor: page.nextCursor,
        };
      },
    );
  };
}
