// Transactions of the appointments module: create, edit, reschedule, status changes. Each one writes the
// change, its history and audit rows and its client messages (outbox) in one transaction.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import { type Actor, assertStore } from '../../http/actor.js';
import { type AuditContext, auditRow, writeAudit } from '../../platform/audit.js';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { type IdempotentResult, runIdempotent } from '../../platform/idempotency.js';
import { jobRows } from '../../platform/jobs/index.js';
import type { BookingMode } from '../availability/index.js';
import { lineTotal } from './add-ons.js';
import {
  guarded,
  guardOccupancy,
  lineRows,
  newVisit,
  type PreparedRun,
  placePrepared,
  prepareVisit,
  withAlternatives,
  writeNewVisit,
} from './booking.js';
import { type AppointmentDto, appointmentDtos, freshDto } from './dto.js';
import { AppointmentErrors } from './errors.js';
import { linesInPlace } from './line-edit.js';
import { loadStore, type StoreInfo } from './planner.js';
import { messageJobs, scheduleMessages } from './reminders.js';
import {
  type AppointmentRow,
  type ClientSummary,
  clientSummaries,
  findAppointment,
  insertHistory,
  linesOf,
  loadSettings,
  releaseOccupancy,
} from './repo.js';
import type { AppointmentCreate, AppointmentPatch, LineInput } from './schemas.js';
import { type BookingSettings, feeFor, isLateCancel } from './settings.js';
import { type Action, MOVABLE, STAMP, type Status, TECHNICIAN_ACTIONS, transition } from './status.js';
import { flagWaitlistMatches, markWaitlistBooked } from './waitlist.js';

export async function storeOrFail(db: Executor, storeId: string, path = 'storeId'): Promise<StoreInfo> {
  const store = await loadStore(db, { id: storeId });
  if (!store || store.archived) throw AppointmentErrors.unknown_reference({ field: path }, [{ path, message: 'no such store' }]);
  return store;
}

/** The client to book for, as the answer shows it (422 when unknown or merged away). */
async function clientOrFail(db: Executor, clientId: string | null | undefined): Promise<Map<string, ClientSummary>> {
  if (!clientId) return new Map();
  const clients = await clientSummaries(db, [clientId]);
  if (!clients.get(clientId) || clients.get(clientId)!.merged)
    throw AppointmentErrors.unknown_reference({ field: 'clientId' }, [{ path: 'clientId', message: 'no such client' }]);
  return clients;
}

export async function dtoOf(db: Executor, store: StoreInfo, row: AppointmentRow, lang: Language): Promise<AppointmentDto> {
  return (await appointmentDtos(db, store, [row], lang))[0]!;
}

/** How far back a walk-in booked at the front desk may start (the client already sat down). */
export const WALK_IN_GRACE_MS = 15 * 60_000;

export type BookContext = AuditContext & { lang: Language; idempotencyKey?: string | undefined };

/**
 * Books a visit (staff or online). `write` extras run in the same transaction (e.g. consuming a one-time
 * code, creating the client of an online booking) and may return the client id to book for.
 */
export async function book(
  db: Kysely<DB>,
  input: {
    store: StoreInfo;
    settings: BookingSettings;
    clientId: string | null;
    source: string;
    notes: string | null;
    lines: readonly LineInput[];
    waitlistEntryId?: string | undefined;
    /** The client as read before the transaction (the answer shows it). */
    clients?: Map<string, ClientSummary>;
  },
  ctx: BookContext,
  opts: {
    mode: BookingMode;
    scope: string;
    request: unknown;
    before?: (tx: Executor) => Promise<string | null | undefined>;
    respond: (tx: Executor, row: AppointmentRow, dto: AppointmentDto) => Promise<unknown> | unknown;
  },
): Promise<IdempotentResult> {
  // A walk-in is recorded as it sits down: its start may lie a few minutes back (WALK_IN_GRACE_MS).
  const placeNow = input.source === 'walk_in' && opts.mode === 'front_desk' ? ctx.now - WALK_IN_GRACE_MS : ctx.now;
  const placeOpts = { mode: opts.mode, now: placeNow, settings: input.settings };
  // The booking itself does not look its key up first: a retry of a booking that went through finds its slot
  // taken (or, booked with "anyone", loses on the key at COMMIT) and then answers with the stored response.
  // Two visits deadlocked over the same technicians are not run again: the loser's slot is taken (guarded).
  const idempotent = (write: Parameters<typeof runIdempotent>[2], lookFirst: boolean) =>
    runIdempotent(
      db,
      { scope: opts.scope, key: ctx.idempotencyKey, request: opts.request, now: ctx.now, lookFirst, retryDeadlock: false },
      write,
    );
  return withAlternatives(db, input.store, input.lines, placeOpts, async () => {
    try {
      return await bookOnce(await prepareVisit(db, input.store, input.lines, placeOpts));
    } catch (err) {
      // A retry with the same key answers with the first response, whatever is true now (the slot is taken
      // by that first booking, its start has passed…); a concurrent retry loses on the slot before the key.
      if (err instanceof AppError && ctx.idempotencyKey) return idempotent(async () => Promise.reject(err), true);
      throw err;
    }
  });

  function bookOnce(runs: PreparedRun[]) {
    // PostgreSQL refuses an overlapping visit at COMMIT (writeNewVisit's statement goes out with it).
    return guarded(() =>
      idempotent(async ({ tx, afterCommit }) => {
        const clientId = (await opts.before?.(tx)) || input.clientId;
        const placed = await placePrepared(tx, runs, input.settings);
        const visit = newVisit(
          { storeId: input.store.id, clientId, source: input.source, notes: input.notes, createdBy: ctx.actorId, now: ctx.now },
          placed,
        );
        const { row, lines } = visit;
        // The answer (and audit record) is built before the write, so the rows, history and audit go together
        // (one statement on PostgreSQL: see writeNewVisit).
        const services = new Map(placed.map((l) => [l.serviceId, l.service]));
        const addOns = new Map(placed.flatMap((l) => l.addOns.map((a) => [a.id, a] as const)));
        const dto = await freshDto(tx, input.store, row, lines, services, ctx.lang, addOns, {
          staff: runs[0]?.plan.staffNames,
          clients: input.clients,
        });
        await writeNewVisit(tx, visit, placed, input.settings, {
          history: { appointmentId: row.id, from: null, to: 'booked', at: ctx.now, actorId: ctx.actorId, startAt: row.start_at },
          audit: auditRow(ctx, {
            action: 'appointment.create',
            entityType: 'appointment',
            entityId: row.id,
            storeId: row.store_id,
            after: dto,
          }),
          // A walk-in is already in the chair: no confirmation or reminder.
          jobs: jobRows(input.source === 'walk_in' ? [] : messageJobs(row, 'booked', input.settings, ctx.now), ctx.now),
          afterCommit,
        });
        if (input.waitlistEntryId) await markWaitlistBooked(tx, input.waitlistEntryId, input.store.id, row.id, ctx.now);
        return { status: 201, body: await opts.respond(tx, row, dto) };
      }, false),
    );
  }
}

export async function createAppointment(db: Kysely<DB>, actor: Actor, input: AppointmentCreate, ctx: BookContext) {
  assertStore(actor, input.storeId);
  const store = await storeOrFail(db, input.storeId);
  const clients = await clientOrFail(db, input.clientId);
  const { settings } = await loadSettings(db, store.id);
  return book(
    db,
    {
      store,
      settings,
      clientId: input.clientId ?? null,
      source: input.source,
      notes: input.notes ?? null,
      lines: input.lines,
      waitlistEntryId: input.waitlistEntryId,
      clients,
    },
    ctx,
    {
      mode: 'front_desk',
      scope: `appointments.create:${actor.staffId}`,
      request: input,
      respond: (_tx, _row, dto) => dto,
    },
  );
}

/** Loads an appointment the actor may see (404 otherwise, as if it did not exist). */
export async function loadVisible(db: Executor, actor: Actor | null, id: string): Promise<AppointmentRow> {
  const row = await findAppointment(db, id);
  if (!row || (actor && !actor.allStores && !actor.storeIds.includes(row.store_id))) throw PlatformErrors.not_found();
  return row;
}

function assertVersion(row: AppointmentRow, version: number | undefined) {
  if (version !== undefined && version !== row.version) throw PlatformErrors.stale_version();
}

export async function updateNotes(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  body: { version: number; notes?: string | null | undefined },
  ctx: BookContext,
) {
  return withTransaction(db, async ({ tx }) => {
    const row = await loadVisible(tx, actor, id);
    assertVersion(row, body.version);
    const store = await storeOrFail(tx, row.store_id);
    if (body.notes === undefined) return dtoOf(tx, store, row, ctx.lang);
    const updated = await tx
      .updateTable('appointments')
      .set({ notes: body.notes, version: row.version + 1, updated_at: ctx.now })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw PlatformErrors.stale_version();
    await writeAudit(tx, ctx, {
      action: 'appointment.update',
      entityType: 'appointment',
      entityId: id,
      storeId: row.store_id,
      before: { notes: row.notes },
      after: { notes: body.notes },
    });
    return dtoOf(tx, store, updated, ctx.lang);
  });
}

/** Edits in place (PATCH with lines): not a move, so no reschedule count, history row or alternatives. */
type InPlace = { notes: string | null | undefined; staffRequested: readonly boolean[] };

/**
 * PATCH: notes, and lines changed in place (their length, a resize on the calendar, or their add-ons) with
 * the same conflict check as a booking. Front desk only; audited as an update.
 */
export async function editAppointment(db: Kysely<DB>, actor: Actor, id: string, body: AppointmentPatch, ctx: BookContext) {
  if (!body.lines) return updateNotes(db, actor, id, body, ctx);
  const row = await loadVisible(db, actor, id);
  // The lines are read before the transaction; the version check inside it proves they are still these.
  if (row.version !== body.version) throw PlatformErrors.stale_version();
  const store = await storeOrFail(db, row.store_id);
  const stored = await linesOf(db, id);
  const patches = new Map(body.lines.map((l) => [l.id, l]));
  const unknown = body.lines.findIndex((l) => !stored.some((s) => s.id === l.id));
  if (unknown >= 0) {
    const path = `lines.${unknown}.id`;
    throw AppointmentErrors.unknown_reference({ field: path }, [{ path, message: 'no such line in this appointment' }]);
  }
  const updated = await reschedule(
    db,
    actor,
    id,
    { version: body.version, lines: linesInPlace(stored, store.timeZone, patches) },
    ctx,
    'front_desk',
    undefined,
    { notes: body.notes, staffRequested: stored.map((l) => l.staff_requested === 1) },
  );
  return dtoOf(db, store, updated, ctx.lang);
}

/**
 * Moves a booked or confirmed visit (new time, staff or services) with the same guarantees as a new
 * booking: its old time is free for itself, everything else must fit.
 */
export async function reschedule(
  db: Kysely<DB>,
  actor: Actor | null,
  id: string,
  body: { version?: number | undefined; lines: readonly LineInput[] },
  ctx: BookContext,
  mode: BookingMode,
  guard?: (row: AppointmentRow, settings: BookingSettings) => void,
  inPlace?: InPlace,
): Promise<AppointmentRow> {
  const first = await loadVisible(db, actor, id);
  const store = await storeOrFail(db, first.store_id);
  const { settings } = await loadSettings(db, store.id);
  const placeOpts = { mode, now: ctx.now, settings, excludeAppointmentId: id };
  const around = <T>(work: () => Promise<T>) => (inPlace ? work() : withAlternatives(db, store, body.lines, placeOpts, work));
  return around(async () => {
    const runs = await prepareVisit(db, store, body.lines, placeOpts);
    return withTransaction(db, async ({ tx, afterCommit }) => {
      const row = await loadVisible(tx, actor, id);
      assertVersion(row, body.version);
      if (!MOVABLE.has(row.status as Status)) throw AppointmentErrors.appointment_closed({ status: row.status });
      guard?.(row, settings);
      const placed = await placePrepared(tx, runs, settings);
      // An edit keeps who asked for whom ("any" lines stay "any" for the next move).
      if (inPlace) for (const [i, l] of placed.entries()) l.staffRequested = inPlace.staffRequested[i] ?? l.staffRequested;
      const before = await dtoOf(tx, store, row, ctx.lang);
      await releaseOccupancy(tx, id);
      await tx.deleteFrom('appointment_lines').where('appointment_id', '=', id).execute();
      const lines = lineRows(id, placed);
      await tx.insertInto('appointment_lines').values(lines).execute();
      await guardOccupancy(tx, id, lines, placed, settings.allowProcessingOverlap);
      const updated = await tx
        .updateTable('appointments')
        .set({
          start_at: Math.min(...placed.map((l) => l.start)),
          end_at: Math.max(...placed.map((l) => l.end)),
          reschedule_count: inPlace ? row.reschedule_count : row.reschedule_count + 1,
          ...(inPlace && inPlace.notes !== undefined ? { notes: inPlace.notes } : {}),
          version: row.version + 1,
          updated_at: ctx.now,
        })
        .where('id', '=', id)
        .where('version', '=', row.version)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw PlatformErrors.stale_version();
      if (!inPlace)
        await insertHistory(tx, {
          appointmentId: id,
          from: row.status,
          to: row.status,
          at: ctx.now,
          actorId: ctx.actorId,
          reason: 'rescheduled',
          startAt: updated.start_at,
        });
      await writeAudit(tx, ctx, {
        action: inPlace ? 'appointment.update' : 'appointment.reschedule',
        entityType: 'appointment',
        entityId: id,
        storeId: row.store_id,
        before,
        after: await dtoOf(tx, store, updated, ctx.lang),
      });
      if (updated.start_at !== row.start_at) await scheduleMessages(tx, updated, 'changed', settings, ctx.now, afterCommit);
      await flagWaitlistMatches(tx, store, settings, { start: row.start_at, end: row.end_at }, ctx.now);
      return updated;
    });
  });
}

export type StatusInput = { version?: number | undefined; reason?: string | undefined; waiveFee?: boolean | undefined };

/** Confirm, check in, start, complete, cancel or no-show, by the state machine and the store's fee policy. */
export async function changeStatus(
  db: Kysely<DB>,
  actor: Actor | null,
  id: string,
  action: Action,
  body: StatusInput,
  ctx: BookContext,
): Promise<AppointmentRow> {
  return withTransaction(db, async ({ tx, afterCommit }) => {
    const row = await loadVisible(tx, actor, id);
    const lines = await linesOf(tx, id);
    if (actor && !actor.permissions.has('appointments.write')) {
      // Technicians: check in, start and complete their own clients only.
      if (!TECHNICIAN_ACTIONS.has(action) || !lines.some((l) => l.staff_id === actor.staffId))
        throw PlatformErrors.forbidden({ permission: 'appointments.write' });
    }
    assertVersion(row, body.version);
    const t = transition(row.status as Status, action, ctx.now, row.start_at);
    if (!t.ok) {
      if (t.reason === 'no_show_too_early') throw AppointmentErrors.no_show_too_early();
      throw AppointmentErrors.invalid_status_transition({ from: t.from, to: t.to });
    }
    const { settings } = await loadSettings(tx, row.store_id);
    const total = lines.reduce((s, l) => s + lineTotal(l), 0);
    let fee: { kind: string; amount: number } | null = null;
    if (!body.waiveFee) {
      if (action === 'cancel' && isLateCancel(settings, ctx.now, row.start_at))
        fee = { kind: 'late_cancel', amount: feeFor(settings.lateCancelFee, total) };
      if (action === 'no_show') fee = { kind: 'no_show', amount: feeFor(settings.noShowFee, total) };
      if (fee && fee.amount === 0) fee = null;
    }
    const stamp = STAMP[t.to]!;
    const updated = await tx
      .updateTable('appointments')
      .set({
        status: t.to,
        [stamp.at]: ctx.now,
        [stamp.by]: ctx.actorId,
        ...(action === 'cancel' ? { cancel_reason: body.reason ?? null } : {}),
        ...(fee ? { fee_kind: fee.kind, fee_amount: fee.amount } : {}),
        version: row.version + 1,
        updated_at: ctx.now,
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw PlatformErrors.stale_version();
    if (t.releasesTime) {
      await releaseOccupancy(tx, id);
      await tx.updateTable('appointment_lines').set({ active: 0 }).where('appointment_id', '=', id).execute();
    }
    await insertHistory(tx, {
      appointmentId: id,
      from: row.status,
      to: t.to,
      at: ctx.now,
      actorId: ctx.actorId,
      reason: body.reason ?? null,
    });
    await writeAudit(tx, ctx, {
      action: `appointment.${action}`,
      entityType: 'appointment',
      entityId: id,
      storeId: row.store_id,
      before: { status: row.status },
      after: {
        status: t.to,
        ...(body.reason ? { reason: body.reason } : {}),
        ...(fee ? { fee } : {}),
        ...(body.waiveFee ? { feeWaived: true } : {}),
      },
    });
    if (action === 'cancel') await scheduleMessages(tx, updated, 'cancelled', settings, ctx.now, afterCommit);
    if (t.releasesTime && row.start_at > ctx.now) {
      const store = await storeOrFail(tx, row.store_id);
      await flagWaitlistMatches(tx, store, settings, { start: row.start_at, end: row.end_at }, ctx.now);
    }
    return updated;
  });
}
