import { spawn } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../config.js';
import { openPostgres, openSqlite } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { CliCommand } from './index.js';

// `npm run backup` / `npm run restore FILE`. SQLite: the online backup API (consistent while the server
// runs); PostgreSQL: pg_dump / pg_restore. The secrets file travels with every backup: without its
// field-encryption key the health data in a backup cannot be read.

const SQLITE_MAGIC = 'SQLite format 3\0';
const PGDUMP_MAGIC = 'PGDMP';

/** Thrown for problems the user can fix; the CLI prints the message and exits 1. */
export class BackupError extends Error {}

export type BackupResult = { file: string; secretsFile: string | null; photosDir: string | null };

/** `orchid-YYYYMMDD-HHmmss` in UTC (sorts in time order, no repeats when clocks fall back). */
export function backupStamp(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-27T19:00:00.000Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

export async function createBackup(config: Config, now: number = Date.now(), env: NodeJS.ProcessEnv = process.env): Promise<BackupResult> {
  const dir = join(config.dataDir, 'backups');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ext = config.database.kind === 'sqlite' ? 'sqlite' : 'dump';
  const base = freeName(dir, `orchid-${backupStamp(now)}`, ext);
  const file = join(dir, `${base}.${ext}`);

  if (config.database.kind === 'sqlite') await backupSqlite(config.database.file, file);
  else await backupPostgres(config.database.url, file, env);
  chmodSync(file, 0o600);

  const secrets = join(config.dataDir, 'secrets.json');
  let secretsFile: string | null = null;
  if (existsSync(secrets)) {
    secretsFile = join(dir, `${base}-secrets.json`);
    copyFileSync(secrets, secretsFile);
    chmodSync(secretsFile, 0o600);
  }
  // Treatment photos live beside the database, not in it: they travel as a folder next to the backup.
  const photos = join(config.dataDir, 'photos');
  let photosDir: string | null = null;
  if (existsSync(photos)) {
    photosDir = join(dir, `${base}-photos`);
    cpSync(photos, photosDir, { recursive: true });
  }
  return { file, secretsFile, photosDir };
}

/** `X.sqlite` / `X.dump` brings `X-photos/` when it exists; the current photos are kept aside. */
function restorePhotos(dataDir: string, backupFile: string, now: number): string | null {
  const incoming = join(dirname(backupFile), `${basename(backupFile).replace(/\.(sqlite|dump)$/, '')}-photos`);
  if (!existsSync(incoming)) return null;
  const current = join(dataDir, 'photos');
  if (existsSync(current)) renameSync(current, `${current}.before-restore-${backupStamp(now)}`);
  cpSync(incoming, current, { recursive: true });
  return current;
}

function freeName(dir: string, base: string, ext: string): string {
  let name = base;
  for (let n = 2; existsSync(join(dir, `${name}.${ext}`)); n++) name = `${base}-${n}`;
  return name;
}

async function backupSqlite(source: string, target: string): Promise<void> {
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source} to back up (check DATA_DIR).`);
  const database = openSqlite(source);
  try {
    // One step copies every page inside one read transaction: a consistent snapshot, and in WAL mode the
    // server keeps writing meanwhile (step-wise copying would restart whenever it wrote).
    await database.sqlite!.backup(target, { progress: () => 0x7fffffff });
  } finally {
    await database.close();
    // Kysely closes the handle only if it ran a query through it; this one never did.
    database.sqlite!.close();
  }
  const check = checkSqliteFile(target);
  if (!check.ok) {
    rmSync(target, { force: true });
    throw new BackupError(`The backup failed its check (${check.reason}); nothing was kept.`);
  }
}

async function backupPostgres(url: string, target: string, env: NodeJS.ProcessEnv): Promise<void> {
  const tool = findTool('pg_dump', env);
  if (!tool) throw missingTool('pg_dump', 'back up');
  const { args, env: childEnv } = libpqArgs(url, env);
  const res = await run(tool, ['--format=custom', `--file=${target}`, ...args], childEnv);
  if (res.code !== 0) {
    rmSync(target, { force: true });
    throw new BackupError(`pg_dump failed (exit ${res.code}):\n${res.stderr.trim()}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Restore

export type RestoreResult = {
  restored: string;
  keptAside: string | null;
  secrets: 'restored' | 'same' | 'missing';
  /** The photos folder restored from beside the backup, if there was one. */
  photos: string | null;
  secretsKeptAside: string | null;
};

export async function restoreBackup(
  config: Config,
  file: string,
  opts: { force?: boolean; env?: NodeJS.ProcessEnv; now?: number } = {},
): Promise<RestoreResult> {
  const env = opts.env ?? process.env;
  const now = opts.now ?? Date.now();
  const source = resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new BackupError(`No backup file at ${source}.`);
  const magic = readMagic(source);
  const secretsCandidate = secretsBeside(source);

  let keptAside: string | null = null;
  if (config.database.kind === 'sqlite') {
    if (!magic.startsWith(SQLITE_MAGIC)) {
      throw new BackupError(
        `${source} is not a SQLite database${magic.startsWith(PGDUMP_MAGIC) ? ' (it is a PostgreSQL dump: set DATABASE_URL)' : ''}.`,
      );
    }
    keptAside = await restoreSqlite(config.database.file, source, now);
  } else {
    if (!magic.startsWith(PGDUMP_MAGIC)) {
      throw new BackupError(
        `${source} is not a pg_dump custom-format file${magic.startsWith(SQLITE_MAGIC) ? ' (it is a SQLite backup: unset DATABASE_URL)' : ''}.`,
      );
    }
    await restorePostgres(config.database.url, source, env, opts.force ?? false);
  }
  const secrets = restoreSecrets(config.dataDir, secretsCandidate, now);
  const photos = restorePhotos(config.dataDir, source, now);
  return { restored: source, keptAside, photos, ...secrets };
}

async function restoreSqlite(target: string, source: string, now: number): Promise<string | null> {
  if (existsSync(target) && isHeldOpen(target)) {
    throw new BackupError(`The database ${target} is in use — stop the Orchid server first, then run the restore again.`);
  }
  // Check and migrate a copy beside the live file; only a good, current copy replaces it.
  const staging = `${target}.restoring`;
  removeSqlite(staging);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, staging);
  try {
    const check = checkSqliteFile(staging);
    if (!check.ok) throw new BackupError(`${source} cannot be restored: ${check.reason}.`);
    const database = openSqlite(staging);
    try {
      await migrateToLatest(database.db);
    } catch (err) {
      throw new BackupError(`${source} could not be brought up to date: ${(err as Error).message}`);
    } finally {
      await database.close();
    }
  } catch (err) {
    removeSqlite(staging);
    throw err;
  }

  let aside: string | null = null;
  if (existsSync(target)) {
    aside = `${target}.before-restore-${backupStamp(now)}`;
    // The WAL and shared-memory files (left by a crash) go along so the kept copy stays whole.
    for (const suffix of ['-wal', '-shm', '']) if (existsSync(target + suffix)) renameSync(target + suffix, aside + suffix);
  }
  renameSync(staging, target);
  return aside;
}

/** True when another connection (a running server) has the SQLite file open: it holds a shared lock. */
function isHeldOpen(file: string): boolean {
  const probe = new SqliteDatabase(file, { fileMustExist: true, timeout: 250 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw err;
  } finally {
    probe.close();
  }
}

function removeSqlite(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** An Orchid database in one piece: SQLite's own integrity check, the business table and the migration log. */
export function checkSqliteFile(file: string): { ok: true } | { ok: false; reason: string } {
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(file, { fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
    const problems = integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length) return { ok: false, reason: `integrity check: ${problems.slice(0, 3).join('; ')}` };
    const tables = new Set(
      (db.prepare(`select name from sqlite_master where type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name),
    );
    for (const t of ['business', 'kysely_migration'])
      if (!tables.has(t)) return { ok: false, reason: `not an Orchid database (no ${t} table)` };
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  } finally {
    db?.close();
  }
}

async function restorePostgres(url: string, source: string, env: NodeJS.ProcessEnv, force: boolean): Promise<void> {
  const tool = findTool('pg_restore', env);
  if (!tool) throw missingTool('pg_restore', 'restore');
  if (!force) {
    const others = await otherConnections(url);
    if (others > 0) {
      throw new BackupError(
        `${others} other connection(s) to this database are open — stop the Orchid server(s) first, then run the restore again ` +
          '(or add --force if they are not Orchid).',
      );
    }
  }
  const { args, env: childEnv } = libpqArgs(url, env);
  // One transaction: a failed restore leaves the database as it was.
  const res = await run(tool, ['--clean', '--if-exists', '--single-transaction', '--no-owner', ...args, source], childEnv);
  if (res.code !== 0) throw new BackupError(`pg_restore failed (exit ${res.code}); the database was left as it was:\n${res.stderr.trim()}`);
  const database = openPostgres(url, { max: 1 });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
}

async function otherConnections(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ n: string }>(
      'select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return Number(res.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** `X.sqlite` / `X.dump` brings `X-secrets.json`: checked before anything is restored. */
function secretsBeside(backupFile: string): { file: string; text: string } | null {
  const file = join(dirname(backupFile), `${basename(backupFile).replace(/\.(sqlite|dump)$/, '')}-secrets.json`);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  try {
    const parsed = JSON.parse(text) as { sessionKey?: unknown; fieldKey?: unknown };
    if (typeof parsed.sessionKey !== 'string' || typeof parsed.fieldKey !== 'string') throw new Error('missing keys');
  } catch {
    throw new BackupError(`${file} is not an Orchid secrets file (it needs sessionKey and fieldKey); nothing was restored.`);
  }
  return { file, text };
}

/** A secrets file that differs from the current one replaces it; the current one is kept aside. */
function restoreSecrets(
  dataDir: string,
  incoming: { file: string; text: string } | null,
  now: number,
): Pick<RestoreResult, 'secrets' | 'secretsKeptAside'> {
  if (!incoming) return { secrets: 'missing', secretsKeptAside: null };
  const current = join(dataDir, 'secrets.json');
  if (existsSync(current) && readFileSync(current, 'utf8') === incoming.text) return { secrets: 'same', secretsKeptAside: null };
  let aside: string | null = null;
  if (existsSync(current)) {
    aside = `${current}.before-restore-${backupStamp(now)}`;
    renameSync(current, aside);
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(current, incoming.text, { mode: 0o600 });
  chmodSync(current, 0o600);
  return { secrets: 'restored', secretsKeptAside: aside };
}

// ---------------------------------------------------------------------------------------------------
// Helpers

function readMagic(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** The executable on PATH, or null. */
export function findTool(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function missingTool(tool: string, what: string): BackupError {
  return new BackupError(
    `${tool} was not found on PATH, so Orchid cannot ${what} a PostgreSQL database.\n` +
      'Install the PostgreSQL client tools of the same major version as the server ' +
      '(Debian/Ubuntu: apt-get install postgresql-client), or use your own PostgreSQL backup tooling.',
  );
}

/** Connection arguments for pg_dump/pg_restore; the password goes in the environment, not the process list. */
function libpqArgs(url: string, env: NodeJS.ProcessEnv): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { args: [`--dbname=${u.toString()}`], env: { ...env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stderr }));
  });
}

// ---------------------------------------------------------------------------------------------------
// CLI

export const backup: CliCommand = async (config) => {
  try {
    const res = await createBackup(config);
    console.log(`Backup written: ${res.file}`);
    if (res.secretsFile)
      console.log(
        `Secrets copied:  ${res.secretsFile}\nKeep both together and somewhere safe: the secrets file is needed to read health data.`,
      );
    else console.log('Note: no secrets.json in DATA_DIR to copy alongside.');
    if (res.photosDir) console.log(`Photos copied:   ${res.photosDir}`);
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
};

export const restore: CliCommand = async (config, args) => {
  const force = args.includes('--force');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('Usage: npm run restore -- FILE [--force]\n  e.g. npm run restore -- data/backups/orchid-20261127-190000.sqlite');
    return 1;
  }
  try {
    const res = await restoreBackup(config, file, { force });
    console.log(`Restored ${res.restored}`);
    if (res.keptAside) console.log(`The previous database was kept as ${res.keptAside}`);
    if (res.photos) console.log(`Treatment photos restored to ${res.photos}`);
    if (res.secrets === 'restored')
      console.log(
        `secrets.json restored from the backup${res.secretsKeptAside ? ` (the previous one kept as ${res.secretsKeptAside})` : ''}.`,
      );
    if (res.secrets === 'missing') {
      console.warn(
        'Warning: no secrets file beside the backup; the current secrets.json stays. If it is not the one this backup was made with, encrypted health data cannot be read.',
      );
    }
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
};
