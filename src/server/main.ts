import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { commands } from './cli/index.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { Deps } from './deps.js';
import { systemClock } from './platform/clock.js';
import { createNotifier } from './platform/notifications/index.js';
import { loadOrCreateSecrets } from './platform/secrets.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const VERSION: string = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Opens the configured database, migrated, with secrets and the notifier: what every command needs. */
export async function openRuntime(config: Config): Promise<Deps> {
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  const secrets = loadOrCreateSecrets(config.dataDir);
  return {
    database,
    clock: systemClock,
    secrets,
    notifier: createNotifier(config, database.db),
    settings: {
      sessionIdleMinutes: config.sessionIdleMinutes,
      trustProxy: config.trustProxy,
      webDir: join(ROOT, 'dist/web'),
      version: VERSION,
      logLevel: config.logLevel,
      photoDir: join(config.dataDir, 'photos'),
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
      mailFrom: config.notify.from,
    },
  };
}

async function start(config: Config): Promise<void> {
  const deps = await openRuntime(config);
  const app = await buildApp(deps);
  const stopWorkers = await commands.startWorkers(deps, app.log);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await stopWorkers();
    await app.close();
    await deps.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  app.log.info(`Orchid ${VERSION} on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${where})`);
}

async function main(argv: string[]): Promise<void> {
  const [command = 'start', ...args] = argv;
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate': {
      const deps = await openRuntime(config);
      console.log('Database is up to date.');
      return deps.database.close();
    }
    default: {
      const run = commands.cli[command];
      if (!run) {
        console.error(`Unknown command "${command}". Commands: start, migrate, ${Object.keys(commands.cli).join(', ')}`);
        process.exit(1);
      }
      const code = await run(config, args, openRuntime);
      process.exit(code);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
