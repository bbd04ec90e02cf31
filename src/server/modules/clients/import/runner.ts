// Running an import: batches of rows, each committed in its own transaction with the progress counters,
// so 50,000 rows make ~100 commits, a crash resumes after the last committed batch, and a row that fails
// to save is rolled back alone (the batch is retried without it) without touching committed rows.
import { sql } from 'kysely';
import { type Tx, withTransaction } from '../../../db/tx.js';
import type { Deps } from '../../../deps.js';
import { type AuditContext, writeAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import { type JobContext, type JobHandler, PermanentJobError } from '../../../platform/jobs/index.js';
import { type InsertResult, insertClients, tagsByClient, updateClient, writeConsents } from '../index.js';
import { consentsOf, fetchLookups, type ImportEnv, loadEnv, toNewClient, toPatch } from './env.js';
import { mapRow, type RowResult } from './mapping.js';
import { readFile } from './parse.js';
import { type Decision, Planner, skipParams } from './plan.js';
import {
  addNoteOnce,
  findImport,
  insertLinks,
  insertNotes,
  insertReportRows,
  latestConsents,
  loadFile,
  type NewNote,
  type ReportRow,
} from './repo.js';

export const IMPORT_JOB_KIND = 'clients.import';
export const BATCH_SIZE = 500;
/** More rows than this failing to save in one batch is not bad data but a broken database: retry the job. */
export const MAX_SAVE_FAILURES_PER_BATCH = 25;
/** An import that wrote at least this many clients refreshes the planner statistics (PostgreSQL: VACUUM ANALYZE). */
export const ANALYZE_AFTER_ROWS = 1_000;

export type RunOptions = { batchSize?: number; maxSaveFailuresPerBatch?: number; analyzeAfterRows?: number };

export type ImportJobPayload = { importId: string; actorId: string | null; ip: string | null; requestId: string | null };

/** The handler to register with the job worker: `handlers: { [IMPORT_JOB_KIND]: importJobHandler(deps) }`. */
export function importJobHandler(deps: Pick<Deps, 'database' | 'clock'>): JobHandler {
  return async (payload: unknown, job: JobContext) => {
    const p = payload as ImportJobPayload;
    if (!p || typeof p.importId !== 'string') throw new PermanentJobError('clients.import: payload without importId');
    try {
      await runImport(deps, p);
    } catch (err) {
      if (job.attempt >= job.maxAttempts || err instanceof PermanentJobError) await markFailed(deps, p.importId, err);
      throw err;
    }
  };
}

class RowSaveError extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super('row could not be saved');
  }
}

const yearOf = (ms: number) => new Date(ms).getUTCFullYear();
/** Spreadsheet row number of the i-th data record: the header is row 1. */
export const rowNumber = (index: number) => index + 2;

/** Runs (or resumes) an import to the end. Safe to call again: committed batches are not redone. */
export async function runImport(deps: Pick<Deps, 'database' | 'clock'>, p: ImportJobPayload, opts: RunOptions = {}): Promise<void> {
  const batchSize = opts.batchSize ?? BATCH_SIZE;
  const maxSaveFailures = opts.maxSaveFailuresPerBatch ?? MAX_SAVE_FAILURES_PER_BATCH;
  const db = deps.database.db;
  const imp = await findImport(db, p.importId);
  if (!imp) throw new PermanentJobError(`clients.import: no import ${p.importId}`);
  if (imp.status === 'done') return;
  const startedAt = deps.clock.now();
  await db
    .updateTable('client_imports')
    .set({ status: 'running', started_at: imp.started_at ?? startedAt, updated_at: startedAt, error: null })
    .where('id', '=', imp.id)
    .execute();
  const file = readFile(await loadFile(db, imp.id), { encoding: imp.encoding as never, delimiter: imp.delimiter as never });
  const env = await loadEnv(db, imp, yearOf(startedAt));
  const planner = new Planner(env.options.duplicatePolicy, env.source);
  const audit = (now: number): AuditContext => ({ actorId: p.actorId, ip: p.ip, requestId: p.requestId, now });

  for (let start = imp.processed; start < file.rows.length; start += batchSize) {
    const rows = file.rows.slice(start, start + batchSize);
    const mapped = rows.map((cells) => mapRow(cells, env.mapping, env.mapCtx));
    const saveFailures = new Map<number, unknown>();
    let bulk = true;
    for (;;) {
      try {
        await withTransaction(db, ({ tx }) =>
          runBatch(tx, { importId: imp.id, start, rows, mapped, saveFailures, env, planner, ctx: audit(deps.clock.now()), bulk }),
        );
        planner.commit();
        // better-sqlite3 is synchronous: without a turn of the event loop between batches, no other request
        // (the wizard polling progress, the front desk checking a client in) would be served until the end.
        await new Promise<void>((resolve) => setImmediate(resolve));
        break;
      } catch (err) {
        planner.rollback();
        if (err instanceof RowSaveError && saveFailures.size < maxSaveFailures) {
          saveFailures.set(err.index, err.cause);
          continue;
        }
        // The database refused something in a multi-row INSERT: redo the batch one client at a time to find the row.
        if (bulk && !(err instanceof RowSaveError)) {
          bulk = false;
          continue;
        }
        throw err instanceof RowSaveError ? err.cause : err;
      }
    }
  }

  const done = await withTransaction(db, async ({ tx }) => {
    const now = deps.clock.now();
    const done = await tx
      .updateTable('client_imports')
      .set({ status: 'done', finished_at: now, updated_at: now, version: imp.version + 1 })
      .where('id', '=', imp.id)
      .returning(['created', 'updated', 'skipped', 'failed', 'processed'])
      .executeTakeFirstOrThrow();
    // The uploaded file is not needed any more (the report keeps the rows not imported): do not keep client data twice.
    await tx.deleteFrom('client_import_files').where('import_id', '=', imp.id).execute();
    await writeAudit(tx, audit(now), {
      action: 'client.import.complete',
      entityType: 'client_import',
      entityId: imp.id,
      storeId: imp.store_id,
      after: { ...done, fileName: imp.file_name },
    });
    return done;
  });
  // Thousands of new clients at once: do now what PostgreSQL's autovacuum does at its next turn — fresh
  // statistics, so search and list plans are not made from the counts of a (nearly) empty table, and the
  // visibility map, so the search-term index scans need not visit the table. (Outside any transaction.)
  if (deps.database.dialect === 'postgres' && done.created + done.updated >= (opts.analyzeAfterRows ?? ANALYZE_AFTER_ROWS)) {
    await sql`vacuum (analyze) clients, client_search_terms, client_tags`.execute(db);
  }
}

type BatchInput = {
  importId: string;
  start: number;
  rows: string[][];
  mapped: RowResult[];
  saveFailures: Map<number, unknown>;
  env: ImportEnv;
  planner: Planner;
  ctx: AuditContext;
  /** Bulk: new clients go in with insertClients' multi-row INSERTs. Single: one at a time, to find a row the database refuses. */
  bulk: boolean;
};

type CreateDecision = Extract<Decision, { kind: 'create' }>;
type UpdateDecision = Extract<Decision, { kind: 'update' }>;
const NEW = 'new:';

async function runBatch(tx: Tx, b: BatchInput): Promise<void> {
  const { env, ctx } = b;
  const lookups = await fetchLookups(tx, b.mapped, env.source);
  const counts = { created: 0, updated: 0, skipped: 0, failed: 0 };
  const report: ReportRow[] = [];
  const links: Array<{ key: string; client_id: string; import_id: string; created_at: number }> = [];
  const notes: NewNote[] = [];
  const opts = { checkDuplicates: false, audit: false, fieldDefs: env.fieldDefs, countryByStore: env.countryByStore };
  const cellsOf = (i: number) => JSON.stringify(b.rows[i]);
  const failed = (i: number, err: unknown) => {
    counts.failed++;
    report.push({
      import_id: b.importId,
      row_number: rowNumber(b.start + i),
      outcome: 'failed',
      reason: 'save_failed',
      details: JSON.stringify(saveFailure(err)),
      client_id: null,
      cells: cellsOf(i),
    });
  };
  const created = (d: CreateDecision, clientId: string) => {
    counts.created++;
    for (const key of d.links) links.push({ key, client_id: clientId, import_id: b.importId, created_at: ctx.now });
    if (d.draft.notes) notes.push({ clientId, body: d.draft.notes, authorId: ctx.actorId, storeId: d.draft.homeStoreId, now: ctx.now });
  };
  const update = async (i: number, d: UpdateDecision, clientId: string) => {
    try {
      const tags = (await tagsByClient(tx, [clientId])).get(clientId) ?? [];
      await updateClient(tx, clientId, toPatch(d.draft, tags), ctx, opts);
      const current = (await latestConsents(tx, [clientId])).get(clientId) ?? {};
      const changed = consentsOf(d.draft, env, ctx.now).filter((c) => current[c.channel] !== c.granted);
      if (changed.length) await writeConsents(tx, clientId, changed, ctx);
      if (d.draft.notes)
        await addNoteOnce(tx, { clientId, body: d.draft.notes, authorId: ctx.actorId, storeId: d.draft.homeStoreId, now: ctx.now });
    } catch (err) {
      throw new RowSaveError(i, err);
    }
    counts.updated++;
    for (const key of d.links) links.push({ key, client_id: clientId, import_id: b.importId, created_at: ctx.now });
  };

  // Decide every row in file order. In bulk mode new clients wait for one insertClients call; an update of a
  // client created earlier in this batch holds a placeholder id until then.
  const creates: Array<{ i: number; d: CreateDecision }> = [];
  const updates: Array<{ i: number; d: UpdateDecision }> = [];
  for (let i = 0; i < b.rows.length; i++) {
    const row = rowNumber(b.start + i);
    if (b.saveFailures.has(i)) {
      failed(i, b.saveFailures.get(i));
      continue;
    }
    const d: Decision = b.planner.decide(row, b.mapped[i]!, lookups);
    if (d.kind === 'fail') {
      counts.failed++;
      report.push({
        import_id: b.importId,
        row_number: row,
        outcome: 'failed',
        reason: d.issues[0]!.code,
        details: JSON.stringify({ issues: d.issues, warnings: d.warnings }),
        client_id: null,
        cells: cellsOf(i),
      });
    } else if (d.kind === 'skip') {
      counts.skipped++;
      report.push({
        import_id: b.importId,
        row_number: row,
        outcome: 'skipped',
        reason: d.reason,
        details: JSON.stringify(skipParams(d)),
        client_id: d.clientId,
        cells: cellsOf(i),
      });
    } else if (d.kind === 'create' && b.bulk) {
      creates.push({ i, d });
      b.planner.record(d, `${NEW}${i}`);
    } else if (d.kind === 'create') {
      let result: InsertResult;
      try {
        [result] = (await insertClients(tx, [toNewClient(d.draft, env, ctx.now)], ctx, opts)) as [InsertResult];
      } catch (err) {
        throw new RowSaveError(i, err);
      }
      if (!result.ok) failed(i, result.error);
      else {
        created(d, result.client.id);
        b.planner.record(d, result.client.id);
      }
    } else if (b.bulk) {
      updates.push({ i, d });
      b.planner.record(d, d.clientId);
    } else {
      await update(i, d, d.clientId);
      b.planner.record(d, d.clientId);
    }
  }

  if (b.bulk) {
    const results = creates.length
      ? await insertClients(
          tx,
          creates.map((c) => toNewClient(c.d.draft, env, ctx.now)),
          ctx,
          opts,
        )
      : [];
    const ids = new Map<string, string | null>();
    const errors = new Map<string, unknown>();
    results.forEach((r, k) => {
      const { i, d } = creates[k]!;
      if (r.ok) {
        ids.set(`${NEW}${i}`, r.client.id);
        created(d, r.client.id);
      } else {
        ids.set(`${NEW}${i}`, null);
        errors.set(`${NEW}${i}`, r.error);
        failed(i, r.error);
      }
    });
    b.planner.resolve(ids);
    for (const { i, d } of updates) {
      const id = d.clientId.startsWith(NEW) ? ids.get(d.clientId) : d.clientId;
      // The earlier row this one updates could not be created: this one fails for the same reason.
      if (!id) failed(i, errors.get(d.clientId));
      else await update(i, d, id);
    }
  }

  await insertNotes(tx, notes);
  await insertReportRows(tx, report);
  await insertLinks(tx, links);
  await tx
    .updateTable('client_imports')
    .set({
      processed: b.start + b.rows.length,
      created: sql<number>`created + ${counts.created}`,
      updated: sql<number>`updated + ${counts.updated}`,
      skipped: sql<number>`skipped + ${counts.skipped}`,
      failed: sql<number>`failed + ${counts.failed}`,
      updated_at: ctx.now,
    })
    .where('id', '=', b.importId)
    .execute();
}

/** What to tell the user about a row the clients module refused (code and params, rendered per language later). */
function saveFailure(err: unknown): { code: string; params: Record<string, string | number>; errors: unknown[] } {
  if (err instanceof AppError) return { code: err.code, params: err.params, errors: err.errors };
  return { code: 'conflict', params: {}, errors: [] };
}

async function markFailed(deps: Pick<Deps, 'database' | 'clock'>, importId: string, err: unknown): Promise<void> {
  const now = deps.clock.now();
  const message = err instanceof Error ? err.message : String(err);
  await deps.database.db
    .updateTable('client_imports')
    .set({ status: 'failed', error: message.slice(0, 500), finished_at: now, updated_at: now })
    .where('id', '=', importId)
    .where('status', '!=', 'done')
    .execute();
}
