// The import's life: upload (read and detect), mapping, dry run, run (as a background job). Report: report.ts.
import { createHash } from 'node:crypto';
import { type Executor, withTransaction } from '../../../db/tx.js';
import type { Deps } from '../../../deps.js';
import { type Actor, assertStore } from '../../../http/actor.js';
import { type AuditContext, writeAudit } from '../../../platform/audit.js';
import { PlatformErrors } from '../../../platform/errors.js';
import type { Language } from '../../../platform/i18n.js';
import { newId } from '../../../platform/ids.js';
import { enqueue } from '../../../platform/jobs/index.js';
import { formatPhone, loadFieldDefs } from '../index.js';
import { fetchLookups, loadEnv } from './env.js';
import { ImportErrors, mappingInvalid } from './errors.js';
import { formatPartialDate } from './fields.js';
import { type ClientDraft, type ColumnMap, type FieldKey, identifies, type Mapping, mapRow, outOfRange, type RowIssue } from './mapping.js';
import { type ReadFile, readFile } from './parse.js';
import { Planner, skipParams } from './plan.js';
import { detectPreset, PRESETS, type PresetId, suggestMapping } from './presets.js';
import { describeIssue, describeReason, type Problem } from './reasons.js';
import { findImport, type ImportRow, insertImport, loadFile } from './repo.js';
import { BATCH_SIZE, IMPORT_JOB_KIND, type ImportJobPayload, rowNumber } from './runner.js';
import { DELIMITER_NAMES, delimiterName, type ImportOptions, MAX_IMPORT_BYTES, type MappingBody } from './schemas.js';

const SAMPLE_ROWS = 5;
const isoUtc = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toImportDto(row: ImportRow) {
  const options = JSON.parse(row.options) as ImportOptions;
  const mapping = JSON.parse(row.mapping) as Mapping;
  const total = row.row_count;
  return {
    id: row.id,
    storeId: row.store_id,
    status: row.status,
    fileName: row.file_name,
    fileSize: row.file_size,
    encoding: row.encoding,
    detectedEncoding: row.detected_encoding,
    encodingConfident: row.encoding_confident === 1,
    delimiter: delimiterName(row.delimiter),
    preset: row.preset,
    presetName: PRESETS[row.preset as PresetId]?.name ?? row.preset,
    headers: JSON.parse(row.headers) as string[],
    sampleRows: options.sample,
    rowCount: total,
    mapping: { fields: mapping.fields, custom: mapping.custom },
    dateFormat: options.dateFormat,
    nameOrder: options.nameOrder,
    duplicatePolicy: options.duplicatePolicy,
    progress: {
      total,
      processed: row.processed,
      created: row.created,
      updated: row.updated,
      skipped: row.skipped,
      failed: row.failed,
      percent: total === 0 ? 100 : Math.floor((row.processed / total) * 100),
    },
    error: row.error,
    version: row.version,
    createdAt: isoUtc(row.created_at),
    startedAt: isoUtc(row.started_at),
    finishedAt: isoUtc(row.finished_at),
    reportUrl: `/api/v1/clients/import/${row.id}/report.csv`,
  };
}
export type ImportDto = ReturnType<typeof toImportDto>;

/** An import the actor may see: one of their stores (owners: all). Others' are 404, not 403. */
export async function loadVisible(db: Executor, actor: Actor, id: string): Promise<ImportRow> {
  const row = await findImport(db, id);
  if (!row || (!actor.allStores && !actor.storeIds.includes(row.store_id))) throw PlatformErrors.not_found();
  return row;
}

export async function getImport(deps: Deps, actor: Actor, id: string): Promise<ImportDto> {
  return toImportDto(await loadVisible(deps.database.db, actor, id));
}

const customKeysOf = async (db: Executor) => (await loadFieldDefs(db)).filter((d) => !d.archived).map((d) => d.key);

/** Reads the file, detects encoding, delimiter and preset, suggests a mapping, and stores it all. */
export async function createImport(
  deps: Deps,
  actor: Actor,
  input: { storeId: string; fileName: string | null; bytes: Buffer },
  ctx: AuditContext,
): Promise<ImportDto> {
  assertStore(actor, input.storeId);
  const db = deps.database.db;
  const store = await db.selectFrom('stores').select('id').where('id', '=', input.storeId).executeTakeFirst();
  if (!store) throw PlatformErrors.not_found();
  if (input.bytes.length > MAX_IMPORT_BYTES) throw PlatformErrors.payload_too_large();
  const file = readFile(input.bytes);
  const preset = detectPreset(file.headers).id;
  const mapping = suggestMapping(file.headers, preset, await customKeysOf(db));
  const p = PRESETS[preset];
  const options: ImportOptions = {
    dateFormat: p.dateFormat,
    nameOrder: p.nameOrder,
    duplicatePolicy: 'skip',
    tagSeparators: p.tagSeparators,
    sample: file.rows.slice(0, SAMPLE_ROWS),
  };
  const id = newId();
  return withTransaction(db, async ({ tx }) => {
    await insertImport(
      tx,
      {
        id,
        store_id: input.storeId,
        status: 'uploaded',
        file_name: input.fileName,
        file_size: input.bytes.length,
        file_sha256: createHash('sha256').update(input.bytes).digest('hex'),
        ...fileColumns(file),
        preset,
        options: JSON.stringify(options),
        mapping: JSON.stringify(mapping),
        processed: 0,
        created: 0,
        updated: 0,
        skipped: 0,
        failed: 0,
        error: null,
        job_id: null,
        started_at: null,
        finished_at: null,
        created_by: actor.staffId,
        version: 1,
        created_at: ctx.now,
        updated_at: ctx.now,
      },
      input.bytes,
    );
    const row = (await findImport(tx, id))!;
    await writeAudit(tx, ctx, {
      action: 'client.import.upload',
      entityType: 'client_import',
      entityId: id,
      storeId: input.storeId,
      after: { fileName: input.fileName, fileSize: input.bytes.length, rows: file.rows.length, encoding: file.encoding, preset },
    });
    return toImportDto(row);
  });
}

function fileColumns(file: ReadFile) {
  return {
    encoding: file.encoding,
    detected_encoding: file.detectedEncoding,
    encoding_confident: file.encodingConfident ? (1 as const) : (0 as const),
    delimiter: file.delimiter,
    headers: JSON.stringify(file.headers),
    row_count: file.rows.length,
  };
}

function assertEditable(row: ImportRow): void {
  if (row.status === 'queued' || row.status === 'running') throw ImportErrors.import_running();
  if (row.status !== 'uploaded') throw ImportErrors.import_finished();
}

const asColumns = (v: number | number[] | null | undefined) =>
  v === null || v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v];

/** Checks a mapping against the file: columns must exist, something must identify a client, custom keys must be fields. */
function checkMapping(mapping: Mapping, columnCount: number, customKeys: readonly string[]): void {
  const bad = outOfRange(mapping, columnCount)[0];
  if (bad) throw mappingInvalid('column_out_of_range', bad.path, { column: bad.column, count: columnCount });
  const unknown = Object.keys(mapping.custom).find((k) => !customKeys.includes(k));
  if (unknown) throw mappingInvalid('unknown_custom_field', `custom.${unknown}`, { key: unknown });
  if (!identifies(mapping.fields)) throw mappingInvalid('no_identity', 'fields');
}

/** Changes the mapping and options (re-reading the file when the encoding or delimiter changes). */
export async function setMapping(deps: Deps, actor: Actor, id: string, body: MappingBody, ctx: AuditContext): Promise<ImportDto> {
  const db = deps.database.db;
  const current = await loadVisible(db, actor, id);
  assertEditable(current);
  if (body.version !== undefined && body.version !== current.version) throw PlatformErrors.stale_version();
  let options = JSON.parse(current.options) as ImportOptions;
  let mapping = JSON.parse(current.mapping) as Mapping;
  let preset = current.preset as PresetId;
  const customKeys = await customKeysOf(db);
  let fileCols: ReturnType<typeof fileColumns> | null = null;
  let headers = JSON.parse(current.headers) as string[];
  const encoding = body.encoding ?? current.encoding;
  const delimiter = body.delimiter ? DELIMITER_NAMES[body.delimiter] : current.delimiter;
  if (encoding !== current.encoding || delimiter !== current.delimiter) {
    const file = readFile(await loadFile(db, id), { encoding: encoding as never, delimiter: delimiter as never });
    fileCols = fileColumns(file);
    headers = file.headers;
    options = { ...options, sample: file.rows.slice(0, SAMPLE_ROWS) };
    if (!body.preset) preset = detectPreset(headers).id;
    mapping = suggestMapping(headers, preset, customKeys);
  }
  if (body.preset) {
    preset = body.preset;
    const p = PRESETS[preset];
    mapping = suggestMapping(headers, preset, customKeys);
    options = { ...options, dateFormat: p.dateFormat, nameOrder: p.nameOrder, tagSeparators: p.tagSeparators };
  }
  if (body.fields) {
    const fields: ColumnMap = {};
    for (const [f, v] of Object.entries(body.fields) as Array<[FieldKey, number | number[] | null | undefined]>) {
      const cols = asColumns(v);
      if (cols.length) fields[f] = cols;
    }
    mapping = { ...mapping, fields };
  }
  if (body.custom) mapping = { ...mapping, custom: { ...body.custom } };
  options = {
    ...options,
    ...(body.dateFormat ? { dateFormat: body.dateFormat } : {}),
    ...(body.nameOrder ? { nameOrder: body.nameOrder } : {}),
    ...(body.duplicatePolicy ? { duplicatePolicy: body.duplicatePolicy } : {}),
  };
  checkMapping(mapping, headers.length, customKeys);
  return withTransaction(db, async ({ tx }) => {
    const res = await tx
      .updateTable('client_imports')
      .set({
        ...(fileCols ?? {}),
        preset,
        options: JSON.stringify(options),
        mapping: JSON.stringify(mapping),
        version: current.version + 1,
        updated_at: ctx.now,
      })
      .where('id', '=', id)
      .where('version', '=', current.version)
      .where('status', '=', 'uploaded')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
    await writeAudit(tx, ctx, {
      action: 'client.import.mapping',
      entityType: 'client_import',
      entityId: id,
      storeId: current.store_id,
      before: { preset: current.preset, mapping: JSON.parse(current.mapping), encoding: current.encoding },
      after: {
        preset,
        mapping,
        encoding,
        dateFormat: options.dateFormat,
        nameOrder: options.nameOrder,
        duplicatePolicy: options.duplicatePolicy,
      },
    });
    return toImportDto((await findImport(tx, id))!);
  });
}

const MAX_LISTED = 1000;
const PREVIEW_ROWS = 10;

/**
 * Decides every row exactly as the run would (same mapping, same duplicate lookups, same policy) and
 * writes nothing: counts, every problem (the first 1,000 listed) and a preview of the first clients.
 */
export async function dryRun(deps: Deps, actor: Actor, id: string, lang: Language) {
  const db = deps.database.db;
  const imp = await loadVisible(db, actor, id);
  const env = await loadEnv(db, imp, new Date(deps.clock.now()).getUTCFullYear());
  checkMapping(
    env.mapping,
    (JSON.parse(imp.headers) as string[]).length,
    env.fieldDefs.filter((d) => !d.archived).map((d) => d.key),
  );
  const file = readFile(await loadFile(db, id), { encoding: imp.encoding as never, delimiter: imp.delimiter as never });
  const planner = new Planner(env.options.duplicatePolicy, env.source);
  const counts = { total: file.rows.length, create: 0, update: 0, skip: 0, fail: 0, warnings: 0 };
  const errors: Problem[] = [];
  const skipped: Array<{ row: number; code: string; message: string; clientId: string | null }> = [];
  const warnings: Problem[] = [];
  const preview: unknown[] = [];
  for (let start = 0; start < file.rows.length; start += BATCH_SIZE) {
    const mapped = file.rows.slice(start, start + BATCH_SIZE).map((cells) => mapRow(cells, env.mapping, env.mapCtx));
    const lookups = await fetchLookups(db, mapped, env.source);
    mapped.forEach((m, i) => {
      const row = rowNumber(start + i);
      for (const w of m.warnings) {
        counts.warnings++;
        if (warnings.length < MAX_LISTED) warnings.push(describeIssue(row, w, env.options.dateFormat, lang));
      }
      const d = planner.decide(row, m, lookups);
      if (d.kind === 'fail') {
        counts.fail++;
        for (const issue of d.issues) if (errors.length < MAX_LISTED) errors.push(describeIssue(row, issue, env.options.dateFormat, lang));
        return;
      }
      if (d.kind === 'skip') {
        counts.skip++;
        if (skipped.length < MAX_LISTED)
          skipped.push({ row, code: d.reason, message: describeReason(d.reason, skipParams(d), lang), clientId: d.clientId });
        return;
      }
      counts[d.kind]++;
      planner.record(d, d.kind === 'update' ? d.clientId : `row-${row}`);
      if (preview.length < PREVIEW_ROWS)
        preview.push(previewOf(row, d.kind, d.draft, d.kind === 'update' && !d.clientId.startsWith('row-') ? d.clientId : null));
    });
    planner.commit();
    await new Promise<void>((resolve) => setImmediate(resolve)); // let other requests in between batches
  }
  return { ...counts, errors, skipped, warnings, truncated: errors.length >= MAX_LISTED || skipped.length >= MAX_LISTED, preview };
}

function previewOf(row: number, action: 'create' | 'update', d: ClientDraft, clientId: string | null) {
  return {
    row,
    action,
    clientId,
    firstName: d.firstName,
    lastName: d.lastName,
    phone: formatPhone(d.phone),
    email: d.email,
    birthday: d.birthday ? formatPartialDate(d.birthday) : null,
    tags: d.tags,
    smsConsent: d.smsConsent?.granted ?? null,
    emailConsent: d.emailConsent?.granted ?? null,
  };
}

/** Queues the run as a background job (batches commit as they go; progress on GET). */
export async function startRun(deps: Deps, actor: Actor, id: string, ctx: AuditContext): Promise<ImportDto> {
  const db = deps.database.db;
  return withTransaction(db, async ({ tx, afterCommit }) => {
    const imp = await loadVisible(tx, actor, id);
    if (imp.status === 'queued' || imp.status === 'running') throw ImportErrors.import_running();
    if (imp.status === 'done') throw ImportErrors.import_finished();
    // One import at a time for the business: two runs of the same file at once could both create a client.
    const busy = await tx
      .selectFrom('client_imports')
      .select('id')
      .where('status', 'in', ['queued', 'running'])
      .where('id', '!=', id)
      .executeTakeFirst();
    if (busy) throw ImportErrors.import_busy({ importId: busy.id });
    const mapping = JSON.parse(imp.mapping) as Mapping;
    checkMapping(mapping, (JSON.parse(imp.headers) as string[]).length, await customKeysOf(tx));
    const payload: ImportJobPayload = { importId: id, actorId: ctx.actorId, ip: ctx.ip, requestId: ctx.requestId };
    const jobId = await enqueue(tx, { kind: IMPORT_JOB_KIND, payload, maxAttempts: 3 }, ctx.now, afterCommit);
    const res = await tx
      .updateTable('client_imports')
      .set({ status: 'queued', job_id: jobId, error: null, version: imp.version + 1, updated_at: ctx.now })
      .where('id', '=', id)
      .where('version', '=', imp.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw ImportErrors.import_running();
    await writeAudit(tx, ctx, {
      action: 'client.import.run',
      entityType: 'client_import',
      entityId: id,
      storeId: imp.store_id,
      after: {
        fileName: imp.file_name,
        rows: imp.row_count,
        preset: imp.preset,
        options: { ...JSON.parse(imp.options), sample: undefined },
        mapping,
        resumeFrom: imp.processed,
      },
    });
    return toImportDto((await findImport(tx, id))!);
  });
}
