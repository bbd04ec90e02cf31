// The waitlist: a client waiting for services (with a technician or anyone) in a date window, optionally
// between two store-local times. When a cancellation or a move frees time, the waiting entries whose window
// covers that date are checked with the engine; those that now fit are flagged with the first fitting slot
// (`GET /waitlist?matches=true`) so the front desk can offer it.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import { type Actor, assertStore } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { eachDate, type LocalDate } from '../../platform/zoned-time.js';
import { getEffectiveServices } from '../catalog/index.js';
import { findClientById } from '../clients/index.js';
import { AppointmentErrors } from './errors.js';
import { check, type Plan, plan, type StoreInfo, slotDto, slots } from './planner.js';
import { clientSummaries, findWaitlistEntry, type WaitlistRow } from './repo.js';
import type { WaitlistCreate } from './schemas.js';
import type { BookingSettings } from './settings.js';
import { localParts, parseIso } from './time.js';

const MAX_FLAG_DAYS = 7;

function toDto(row: WaitlistRow, client?: { firstName: string; lastName: string; phone: string | null }) {
  return {
    id: row.id,
    storeId: row.store_id,
    clientId: row.client_id,
    client: client ? { firstName: client.firstName, lastName: client.lastName, phone: client.phone } : null,
    serviceIds: JSON.parse(row.service_ids) as string[],
    staffId: row.staff_id ?? 'any',
    dateFrom: row.date_from,
    dateTo: row.date_to,
    timeFrom: row.time_from,
    timeTo: row.time_to,
    notes: row.notes,
    status: row.status,
    match: row.match ? (JSON.parse(row.match) as ReturnType<typeof slotDto>) : null,
    matchedAt: row.matched_at === null ? null : new Date(row.matched_at).toISOString(),
    appointmentId: row.appointment_id,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
export type WaitlistDto = ReturnType<typeof toDto> & { stillFree?: boolean };

const linesOf = (row: Pick<WaitlistRow, 'service_ids' | 'staff_id'>) =>
  (JSON.parse(row.service_ids) as string[]).map((serviceId) => ({ serviceId, staffId: row.staff_id ?? 'any' }));

const inWindow = (row: Pick<WaitlistRow, 'time_from' | 'time_to'>, startLocal: string) =>
  (!row.time_from || startLocal >= row.time_from) && (!row.time_to || startLocal < row.time_to);

export async function createWaitlistEntry(db: Kysely<DB>, actor: Actor, input: WaitlistCreate, ctx: AuditContext) {
  assertStore(actor, input.storeId);
  return withTransaction(db, async ({ tx }) => {
    const store = await tx.selectFrom('stores').select(['id', 'archived']).where('id', '=', input.storeId).executeTakeFirst();
    if (!store || store.archived)
      throw AppointmentErrors.unknown_reference({ field: 'storeId' }, [{ path: 'storeId', message: 'no such store' }]);
    const client = await findClientById(tx, input.clientId);
    if (!client || client.merged_into_id)
      throw AppointmentErrors.unknown_reference({ field: 'clientId' }, [{ path: 'clientId', message: 'no such client' }]);
    const services = await getEffectiveServices(tx, input.storeId, input.serviceIds);
    const missing = input.serviceIds.findIndex((id) => {
      const s = services.get(id);
      return !s || s.archived || !s.available;
    });
    if (missing >= 0)
      throw AppointmentErrors.unknown_reference({ field: `serviceIds.${missing}` }, [
        { path: `serviceIds.${missing}`, message: 'no such service' },
      ]);
    if (input.staffId !== 'any') {
      const works = await tx
        .selectFrom('staff_stores')
        .select('staff_id')
        .where('staff_id', '=', input.staffId)
        .where('store_id', '=', input.storeId)
        .executeTakeFirst();
      if (!works)
        throw AppointmentErrors.unknown_reference({ field: 'staffId' }, [
          { path: 'staffId', message: 'no such staff member at this store' },
        ]);
    }
    const row: WaitlistRow = {
      id: newId(),
      store_id: input.storeId,
      client_id: input.clientId,
      service_ids: JSON.stringify(input.serviceIds),
      staff_id: input.staffId === 'any' ? null : input.staffId,
      date_from: input.dateFrom,
      date_to: input.dateTo,
      time_from: input.timeFrom ?? null,
      time_to: input.timeTo ?? null,
      notes: input.notes ?? null,
      status: 'waiting',
      matched_at: null,
      match: null,
      appointment_id: null,
      created_by: ctx.actorId,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await tx.insertInto('waitlist_entries').values(row).execute();
    const dto = toDto(row);
    await writeAudit(tx, ctx, {
      action: 'waitlist.create',
      entityType: 'waitlist_entry',
      entityId: row.id,
      storeId: row.store_id,
      after: dto,
    });
    return dto;
  });
}

export async function listWaitlist(
  db: Kysely<DB>,
  actor: Actor,
  q: { storeId: string; matches: boolean; status: string },
  store: StoreInfo,
  settings: BookingSettings,
  now: number,
): Promise<{ data: WaitlistDto[]; nextCursor: null }> {
  assertStore(actor, q.storeId);
  let query = db.selectFrom('waitlist_entries').selectAll().where('store_id', '=', q.storeId).where('status', '=', q.status);
  if (q.matches) query = query.where('matched_at', 'is not', null);
  const rows = await query.orderBy('date_from').orderBy('id').limit(500).execute();
  const clients = await clientSummaries(
    db,
    rows.map((r) => r.client_id),
  );
  const data: WaitlistDto[] = [];
  for (const row of rows) {
    const dto: WaitlistDto = toDto(row, clients.get(row.client_id));
    if (q.matches && dto.match) dto.stillFree = await stillFree(db, store, settings, row, parseIso(dto.match.start), now);
    data.push(dto);
  }
  return { data, nextCursor: null };
}

async function stillFree(
  db: Executor,
  store: StoreInfo,
  settings: BookingSettings,
  row: WaitlistRow,
  start: number,
  now: number,
): Promise<boolean> {
  try {
    const date = localParts(start, store.timeZone).date;
    const p = await plan(db, store, linesOf(row), { from: date, to: date }, { mode: 'front_desk', now, settings });
    return check(p, start).ok;
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
}

export async function removeWaitlistEntry(db: Kysely<DB>, actor: Actor, id: string, ctx: AuditContext): Promise<void> {
  await withTransaction(db, async ({ tx }) => {
    const row = await findWaitlistEntry(tx, id);
    if (!row || (!actor.allStores && !actor.storeIds.includes(row.store_id))) throw PlatformErrors.not_found();
    if (row.status !== 'waiting') throw AppointmentErrors.waitlist_entry_closed();
    await tx
      .updateTable('waitlist_entries')
      .set({ status: 'removed', version: row.version + 1, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    await writeAudit(tx, ctx, {
      action: 'waitlist.remove',
      entityType: 'waitlist_entry',
      entityId: id,
      storeId: row.store_id,
      before: { status: row.status },
      after: { status: 'removed' },
    });
  });
}

/** A booking made from the waitlist closes the entry. */
export async function markWaitlistBooked(
  tx: Executor,
  entryId: string,
  storeId: string,
  appointmentId: string,
  now: number,
): Promise<void> {
  const row = await findWaitlistEntry(tx, entryId);
  if (!row || row.store_id !== storeId)
    throw AppointmentErrors.unknown_reference({ field: 'waitlistEntryId' }, [
      { path: 'waitlistEntryId', message: 'no such waitlist entry at this store' },
    ]);
  if (row.status !== 'waiting') throw AppointmentErrors.waitlist_entry_closed();
  await tx
    .updateTable('waitlist_entries')
    .set({ status: 'booked', appointment_id: appointmentId, version: row.version + 1, updated_at: now })
    .where('id', '=', entryId)
    .execute();
}

/**
 * After `freed` time came free (cancel, no-show, move): flags waiting entries of the store whose window
 * covers the freed local dates and that now fit, with the fitting start nearest the freed time.
 */
export async function flagWaitlistMatches(
  tx: Executor,
  store: StoreInfo,
  settings: BookingSettings,
  freed: { start: number; end: number },
  now: number,
): Promise<number> {
  if (freed.end <= now) return 0;
  const first: LocalDate = localParts(Math.max(freed.start, now), store.timeZone).date;
  const last: LocalDate = localParts(freed.end - 1, store.timeZone).date;
  const dates = eachDate(first, last).slice(0, MAX_FLAG_DAYS);
  const entries = await tx
    .selectFrom('waitlist_entries')
    .selectAll()
    .where('store_id', '=', store.id)
    .where('status', '=', 'waiting')
    .where('date_from', '<=', last)
    .where('date_to', '>=', first)
    .execute();
  let flagged = 0;
  for (const row of entries) {
    const from = dates.find((d) => d >= row.date_from) ?? first;
    const to = [...dates].reverse().find((d) => d <= row.date_to) ?? last;
    let p: Plan;
    try {
      p = await plan(tx, store, linesOf(row), { from, to }, { mode: 'front_desk', now, settings });
    } catch (err) {
      if (err instanceof AppError) continue; // a service or technician no longer offered: nothing to flag
      throw err;
    }
    const fitting = slots(p).filter((s) => inWindow(row, s.startLocal));
    if (fitting.length === 0) continue;
    const best = fitting.reduce((a, b) => (Math.abs(b.start - freed.start) < Math.abs(a.start - freed.start) ? b : a));
    await tx
      .updateTable('waitlist_entries')
      .set({ matched_at: now, match: JSON.stringify(slotDto(best, store.timeZone)), version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    flagged++;
  }
  return flagged;
}
