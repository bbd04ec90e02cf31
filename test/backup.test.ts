import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backup, checkSqliteFile, createBackup, findTool, restore } from '../src/server/cli/backup.js';
import { type Config, loadConfig } from '../src/server/config.js';
import { withTransaction } from '../src/server/db/tx.js';
import type { Deps } from '../src/server/deps.js';
import { openRuntime } from '../src/server/main.js';
import { runSetup } from '../src/server/modules/setup/index.js';
import { insertStore } from '../src/server/modules/stores/index.js';
import { SETUP_BODY } from './support/app.js';
import { createTestTarget, engine, type TestTarget } from './support/db.js';

/** Runs a CLI command in-process; returns its exit code and everything it printed. */
async function cli(command: typeof backup, config: Config, args: string[] = []) {
  const out: string[] = [];
  const spies = (['log', 'warn', 'error'] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation((...a) => void out.push(a.join(' '))),
  );
  try {
    return { code: await command(config, args, openRuntime), output: out.join('\n') };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

const audit = () => ({ actorId: null, ip: null, requestId: null, now: Date.now() });

async function storeNames(deps: Deps) {
  return (await deps.database.db.selectFrom('stores').select('name').orderBy('name').execute()).map((s) => s.name);
}

async function addStore(deps: Deps, name: string) {
  await withTransaction(deps.database.db, ({ tx }) => insertStore(tx, { name, timeZone: 'America/Toronto' }, 'CAD', audit()));
}

const backupsIn = (dataDir: string, ext: string) =>
  readdirSync(join(dataDir, 'backups'))
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dataDir, 'backups', f));

describe('backup and restore', () => {
  let target: TestTarget;
  let config: Config;
  let deps: Deps;
  beforeAll(async () => {
    target = await createTestTarget();
    config = loadConfig({ ...target.env, LOG_LEVEL: 'silent' });
    deps = await openRuntime(config);
    await runSetup(deps.database.db, SETUP_BODY as Parameters<typeof runSetup>[1], audit(), { ip: null, userAgent: null });
  });
  afterAll(async () => {
    await deps.database.close();
    await target.destroy();
  });

  if (engine() === 'sqlite') {
    it('round-trips: backup while the database is open, change, restore, the earlier data is back', async () => {
      // Online: the app's connection is open and has just written.
      await addStore(deps, 'Before Backup');
      const made = await cli(backup, config);
      expect(made.code, made.output).toBe(0);
      const [file] = backupsIn(target.dataDir, '.sqlite');
      expect(file).toMatch(/orchid-\d{8}-\d{6}\.sqlite$/);
      expect(statSync(file!).mode & 0o777).toBe(0o600);
      expect(checkSqliteFile(file!)).toEqual({ ok: true });
      const secretsCopy = file!.replace(/\.sqlite$/, '-secrets.json');
      expect(readFileSync(secretsCopy, 'utf8')).toBe(readFileSync(join(target.dataDir, 'secrets.json'), 'utf8'));
      expect(statSync(secretsCopy).mode & 0o777).toBe(0o600);

      await addStore(deps, 'After Backup');
      expect(await storeNames(deps)).toEqual(['After Backup', 'Before Backup', 'Flushing']);

      // The server (our open connection) still holds the file: restore refuses and touches nothing.
      const refused = await cli(restore, config, [file!]);
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/in use.*stop the Orchid server/);
      expect(await storeNames(deps)).toContain('After Backup');
      await deps.database.close();

      // A different key in place (say, a fresh machine): the backup's own key comes back, the other kept aside.
      writeFileSync(
        join(target.dataDir, 'secrets.json'),
        JSON.stringify({ sessionKey: 'other', fieldKey: Buffer.alloc(32, 7).toString('base64') }),
      );

      const restored = await cli(restore, config, [file!]);
      expect(restored.code, restored.output).toBe(0);
      deps = await openRuntime(config);
      expect(await storeNames(deps)).toEqual(['Before Backup', 'Flushing']);
      expect((await deps.database.db.selectFrom('business').select('name').executeTakeFirst())?.name).toBe('Lotus Nail & Spa');
      expect(deps.database.sqlite!.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(readFileSync(join(target.dataDir, 'secrets.json'), 'utf8')).toBe(readFileSync(secretsCopy, 'utf8'));
      expect(statSync(join(target.dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);

      const kept = readdirSync(target.dataDir);
      const aside = kept.find((f) => f.startsWith('orchid.sqlite.before-restore-'));
      expect(aside, kept.join(', ')).toBeDefined();
      expect(kept.some((f) => f.startsWith('secrets.json.before-restore-'))).toBe(true);
      // The database that was replaced is kept whole, with the later change in it.
      const old = new SqliteDatabase(join(target.dataDir, aside!), { readonly: true });
      expect(old.prepare(`select count(*) as n from stores where name = 'After Backup'`).get()).toEqual({ n: 1 });
      old.close();
    });

    it('refuses files that are not an intact Orchid database, leaving the live one alone', async () => {
      await deps.database.close();
      const [file] = backupsIn(target.dataDir, '.sqlite');

      const foreign = join(target.dataDir, 'foreign.sqlite');
      const f = new SqliteDatabase(foreign);
      f.exec('create table notes (body text)');
      f.close();
      const notOurs = await cli(restore, config, [foreign]);
      expect(notOurs.code).toBe(1);
      expect(notOurs.output).toMatch(/not an Orchid database/);

      const damaged = join(target.dataDir, 'damaged.sqlite');
      copyFileSync(file!, damaged);
      truncateSync(damaged, Math.floor(statSync(damaged).size / 2));
      const broken = await cli(restore, config, [damaged]);
      expect(broken.code).toBe(1);
      expect(broken.output).toMatch(/cannot be restored/);

      const text = join(target.dataDir, 'notes.txt');
      writeFileSync(text, 'hello');
      expect((await cli(restore, config, [text])).output).toMatch(/not a SQLite database/);
      expect((await cli(restore, config, [])).output).toMatch(/Usage: npm run restore/);
      expect(existsSync(`${config.database.kind === 'sqlite' ? config.database.file : ''}.restoring`)).toBe(false);

      deps = await openRuntime(config);
      expect(await storeNames(deps)).toEqual(['Before Backup', 'Flushing']);
    });

    it('restores onto a fresh DATA_DIR (a new machine), secrets included', async () => {
      const [file] = backupsIn(target.dataDir, '.sqlite');
      const fresh = await createTestTarget();
      try {
        const freshConfig = loadConfig({ ...fresh.env, LOG_LEVEL: 'silent' });
        const restored = await cli(restore, freshConfig, [file!]);
        expect(restored.code, restored.output).toBe(0);
        expect(readFileSync(join(fresh.dataDir, 'secrets.json'), 'utf8')).toBe(
          readFileSync(file!.replace(/\.sqlite$/, '-secrets.json'), 'utf8'),
        );
        const freshDeps = await openRuntime(freshConfig);
        try {
          expect(await storeNames(freshDeps)).toEqual(['Before Backup', 'Flushing']);
        } finally {
          await freshDeps.database.close();
        }
      } finally {
        await fresh.destroy();
      }
    });

    it('carries the treatment photos beside the backup and brings them back', async () => {
      const photos = join(target.dataDir, 'photos', '2026', '11');
      mkdirSync(photos, { recursive: true });
      writeFileSync(join(photos, 'before.jpg'), 'jpeg bytes');
      const made = await createBackup(config, Date.UTC(2026, 10, 27, 20, 0, 0));
      expect(made.photosDir).not.toBeNull();
      expect(readFileSync(join(made.photosDir!, '2026', '11', 'before.jpg'), 'utf8')).toBe('jpeg bytes');

      const fresh = await createTestTarget();
      try {
        const freshConfig = loadConfig({ ...fresh.env, LOG_LEVEL: 'silent' });
        const restored = await cli(restore, freshConfig, [made.file]);
        expect(restored.code, restored.output).toBe(0);
        expect(readFileSync(join(fresh.dataDir, 'photos', '2026', '11', 'before.jpg'), 'utf8')).toBe('jpeg bytes');
      } finally {
        await fresh.destroy();
      }
    });
  } else {
    it('backs up with pg_dump and restores with pg_restore (or says clearly that the tools are missing)', async () => {
      await addStore(deps, 'Before Backup');
      if (!findTool('pg_dump') || !findTool('pg_restore')) {
        const made = await cli(backup, config);
        expect(made.code).toBe(1);
        expect(made.output).toMatch(/pg_dump was not found on PATH/);
        return;
      }
      const made = await cli(backup, config);
      expect(made.code, made.output).toBe(0);
      const [file] = backupsIn(target.dataDir, '.dump');
      expect(file).toMatch(/orchid-\d{8}-\d{6}\.dump$/);
      expect(readFileSync(file!).subarray(0, 5).toString()).toBe('PGDMP');
      expect(existsSync(file!.replace(/\.dump$/, '-secrets.json'))).toBe(true);

      await addStore(deps, 'After Backup');
      // Our pool is connected: restore refuses while others use the database.
      const refused = await cli(restore, config, [file!]);
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/other connection/);
      expect(await storeNames(deps)).toContain('After Backup');
      await deps.database.close();

      const restored = await cli(restore, config, [file!]);
      expect(restored.code, restored.output).toBe(0);
      deps = await openRuntime(config);
      expect(await storeNames(deps)).toEqual(['Before Backup', 'Flushing']);
      expect((await deps.database.db.selectFrom('business').select('name').executeTakeFirst())?.name).toBe('Lotus Nail & Spa');
    });

    it('says clearly when pg_dump is not installed', async () => {
      const path = process.env.PATH;
      process.env.PATH = join(target.dataDir, 'no-tools-here');
      try {
        const made = await cli(backup, config);
        expect(made.code).toBe(1);
        expect(made.output).toMatch(/pg_dump was not found on PATH/);
        expect(made.output).toMatch(/postgresql-client/);
        const fake = join(target.dataDir, 'fake.dump');
        writeFileSync(fake, 'PGDMP and then some');
        const undone = await cli(restore, config, [fake]);
        expect(undone.code).toBe(1);
        expect(undone.output).toMatch(/pg_restore was not found on PATH/);
        const wrongKind = await cli(restore, config, [join(target.dataDir, 'secrets.json')]);
        expect(wrongKind.output).toMatch(/not a pg_dump custom-format file/);
      } finally {
        process.env.PATH = path;
      }
    });
  }
});
