import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.js';
import { jobHandlers } from '../../src/server/cli/index.js';
import type { Deps } from '../../src/server/deps.js';
import { systemClock } from '../../src/server/platform/clock.js';
import { createPlatformWorker } from '../../src/server/platform/jobs/platform-worker.js';
import { LogNotifier } from '../../src/server/platform/notifications/log.js';
import type { Notifier, OutgoingMessage } from '../../src/server/platform/notifications/notifier.js';
import { ephemeralSecrets } from '../../src/server/platform/secrets.js';
import { MemoryNotifier } from '../../test/support/app.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.js';

export const SCREENSHOTS = resolve('test-results');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type E2E = {
  app: FastifyInstance;
  db: TestDatabase;
  baseUrl: string;
  browser: Browser;
  /** Every message the app has sent so far (SMS, email), in order. */
  notifier: MemoryNotifier;
  /**
   * Runs the jobs that are due with the production handlers (module jobs such as balance reminders, then
   * the outbox they feed) until none is left — no worker runs in e2e — and returns everything sent so far.
   */
  deliverMessages(): Promise<OutgoingMessage[]>;
  close(): Promise<void>;
};

/** The real server (built web app + API) on a fresh SQLite database, and Debian's Chromium. */
export async function startE2E(): Promise<E2E> {
  const db = await createTestDatabase();
  const notifier = new MemoryNotifier();
  // Messages go through the production default adapter (kept in `messages`, shown on the dev mailbox
  // page) and are also kept in memory for tests that read them directly.
  const mailbox = new LogNotifier(db.db, { log: { info: () => {} } });
  const delivering: Notifier = {
    name: 'log',
    send: async (message) => {
      await mailbox.send(message);
      await notifier.send(message);
    },
  };
  // Treatment photos go to a throwaway directory, as they go to DATA_DIR/photos in production.
  const photoDir = mkdtempSync(join(tmpdir(), 'orchid-e2e-photos-'));
  const deps: Deps = {
    database: db,
    clock: systemClock,
    secrets: ephemeralSecrets(),
    notifier: delivering,
    settings: { sessionIdleMinutes: 60, trustProxy: false, version: 'e2e', webDir: resolve('dist/web'), photoDir },
  };
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    app,
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    notifier,
    deliverMessages: async () => {
      const worker = createPlatformWorker(deps, undefined, { handlers: Object.assign({}, ...jobHandlers.map((h) => h(deps))) });
      // A job may enqueue others (a reminder its notify.send): poll until a pass finds nothing due.
      for (let pass = 0; pass < 10 && (await worker.runOnce()).leased > 0; pass++);
      return notifier.sent;
    },
    close: async () => {
      await browser.close();
      await app.close();
      await db.destroy();
      rmSync(photoDir, { recursive: true, force: true });
    },
  };
}

export async function newPage(e2e: E2E, opts: { width?: number; height?: number; locale?: string } = {}): Promise<Page> {
  const context = await e2e.browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    locale: opts.locale ?? 'en-US',
    baseURL: e2e.baseUrl,
  });
  return context.newPage();
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
