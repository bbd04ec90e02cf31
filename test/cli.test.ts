import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTarget, type TestTarget } from './support/db.js';

const ROOT = resolve(import.meta.dirname, '..');

/** `node --import tsx src/server/main.ts …` as npm scripts run it, with a clean Orchid environment. */
function main(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'LOG_LEVEL', 'NOTIFY_ADAPTER'].includes(k)),
  );
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/server/main.ts', ...args],
      { cwd: ROOT, env: { ...base, LOG_LEVEL: 'silent', ...env }, timeout: 180_000 },
      (err, stdout, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('the command line', () => {
  let target: TestTarget;
  beforeAll(async () => {
    target = await createTestTarget();
  });
  afterAll(() => target.destroy());

  it('stops with exit 1 and names the setting when the configuration is bad', async () => {
    const res = await main(['migrate'], { ...target.env, PORT: 'abc' });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Invalid configuration/);
    expect(res.stderr).toMatch(/PORT/);
    expect(res.stdout).not.toMatch(/up to date/);
    expect(readdirSync(target.dataDir)).toEqual([]);
  }, 60_000);

  it('lists the commands when given an unknown one', async () => {
    const res = await main(['frobnicate'], target.env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Unknown command "frobnicate"/);
    expect(res.stderr).toMatch(/demo, backup, restore/);
  }, 60_000);

  it('runs migrate, demo and backup end to end', async () => {
    const migrated = await main(['migrate'], target.env);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/Database is up to date/);

    const demo = await main(['demo'], target.env);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/owner@lotus\.example\s+lotusdemo2026\s+1111/);

    const backup = await main(['backup'], target.env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(readdirSync(join(target.dataDir, 'backups')).some((f) => /^orchid-\d{8}-\d{6}\.(sqlite|dump)$/.test(f))).toBe(true);

    const restore = await main(['restore'], target.env);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/Usage: npm run restore -- FILE/);
  }, 400_000);
});
