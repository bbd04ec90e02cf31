// Each store's rooms, beds and chairs. Store-scoped: a manager touches only the stores they work at.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/tables.js';
import { type Executor, toBool, withTransaction } from '../../db/tx.js';
import { type Actor, assertStore } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { toResourceDto } from './dto.js';
import { afterCursor, readCursor, toKeysetPage } from './paging.js';
import { findResource, findStore } from './repo.js';
import type { ResourceCreate, ResourceUpdate, resourcesQuery } from './schemas.js';

export async function listResources(db: Executor, actor: Actor, query: z.infer<typeof resourcesQuery>) {
  if (query.storeId) assertStore(actor, query.storeId);
  const scope = query.storeId ? [query.storeId] : actor.storeIds;
  const c = readCursor(query.cursor, 'int');
  let q = db
    .selectFrom('resources')
    .selectAll()
    .where('store_id', 'in', scope.length ? scope : ['-'])
    .orderBy('sort_order')
    .orderBy('id')
    .limit(query.limit + 1);
  if (query.type) q = q.where('type', '=', query.type);
  if (query.includeInactive !== 'true') q = q.where('active', '=', 1);
  if (c) q = q.where(afterCursor('resources.sort_order', 'resources.id', c));
  const page = toKeysetPage(await q.execute(), query.limit, (r) => [r.sort_order, r.id]);
  return { data: page.data.map(toResourceDto), nextCursor: page.nextCursor };
}

/** Loads a resource the actor may see; one of another store is "not found", not a hint it exists. */
export async function loadResource(db: Executor, actor: Actor, id: string) {
  const row = await findResource(db, id);
  if (!row || (!actor.allStores && !actor.storeIds.includes(row.store_id))) throw PlatformErrors.not_found();
  return row;
}

export async function createResource(db: Kysely<DB>, actor: Actor, storeId: string, input: ResourceCreate, ctx: AuditContext) {
  assertStore(actor, storeId);
  return withTransaction(db, async ({ tx }) => {
    if (!(await findStore(tx, storeId))) throw PlatformErrors.not_found();
    const row = {
      id: newId(),
      store_id: storeId,
      name: input.name,
      type: input.type,
      active: toBool(input.active),
      sort_order: input.sortOrder,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await tx.insertInto('resources').values(row).execute();
    const dto = toResourceDto(row);
    await writeAudit(tx, ctx, { action: 'catalog.resource.create', entityType: 'resource', entityId: row.id, storeId, after: dto });
    return dto;
  });
}

export async function updateResource(db: Kysely<DB>, actor: Actor, id: string, input: ResourceUpdate, ctx: AuditContext) {
  return withTransaction(db, async ({ tx }) => {
    const current = await loadResource(tx, actor, id);
    const res = await tx
      .updateTable('resources')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.type !== undefined ? { type: input.type } : {}),
        ...(input.active !== undefined ? { active: toBool(input.active) } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
        version: input.version + 1,
        updated_at: ctx.now,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
    const after = toResourceDto((await findResource(tx, id))!);
    await writeAudit(tx, ctx, {
      action: 'catalog.resource.update',
      entityType: 'resource',
      entityId: id,
      storeId: current.store_id,
      before: toResourceDto(current),
      after,
    });
    return after;
  });
}
