import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import { sql } from 'kysely';
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';

// The owner's whole-business export (no lock-in): every table the business owns as one CSV file each, in a
// zip, with a manifest. Tables are discovered from the database, so later modules' tables are included
// without registering. Left out: migration bookkeeping and purely technical tables (sessions, rate limits,
// idempotency keys, jobs, outgoing message log, search keys, which are derived), and every secret column
// (password/PIN/token hashes, CSRF tokens). Health data stays encrypted: it needs the field key from
// DATA_DIR/secrets.json to read, exactly as in a backup. Instants are epoch milliseconds (UTC), booleans 0/1.
// Built in memory for now; a later version can stream table by table.

const SKIPPED_TABLES = new Set([
  'kysely_migration',
  'kysely_migration_lock',
  'sessions',
  'rate_limits',
  'idempotency_keys',
  'jobs',
  'messages',
  'client_search_terms',
]);
const SECRET_COLUMN = /(^|_)(password|pin|token|secret)(_hash)?$|_hash$|^csrf_token$/;

const extraSkipped = new Set<string>();
/** Later modules keep a technical table of theirs out of the export. */
export function excludeFromBusinessExport(table: string): void {
  extraSkipped.add(table);
}

async function listTables(db: Executor, dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
          db,
        )
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
          db,
        );
  return rows.rows.map((r) => r.name).filter((t) => !SKIPPED_TABLES.has(t) && !extraSkipped.has(t));
}

async function listColumns(db: Executor, dialect: 'sqlite' | 'postgres', table: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const r = await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(db);
    return r.rows.map((c) => c.name);
  }
  const r = await sql<{
    name: string;
  }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(
    db,
  );
  return r.rows.map((c) => c.name);
}

export async function exportBusinessZip(
  db: Executor,
  dialect: 'sqlite' | 'postgres',
  ctx: AuditContext,
): Promise<{ zip: Uint8Array; tables: Array<{ name: string; rows: number; columns: string[] }> }> {
  const files: Record<string, Uint8Array> = {};
  const manifest: Array<{ name: string; rows: number; columns: string[] }> = [];
  for (const table of await listTables(db, dialect)) {
    const columns = (await listColumns(db, dialect, table)).filter((c) => !SECRET_COLUMN.test(c));
    if (columns.length === 0) continue;
    const rows = await sql<Record<string, unknown>>`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}`.execute(
      db,
    );
    const body = rows.rows.map((r) => columns.map((c) => cell(r[c])));
    files[`${table}.csv`] = strToU8(stringify([columns, ...body], { record_delimiter: 'windows' }));
    manifest.push({ name: table, rows: body.length, columns });
  }
  const exportedAt = new Date(ctx.now).toISOString();
  files['manifest.json'] = strToU8(
    JSON.stringify(
      {
        format: 'orchid-business-export/1',
        exportedAt,
        notes: [
          'One CSV per table (UTF-8, RFC 4180). Instants are epoch milliseconds (UTC); booleans are 0/1; JSON columns are text.',
          'clients.health is AES-256-GCM encrypted with the field key in DATA_DIR/secrets.json (context "clients:<id>:health").',
          'Password, PIN and token hashes, sessions and other technical tables are not exported.',
        ],
        tables: manifest,
      },
      null,
      2,
    ),
  );
  await writeAudit(db, ctx, {
    action: 'business.export',
    entityType: 'business',
    after: { tables: manifest.map((t) => ({ name: t.name, rows: t.rows })) },
  });
  return { zip: zipSync(files, { level: 6, mtime: new Date(ctx.now) }), tables: manifest };
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v)) return v.toString('base64');
  return String(v);
}
