import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import { type Actor, assertStore } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { addDays, dayRange, parseInstant } from '../../platform/zoned-time.js';
import type { StoreHours } from '../availability/index.js';
import { findStoreById } from '../stores/index.js';
import { RosterErrors } from './errors.js';
import {
  blockedOfStore,
  exceptionsOfStore,
  findBlocked,
  findCustomHours,
  findException,
  findRoster,
  isStaffAtStore,
  rostersOfStore,
  staffOfStore,
} from './repo.js';
import { buildWeek, mondayOf, toBlockedDto, toExceptionDto, toRosterDto } from './rosters.js';
import type { BlockedCreate, ExceptionCreate, WeeklyPut } from './schemas.js';

/** The store, visible to the actor (403 when they do not work there, 404 when it does not exist). */
async function visibleStore(db: Executor, actor: Actor, storeId: string) {
  assertStore(actor, storeId);
  const row = await findStoreById(db, storeId);
  if (!row) throw PlatformErrors.not_found();
  return row;
}

/** 422 unless the person exists, is active and works at the store. */
async function assertStaffAtStore(db: Executor, staffId: string, storeId: string): Promise<void> {
  const person = await db.selectFrom('staff').select(['id', 'active']).where('id', '=', staffId).executeTakeFirst();
  if (!person) throw RosterErrors.staff_unknown({ staffId });
  if (person.active !== 1) throw RosterErrors.staff_archived();
  if (!(await isStaffAtStore(db, staffId, storeId))) throw RosterErrors.staff_not_in_store();
}

export const storeHoursOf = (store: { hours: string; special_dates: string }): StoreHours => ({
  weekly: JSON.parse(store.hours) as StoreHours['weekly'],
  specialDates: JSON.parse(store.special_dates) as StoreHours['specialDates'],
});

/** The effective schedule of the week (Monday to Sunday) holding `week`. */
export async function getWeek(db: Kysely<DB>, actor: Actor, storeId: string, week: string) {
  const store = await visibleStore(db, actor, storeId);
  const tz = store.time_zone;
  const monday = mondayOf(week);
  const sunday = addDays(monday, 6);
  const [staff, rosters, exceptions, blocked] = await Promise.all([
    staffOfStore(db, storeId),
    rostersOfStore(db, storeId),
    exceptionsOfStore(db, storeId, monday, sunday),
    blockedOfStore(db, storeId, dayRange(monday, tz).start, dayRange(sunday, tz).end),
  ]);
  return buildWeek({ storeId, timeZone: tz, storeHours: storeHoursOf(store), monday, staff, rosters, exceptions, blocked });
}

/** Sets a person's weekly hours at a store (optimistic: the caller's version, 0 for a first roster). */
export async function setWeekly(db: Kysely<DB>, actor: Actor, storeId: string, staffId: string, input: WeeklyPut, ctx: AuditContext) {
  return withTransaction(db, async ({ tx }) => {
    await visibleStore(tx, actor, storeId);
    await assertStaffAtStore(tx, staffId, storeId);
    const current = await findRoster(tx, staffId, storeId);
    const hours = JSON.stringify(input.hours);
    if (!current) {
      if (input.version !== 0) throw PlatformErrors.stale_version();
      await tx
        .insertInto('staff_rosters')
        .values({
          staff_id: staffId,
          store_id: storeId,
          hours,
          rotation_order: input.rotationOrder ?? 0,
          version: 1,
          updated_by: ctx.actorId,
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .execute();
    } else {
      const res = await tx
        .updateTable('staff_rosters')
        .set({
          hours,
          ...(input.rotationOrder !== undefined ? { rotation_order: input.rotationOrder } : {}),
          version: input.version + 1,
          updated_by: ctx.actorId,
          updated_at: ctx.now,
        })
        .where('staff_id', '=', staffId)
        .where('store_id', '=', storeId)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
    }
    const updated = toRosterDto(await findRoster(tx, staffId, storeId), storeId, staffId);
    await writeAudit(tx, ctx, {
      action: 'roster.weekly_set',
      entityType: 'staff_roster',
      entityId: staffId,
      storeId,
      before: current ? toRosterDto(current, storeId, staffId) : null,
      after: updated,
    });
    return updated;
  });
}

export async function addException(
  db: Kysely<DB>,
  actor: Actor,
  storeId: string,
  staffId: string,
  input: ExceptionCreate,
  ctx: AuditContext,
) {
  return withTransaction(db, async ({ tx }) => {
    await visibleStore(tx, actor, storeId);
    await assertStaffAtStore(tx, staffId, storeId);
    if (input.kind === 'custom_hours' && (await findCustomHours(tx, staffId, storeId, input.date))) {
      throw RosterErrors.roster_exception_exists({ date: input.date });
    }
    const row = {
      id: newId(),
      staff_id: staffId,
      store_id: storeId,
      date: input.date,
      kind: input.kind,
      hours: JSON.stringify(input.hours),
      note: input.note || null,
      created_by: ctx.actorId,
      created_at: ctx.now,
    };
    await tx.insertInto('roster_exceptions').values(row).execute();
    const dto = toExceptionDto(row);
    await writeAudit(tx, ctx, { action: 'roster.exception_add', entityType: 'roster_exception', entityId: row.id, storeId, after: dto });
    return dto;
  });
}

export async function removeException(
  db: Kysely<DB>,
  actor: Actor,
  storeId: string,
  staffId: string,
  exceptionId: string,
  ctx: AuditContext,
) {
  return withTransaction(db, async ({ tx }) => {
    await visibleStore(tx, actor, storeId);
    const row = await findException(tx, exceptionId);
    if (!row || row.store_id !== storeId || row.staff_id !== staffId) throw PlatformErrors.not_found();
    await tx.deleteFrom('roster_exceptions').where('id', '=', exceptionId).execute();
    await writeAudit(tx, ctx, {
      action: 'roster.exception_remove',
      entityType: 'roster_exception',
      entityId: exceptionId,
      storeId,
      before: toExceptionDto(row),
    });
  });
}

export async function listBlocked(db: Kysely<DB>, actor: Actor, storeId: string, from: string, to: string) {
  const store = await visibleStore(db, actor, storeId);
  const tz = store.time_zone;
  const rows = await blockedOfStore(db, storeId, dayRange(from, tz).start, dayRange(to, tz).end);
  return { data: rows.map((r) => toBlockedDto(r, tz)), nextCursor: null };
}

export async function createBlocked(db: Kysely<DB>, actor: Actor, input: BlockedCreate, ctx: AuditContext) {
  return withTransaction(db, async ({ tx }) => {
    const store = await visibleStore(tx, actor, input.storeId);
    await assertStaffAtStore(tx, input.staffId, input.storeId);
    const row = {
      id: newId(),
      store_id: input.storeId,
      staff_id: input.staffId,
      start_at: parseInstant(input.start),
      end_at: parseInstant(input.end),
      reason: input.reason,
      note: input.note || null,
      created_by: ctx.actorId,
      created_at: ctx.now,
    };
    await tx.insertInto('blocked_times').values(row).execute();
    const dto = toBlockedDto(row, store.time_zone);
    await writeAudit(tx, ctx, {
      action: 'blocked_time.create',
      entityType: 'blocked_time',
      entityId: row.id,
      storeId: input.storeId,
      after: dto,
    });
    return dto;
  });
}

export async function deleteBlocked(db: Kysely<DB>, actor: Actor, id: string, ctx: AuditContext) {
  return withTransaction(db, async ({ tx }) => {
    const row = await findBlocked(tx, id);
    if (!row) throw PlatformErrors.not_found();
    const store = await visibleStore(tx, actor, row.store_id);
    await tx.deleteFrom('blocked_times').where('id', '=', id).execute();
    await writeAudit(tx, ctx, {
      action: 'blocked_time.delete',
      entityType: 'blocked_time',
      entityId: id,
      storeId: row.store_id,
      before: toBlockedDto(row, store.time_zone),
    });
  });
}
