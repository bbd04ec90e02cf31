import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { decodeCursor, pageQuery, toPage } from '../../platform/pagination.js';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../../platform/permissions.js';
import { storeIdsByStaff, storeIdsOfStaff } from './repo.js';
import { pinBody, staffCreate, staffUpdate } from './schemas.js';
import { archiveStaff, createStaff, loadVisible, setPin, updateStaff } from './service.js';
import { toStaffDto } from './staff.js';

const idParams = z.object({ id: z.uuid() });

export function staffRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const ctx = (request: import('fastify').FastifyRequest) => auditContext(request, deps.clock.now());
  return async (app) => {
    app.get(
      '/staff',
      {
        config: { access: { permission: 'staff.read' } },
        schema: {
          tags: ['staff'],
          summary: 'Staff of my stores',
          querystring: z.object({ storeId: z.uuid().optional(), includeArchived: z.enum(['true', 'false']).optional(), ...pageQuery }),
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { storeId, includeArchived, limit, cursor } = request.query;
        if (storeId) assertStore(actor, storeId);
        const scope = storeId ? [storeId] : actor.storeIds;
        const after = decodeCursor(cursor);
        let q = db
          .selectFrom('staff')
          .selectAll()
          .orderBy('id')
          .limit(limit + 1);
        if (includeArchived !== 'true') q = q.where('active', '=', 1);
        if (after) q = q.where('id', '>', after);
        if (!actor.allStores || storeId) {
          q = q.where((eb) =>
            eb.or([
              ...(storeId ? [] : [eb('role', '=', 'owner')]),
              eb.exists(
                eb
                  .selectFrom('staff_stores')
                  .select('staff_id')
                  .whereRef('staff_stores.staff_id', '=', 'staff.id')
                  .where('staff_stores.store_id', 'in', scope.length ? scope : ['-']),
              ),
            ]),
          );
        }
        const rows = await q.execute();
        const stores = await storeIdsByStaff(
          db,
          rows.map((r) => r.id),
        );
        const page = toPage(rows, limit, (r) => r.id);
        return { data: page.data.map((r) => toStaffDto(r, stores.get(r.id) ?? [])), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/staff/:id',
      { config: { access: { permission: 'staff.read' } }, schema: { tags: ['staff'], summary: 'One staff member', params: idParams } },
      async (request) => {
        const row = await loadVisible(db, requireActor(request), request.params.id);
        return toStaffDto(row, await storeIdsOfStaff(db, row.id));
      },
    );

    app.post(
      '/staff',
      { config: { access: { permission: 'staff.write' } }, schema: { tags: ['staff'], summary: 'Add a staff member', body: staffCreate } },
      async (request, reply) => reply.status(201).send(await createStaff(db, requireActor(request), request.body, ctx(request))),
    );

    app.patch(
      '/staff/:id',
      {
        config: { access: { permission: 'staff.write' } },
        schema: { tags: ['staff'], summary: 'Edit a staff member (send its version)', params: idParams, body: staffUpdate },
      },
      async (request) => updateStaff(db, requireActor(request), request.params.id, request.body, ctx(request)),
    );

    app.post(
      '/staff/:id/archive',
      {
        config: { access: { permission: 'staff.write' } },
        schema: { tags: ['staff'], summary: 'Archive (never delete) a staff member', params: idParams },
      },
      async (request) => archiveStaff(db, requireActor(request), request.params.id, ctx(request)),
    );

    app.put(
      '/staff/:id/pin',
      {
        config: { access: { signedIn: true } },
        schema: { tags: ['staff'], summary: 'Set a terminal PIN (own, or staff.write)', params: idParams, body: pinBody },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (request.params.id !== actor.staffId && !actor.permissions.has('staff.write')) {
          throw PlatformErrors.forbidden({ permission: 'staff.write' });
        }
        await setPin(db, actor, request.params.id, request.body.pin, ctx(request));
        return reply.status(204).send();
      },
    );

    app.get(
      '/roles',
      { config: { access: { permission: 'staff.read' } }, schema: { tags: ['staff'], summary: 'The role / permission matrix' } },
      async () => ({
        roles: ROLES.map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]] })),
        permissions: [...PERMISSIONS],
      }),
    );
  };
}
