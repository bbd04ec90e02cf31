// SQL of the appointments module. Everything takes an Executor, so it runs inside the caller's transaction.
import { type Insertable, type Selectable, sql } from 'kysely';
import { precompiled, precompiledInsert, precompiledShapes, valuesInRows } from '../../db/compiled.js';
import type {
  AppointmentLinesTable,
  AppointmentsTable,
  JobsTable,
  ResourceOccupancyTable,
  StaffOccupancyTable,
  WaitlistEntriesTable,
} from '../../db/tables.js';
import { type Executor, isPostgres } from '../../db/tx.js';
import { noteWrite } from '../../db/write-watch.js';
import { AUDIT_COLUMNS, type auditRow, insertAuditRow } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import { insertJobRows, JOB_COLUMNS, wakeWorkers } from '../../platform/jobs/index.js';
import { MAX_LINE_SPAN_MS, type ResourceBusy, type StaffBusy } from '../availability/index.js';
import { type BlockedRow, blockedBusy, blockedMarkers, blockedSelect } from '../rosters/index.js';
import { cachedForStore } from '../stores/index.js';
import { type BookingSettings, parseStoredSettings } from './settings.js';

export type AppointmentRow = Selectable<AppointmentsTable>;
export type LineRow = Selectable<AppointmentLinesTable>;
export type WaitlistRow = Selectable<WaitlistEntriesTable>;

export const findAppointment = (db: Executor, id: string) =>
  db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();

export const linesOf = (db: Executor, appointmentId: string) =>
  db.selectFrom('appointment_lines').selectAll().where('appointment_id', '=', appointmentId).orderBy('position').execute();

export async function linesByAppointment(db: Executor, ids: readonly string[]): Promise<Map<string, LineRow[]>> {
  const out = new Map<string, LineRow[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.selectFrom('appointment_lines').selectAll().where('appointment_id', 'in', chunk).orderBy('position').execute();
    for (const r of rows) {
      const list = out.get(r.appointment_id);
      if (list) list.push(r);
      else out.set(r.appointment_id, [r]);
    }
  }
  return out;
}

/** The store's booking settings (cached: see cachedForStore; the value is shared, do not change it). */
export function loadSettings(db: Executor, storeId: string): Promise<{ settings: BookingSettings; version: number }> {
  return cachedForStore(db, 'appointments.settings', storeId, async () => {
    const row = await db
      .selectFrom('store_booking_settings')
      .select(['settings', 'version'])
      .where('store_id', '=', storeId)
      .executeTakeFirst();
    return { settings: parseStoredSettings(row?.settings), version: row?.version ?? 0 };
  });
}

// A month of a busy salon is thousands of lines, and building one row object per line costs several
// times more than the query: one row per person instead, their lines packed as comma-separated numbers
// relative to `from` (short to print and parse; JSON.parse reads them natively). Lines without a
// processing gap (most) pack as "start,length", the others as "start,length,gapStart,gapEnd" in a second
// list. string_agg skips the NULLs of the CASE and reads the same on both engines. (Parentheses: SQLite
// binds || tighter than -.) Compiled once per number of staff (db/compiled.ts): every booking runs it.
type BusyShape = { staff: number; exclude: boolean };
const busyShapeKey = (v: BusyShape) => `${v.staff}:${v.exclude}`;
const staffBusySelect = (db: Executor, v: BusyShape, mark: (name: string) => any) => {
  const rel = sql<number>`(busy_start_at - ${mark('from')})`;
  const len = sql<number>`(busy_end_at - busy_start_at)`;
  const gapped = sql<boolean>`processing_start_at is not null and processing_end_at is not null`;
  const gap = sql<string>`(processing_start_at - busy_start_at) || ',' || (processing_end_at - busy_start_at)`;
  let q = db
    .selectFrom('appointment_lines')
    .select([
      'staff_id',
      sql<string | null>`string_agg(case when not (${gapped}) then ${rel} || ',' || ${len} end, ',')`.as('plain'),
      sql<string | null>`string_agg(case when ${gapped} then ${rel} || ',' || ${len} || ',' || ${gap} end, ',')`.as('gapped'),
    ])
    .where('active', '=', 1)
    .where(
      'staff_id',
      'in',
      Array.from({ length: v.staff }, (_, i) => mark(`s${i}`)),
    )
    .where('busy_start_at', '<', mark('to'))
    // Bounds the index range from below too (a store's whole history lies before `from`).
    .where('busy_start_at', '>', mark('lower'))
    .where('busy_end_at', '>', mark('from'))
    .groupBy('staff_id');
  if (v.exclude) q = q.where('appointment_id', '<>', mark('exclude'));
  return q;
};
const staffBusyQuery = precompiledShapes(busyShapeKey, staffBusySelect);

type StaffBusyRow = { staff_id: string; plain: string | null; gapped: string | null };
const busyMarkers = (staffIds: readonly string[], from: number, to: number, exclude: string | undefined) => {
  const values: Record<string, unknown> = { from, lower: from - MAX_LINE_SPAN_MS, to, exclude };
  return (name: string) => (name.startsWith('s') ? staffIds[Number(name.slice(1))] : values[name]);
};

/** Active lines of these staff members overlapping [from, to), as the engine's busy entries. */
export async function staffBusy(
  db: Executor,
  staffIds: readonly string[],
  from: number,
  to: number,
  excludeAppointmentId?: string,
): Promise<StaffBusy[]> {
  if (staffIds.length === 0) return [];
  const shape = { staff: staffIds.length, exclude: !!excludeAppointmentId };
  const { rows } = await staffBusyQuery(db, shape, busyMarkers(staffIds, from, to, excludeAppointmentId));
  return unpackStaffBusy(rows, from);
}

// PostgreSQL, inside a booking: the staff's lines and their blocked time in one round trip, each list as
// a json column. Both selects share the staff-id, from and to markers (same values).
const staffBusyAndBlockedQuery = precompiledShapes(busyShapeKey, (db, v, mark) =>
  db.selectNoFrom([
    sql<StaffBusyRow[]>`(select coalesce(json_agg(t), '[]') from (${staffBusySelect(db, v, mark)}) t)`.as('lines'),
    sql<BlockedRow[]>`(select coalesce(json_agg(t), '[]') from (${blockedSelect(db, v.staff, mark)}) t)`.as('blocked'),
  ]),
);

/** staffBusy plus the staff's blocked time (loadBlocked), in one statement; PostgreSQL only. */
export async function staffBusyAndBlocked(
  db: Executor,
  staffIds: readonly string[],
  from: number,
  to: number,
  excludeAppointmentId?: string,
): Promise<[StaffBusy[], StaffBusy[]]> {
  if (staffIds.length === 0) return [[], []];
  const shape = { staff: staffIds.length, exclude: !!excludeAppointmentId };
  const own = busyMarkers(staffIds, from, to, excludeAppointmentId);
  const blocked = blockedMarkers(from, to);
  const { rows } = await staffBusyAndBlockedQuery(db, shape, (name) => (name in blocked ? blocked[name] : own(name)));
  const row = rows[0]!;
  return [unpackStaffBusy(row.lines, from), row.blocked.map(blockedBusy)];
}

function unpackStaffBusy(rows: readonly StaffBusyRow[], from: number): StaffBusy[] {
  const out: StaffBusy[] = [];
  for (const row of rows) {
    const staffId = row.staff_id;
    if (row.plain) {
      const v = JSON.parse(`[${row.plain}]`) as number[];
      for (let i = 0; i < v.length; i += 2) {
        const start = from + v[i]!;
        out.push({ staffId, start, end: start + v[i + 1]!, processing: null, kind: 'appointment' });
      }
    }
    if (row.gapped) {
      const v = JSON.parse(`[${row.gapped}]`) as number[];
      for (let i = 0; i < v.length; i += 4) {
        const start = from + v[i]!;
        out.push({
          staffId,
          start,
          end: start + v[i + 1]!,
          processing: { start: start + v[i + 2]!, end: start + v[i + 3]! },
          kind: 'appointment',
        });
      }
    }
  }
  return out;
}

export async function resourceBusy(
  db: Executor,
  resourceIds: readonly string[],
  from: number,
  to: number,
  excludeAppointmentId?: string,
): Promise<ResourceBusy[]> {
  if (resourceIds.length === 0) return [];
  let q = db
    .selectFrom('resource_occupancy')
    .select(['resource_id', 'start_at', 'end_at'])
    .where('resource_id', 'in', resourceIds)
    .where('start_at', '<', to)
    .where('start_at', '>', from - MAX_LINE_SPAN_MS)
    .where('end_at', '>', from);
  if (excludeAppointmentId) q = q.where('appointment_id', '<>', excludeAppointmentId);
  const rows = await q.execute();
  return rows.map((r) => ({ resourceId: r.resource_id, start: r.start_at, end: r.end_at }));
}

/** The store's active rooms, beds and chairs. */
export const storeResources = (db: Executor, storeId: string) =>
  db
    .selectFrom('resources')
    .select(['id', 'type'])
    .where('store_id', '=', storeId)
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();

// Every booking writes these: compiled once (db/compiled.ts). The plugin that watches writes to busy-time
// tables does not see precompiled statements, so they tell it (noteWrite) before and after.
const APPOINTMENT_COLUMNS = [
  'id',
  'store_id',
  'client_id',
  'status',
  'source',
  'notes',
  'start_at',
  'end_at',
  'cancel_reason',
  'fee_kind',
  'fee_amount',
  'reschedule_count',
  'manage_nonce',
  'created_by',
  'confirmed_at',
  'confirmed_by',
  'checked_in_at',
  'checked_in_by',
  'started_at',
  'started_by',
  'completed_at',
  'completed_by',
  'cancelled_at',
  'cancelled_by',
  'no_show_at',
  'no_show_by',
  'version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof AppointmentsTable)[];
const LINE_COLUMNS = [
  'id',
  'appointment_id',
  'position',
  'service_id',
  'staff_id',
  'staff_requested',
  'resource_id',
  'parallel_with_previous',
  'start_at',
  'end_at',
  'busy_start_at',
  'busy_end_at',
  'buffer_before_min',
  'buffer_after_min',
  'processing_start_at',
  'processing_end_at',
  'duration_min',
  'price',
  'active',
  'add_ons',
  'custom_duration',
] as const satisfies readonly (keyof AppointmentLinesTable)[];
const OCCUPANCY_COLUMNS = ['id', 'appointment_id', 'line_id', 'staff_id', 'start_at', 'end_at'] as const;

const insertAppointmentRow = precompiledInsert<Insertable<AppointmentsTable>>(APPOINTMENT_COLUMNS, (db, rows) =>
  db.insertInto('appointments').values(rows),
);
const insertLineRows = precompiledInsert<Insertable<AppointmentLinesTable>>(LINE_COLUMNS, (db, rows) =>
  db.insertInto('appointment_lines').values(rows),
);
const insertStaffOccupancy = precompiledInsert<Insertable<StaffOccupancyTable>>(OCCUPANCY_COLUMNS, (db, rows) =>
  db.insertInto('staff_occupancy').values(rows),
);

/** Runs a precompiled write to a busy-time table, telling write-watch (see noteWrite). */
async function busyWrite<T>(write: () => Promise<T>): Promise<T> {
  noteWrite('busy');
  try {
    return await write();
  } finally {
    noteWrite('busy');
  }
}

/** Writes a new appointment and its lines. Each row carries every column (null where empty). */
export async function insertAppointment(
  db: Executor,
  row: Insertable<AppointmentsTable>,
  lines: Insertable<AppointmentLinesTable>[],
): Promise<void> {
  await insertAppointmentRow(db, [row]);
  if (lines.length) await busyWrite(() => insertLineRows(db, lines));
}

export type StaffOccupancy = Omit<Insertable<StaffOccupancyTable>, 'id'>;
export type ResourceOccupancy = Omit<Insertable<ResourceOccupancyTable>, 'id'>;

/** Occupancy rows with ids, in a fixed order (by key, then start) so concurrent visits queue, not deadlock. */
function orderedOccupancy(staff: readonly StaffOccupancy[], resources: readonly ResourceOccupancy[]) {
  const byKey =
    <T extends { start_at: number }>(key: (r: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.start_at - b.start_at;
  return {
    staff: [...staff].sort(byKey((r) => r.staff_id)).map((r) => ({ ...r, id: newId() })),
    resources: [...resources].sort(byKey((x) => x.resource_id)).map((x) => ({ ...x, id: newId() })),
  };
}

/**
 * Writes what the lines take from staff and resources. This is the statement the database refuses on an
 * overlap (exclusion constraint on PostgreSQL, trigger on SQLite).
 */
export async function insertOccupancy(db: Executor, staff: StaffOccupancy[], resources: ResourceOccupancy[]): Promise<void> {
  const { staff: s, resources: r } = orderedOccupancy(staff, resources);
  if (s.length) await busyWrite(() => insertStaffOccupancy(db, s));
  if (r.length) await db.insertInto('resource_occupancy').values(r).execute();
}

/** Frees the time of an appointment (cancel, no-show, before a reschedule writes new rows). */
export async function releaseOccupancy(db: Executor, appointmentId: string): Promise<void> {
  await db.deleteFrom('staff_occupancy').where('appointment_id', '=', appointmentId).execute();
  await db.deleteFrom('resource_occupancy').where('appointment_id', '=', appointmentId).execute();
}

const HISTORY_COLUMNS = ['id', 'appointment_id', 'from_status', 'to_status', 'at', 'actor_id', 'reason', 'start_at'] as const;
const insertHistoryRow = precompiled(HISTORY_COLUMNS, (db, p) => db.insertInto('appointment_status_history').values(p));

export type HistoryEntry = {
  appointmentId: string;
  from: string | null;
  to: string;
  at: number;
  actorId: string | null;
  reason?: string | null;
  startAt?: number | null;
};

const historyRow = (entry: HistoryEntry) => ({
  id: newId(),
  appointment_id: entry.appointmentId,
  from_status: entry.from,
  to_status: entry.to,
  at: entry.at,
  actor_id: entry.actorId,
  reason: entry.reason ?? null,
  start_at: entry.startAt ?? null,
});

export async function insertHistory(db: Executor, entry: HistoryEntry): Promise<void> {
  await insertHistoryRow(db, historyRow(entry));
}

type VisitRows = {
  a: readonly Insertable<AppointmentsTable>[];
  l: readonly Insertable<AppointmentLinesTable>[];
  so: readonly Insertable<StaffOccupancyTable>[];
  ro: readonly Insertable<ResourceOccupancyTable>[];
  h: readonly object[];
  j: readonly object[];
  audit: readonly object[];
};
const VISIT_TABLES = [
  { key: 'a', table: 'appointments', columns: APPOINTMENT_COLUMNS },
  { key: 'l', table: 'appointment_lines', columns: LINE_COLUMNS },
  { key: 'so', table: 'staff_occupancy', columns: OCCUPANCY_COLUMNS },
  { key: 'ro', table: 'resource_occupancy', columns: ['id', 'appointment_id', 'line_id', 'resource_id', 'start_at', 'end_at'] },
  { key: 'h', table: 'appointment_status_history', columns: HISTORY_COLUMNS },
  { key: 'j', table: 'jobs', columns: JOB_COLUMNS },
] as const;

// PostgreSQL, one statement (one round trip instead of five or six): WITH (INSERT the appointment), (its
// lines), (staff and resource occupancy: the exclusion constraints refuse an overlap here as they would a
// statement of their own), (the status history row), (the message jobs) INSERT INTO audit_log ….
// Compiled once per row counts.
const visitStatement = precompiledShapes(
  (n: Record<keyof VisitRows, number>) => `${n.l}.${n.so}.${n.ro}.${n.j}`,
  (db, n, mark) => {
    const rows = (key: string, count: number, columns: readonly string[]) =>
      Array.from({ length: count }, (_, i) => Object.fromEntries(columns.map((c) => [c, mark(`${key}.${i}.${c}`)])));
    let q: any = db;
    for (const t of VISIT_TABLES) {
      if (n[t.key] === 0) continue;
      // Jobs as enqueueAll writes them: a fixed id already there is left alone.
      q = q.with(`new_${t.table}`, (qc: any) => {
        const insert = qc.insertInto(t.table).values(rows(t.key, n[t.key], t.columns));
        return t.key === 'j' ? insert.onConflict((oc: any) => oc.column('id').doNothing()) : insert;
      });
    }
    return q.insertInto('audit_log').values(rows('audit', 1, AUDIT_COLUMNS)[0]);
  },
);

/**
 * Writes a new visit: the appointment, its lines, their occupancy (the statement the database refuses on an
 * overlap: let the caller map that, for the whole transaction), its first history row, its audit row and its
 * message jobs (woken after commit). One statement on PostgreSQL, sent with the transaction's next one; one
 * by one on SQLite, where a statement costs no round trip.
 */
export async function insertNewVisit(
  db: Executor,
  visit: {
    row: Insertable<AppointmentsTable>;
    lines: Insertable<AppointmentLinesTable>[];
    staff: StaffOccupancy[];
    resources: ResourceOccupancy[];
    history: HistoryEntry;
    audit: ReturnType<typeof auditRow>;
    /** Rows from jobRows (enqueue.ts); the workers are woken after commit. */
    jobs: readonly Insertable<JobsTable>[];
    afterCommit?: (fn: () => void) => void;
  },
): Promise<void> {
  if (!isPostgres(db)) {
    await insertAppointment(db, visit.row, visit.lines);
    await insertOccupancy(db, visit.staff, visit.resources);
    await insertHistory(db, visit.history);
    await insertAuditRow(db, visit.audit);
    await insertJobRows(db, visit.jobs, visit.afterCommit);
    return;
  }
  const occ = orderedOccupancy(visit.staff, visit.resources);
  const rows: VisitRows = {
    a: [visit.row],
    l: visit.lines,
    so: occ.staff,
    ro: occ.resources,
    h: [historyRow(visit.history)],
    j: visit.jobs,
    audit: [visit.audit],
  };
  const counts = { a: 1, l: rows.l.length, so: rows.so.length, ro: rows.ro.length, h: 1, j: rows.j.length, audit: 1 };
  // Lines and occupancy are busy-time tables, which write-watch cannot see in a precompiled statement.
  // Held back until the transaction's next statement, normally its COMMIT (one network write less): an
  // overlap is then refused there, so the caller maps the error of the whole transaction.
  await busyWrite(() => visitStatement(db, counts, valuesInRows(rows), { atCommit: true }));
  if (visit.jobs.length) visit.afterCommit?.(wakeWorkers);
}

export const historyOf = (db: Executor, appointmentId: string) =>
  db.selectFrom('appointment_status_history').selectAll().where('appointment_id', '=', appointmentId).orderBy('id').execute();

/** Display names of staff (the calendar and the booking page show these, never emails). */
export async function staffNames(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, { name: string; displayName: string; active: boolean }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name', 'display_name', 'active']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, displayName: r.display_name, active: r.active === 1 }]));
}

export type ClientSummary = {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  phone: string | null;
  email: string | null;
  language: string;
  /** The client has an allergies reminder (preferences): a flag only, never its text. */
  allergyFlag: boolean;
  /** Merged into another card: no longer bookable. */
  merged: boolean;
};

const clientSummaryQuery = (db: Executor, ids: readonly unknown[]) =>
  db
    .selectFrom('clients')
    .select(['id', 'first_name', 'last_name', 'preferred_name', 'phone', 'email', 'language', 'merged_into_id'])
    .select(sql<number>`case when coalesce(allergy_reminder, '') <> '' then 1 else 0 end`.as('allergy_flag'))
    .where('id', 'in', ids as string[]);
const oneClientSummary = precompiled(['id'], (db, p) => clientSummaryQuery(db, [p.id]));

export async function clientSummaries(db: Executor, ids: readonly (string | null)[]): Promise<Map<string, ClientSummary>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  const out = new Map<string, ClientSummary>();
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    // One client (every booking) through a compiled statement; a feed's clients in chunks.
    const rows = chunk.length === 1 ? (await oneClientSummary(db, { id: chunk[0] })).rows : await clientSummaryQuery(db, chunk).execute();
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        firstName: r.first_name,
        lastName: r.last_name,
        preferredName: r.preferred_name,
        phone: r.phone,
        email: r.email,
        language: r.language,
        allergyFlag: Number(r.allergy_flag) === 1,
        merged: r.merged_into_id !== null,
      });
    }
  }
  return out;
}

/**
 * Current marketing/contact consent per channel: the latest entry of the client's consent history
 * (modules/clients keeps it append-only). `null` when the client never answered.
 */
export async function currentConsent(db: Executor, clientId: string): Promise<{ sms: boolean | null; email: boolean | null }> {
  const rows = await db
    .selectFrom('client_consents')
    .select(['channel', 'granted', 'at', 'id'])
    .where('client_id', '=', clientId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const latest = (channel: string) => {
    const r = rows.find((x) => x.channel === channel);
    return r ? r.granted === 1 : null;
  };
  return { sms: latest('sms'), email: latest('email') };
}

export const findWaitlistEntry = (db: Executor, id: string) =>
  db.selectFrom('waitlist_entries').selectAll().where('id', '=', id).executeTakeFirst();
