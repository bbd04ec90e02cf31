import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Secrets = { sessionKey: string; fieldKey: Buffer };

/**
 * Loads DATA_DIR/secrets.json or creates it on first run (mode 0600). The field key encrypts health
 * data: losing it makes those fields unreadable, so it belongs in every backup (see README).
 */
export function loadOrCreateSecrets(dataDir: string): Secrets {
  const file = join(dataDir, 'secrets.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const fresh = { sessionKey: randomBytes(32).toString('base64url'), fieldKey: randomBytes(32).toString('base64') };
    writeFileSync(file, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { sessionKey?: string; fieldKey?: string };
  const fieldKey = Buffer.from(raw.fieldKey ?? '', 'base64');
  if (!raw.sessionKey || fieldKey.length !== 32) throw new Error(`${file} is damaged: it needs sessionKey and a 32-byte fieldKey`);
  return { sessionKey: raw.sessionKey, fieldKey };
}

/** Secrets for tests and benchmarks: random, never written to disk. */
export function ephemeralSecrets(): Secrets {
  return { sessionKey: randomBytes(32).toString('base64url'), fieldKey: randomBytes(32) };
}
