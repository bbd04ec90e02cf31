// Crash safety: the real server process is killed with SIGKILL in the middle of a burst of completions,
// then restarted on the same data. Every sale the server acknowledged is there, complete, and the books
// balance: tenders = total + tip + cash rounding for each sale, tips add up, receipt numbers have no gap.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTarget, type TestTarget } from './support/db.js';

const ROOT = resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

class Server {
  child: ChildProcess | null = null;
  constructor(
    readonly target: TestTarget,
    readonly port: number,
  ) {}
  get base() {
    return `http://127.0.0.1:${this.port}/api/v1`;
  }
  async start(): Promise<void> {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL'].includes(k)));
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'start'], {
      cwd: ROOT,
      env: { ...env, ...this.target.env, PORT: String(this.port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${this.base}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not start');
  }
  kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((done) => {
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  }
}

/** A signed-in browser over real HTTP. */
class Client {
  cookie = '';
  csrf = '';
  constructor(readonly server: Server) {}
  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.server.base}${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('orchid_session='));
    if (setCookie) this.cookie = setCookie;
    const json = res.status === 204 ? null : await res.json();
    if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: res.status, json };
  }
}

let target: TestTarget;
let server: Server;

beforeAll(async () => {
  target = await createTestTarget();
  server = new Server(target, await freePort());
  await server.start();
}, 120_000);
afterAll(async () => {
  await server.kill();
  await target.destroy();
});

describe('a crash during a burst of completions', () => {
  it('keeps every acknowledged sale and balanced books after SIGKILL and a restart', async () => {
    const owner = new Client(server);
    const setup = await owner.call('POST', '/setup', {
      business: { name: 'Crash Test Nails', currency: 'USD', language: 'en' },
      store: { name: 'Main St', timeZone: 'America/New_York' },
      owner: { name: 'Owner', email: 'owner@crash.test', password: 'crash-test-password-1' },
    });
    expect(setup.status).toBe(201);
    const storeId = setup.json.stores[0].id as string;
    const ownerId = setup.json.staff.id as string;
    const service = await owner.call('POST', '/services', {
      name: 'Manicure',
      durationMin: 30,
      price: 3000,
      staff: [{ staffId: ownerId }],
    });
    expect(service.status).toBe(201);
    expect((await owner.call('PUT', `/stores/${storeId}/tax-settings`, { preset: 'us_nyc', taxServices: true })).status).toBe(200);
    expect((await owner.call('POST', '/shifts', { storeId, openingFloat: 10_000 })).status).toBe(201);
    const tickets: Array<{ id: string; version: number; total: number }> = [];
    for (let i = 0; i < 80; i++) {
      const r = await owner.call('POST', '/sales', {
        storeId,
        lines: [{ kind: 'service', serviceId: service.json.id, technicians: [{ staffId: ownerId }], quantity: 1 + (i % 3) }],
      });
      expect(r.status).toBe(201);
      tickets.push(r.json);
    }

    // Five terminals complete tickets one after another; the process dies after the 25th acknowledgement.
    const acknowledged = new Map<string, { receiptCode: string; amountPaid: number }>();
    let next = 0;
    let killing: Promise<void> | null = null;
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        for (;;) {
          const sale = tickets[next++];
          if (!sale || killing) return;
          const tip = 100 + (next % 7) * 50;
          const body = {
            version: sale.version,
            tip: { amount: tip },
            tenders: [
              { kind: 'card', amount: 1000 },
              { kind: 'cash', amount: sale.total + tip - 1000 + 500 },
            ],
          };
          try {
            const r = await owner.call('POST', `/sales/${sale.id}/complete`, body, { 'idempotency-key': `crash-${sale.id}` });
            if (r.status === 200) acknowledged.set(sale.id, { receiptCode: r.json.receiptCode, amountPaid: r.json.amountPaid });
          } catch {
            return; // connection cut by the crash: not acknowledged
          }
          if (acknowledged.size >= 25 && !killing) killing = server.kill();
        }
      }),
    );
    await killing;
    expect(acknowledged.size).toBeGreaterThanOrEqual(25);

    await server.start();
    const again = new Client(server);
    expect((await again.call('POST', '/auth/login', { email: 'owner@crash.test', password: 'crash-test-password-1' })).status).toBe(200);
    for (const [id, ack] of acknowledged) {
      const sale = (await again.call('GET', `/sales/${id}`)).json;
      expect(sale).toMatchObject({ status: 'completed', receiptCode: ack.receiptCode, amountPaid: ack.amountPaid });
      expect(sale.tenders.reduce((a: number, t: { amount: number }) => a + t.amount, 0)).toBe(
        sale.total + sale.tipTotal + sale.cashRounding,
      );
      expect(sale.tips.reduce((a: number, t: { amount: number }) => a + t.amount, 0)).toBe(sale.tipTotal);
      expect(sale.total).toBe(sale.subtotal - sale.discountTotal + sale.taxTotal);
    }
    const all = (await again.call('GET', `/sales?storeId=${storeId}&status=completed&limit=200`)).json.data as Array<{
      receiptCode: string;
    }>;
    const numbers = all.map((s) => Number(s.receiptCode.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    // An unacknowledged ticket is either completed (the answer was lost) or still open, never half-written;
    // completing it again with its key answers once and charges once.
    for (const sale of tickets.filter((s) => !acknowledged.has(s.id)).slice(0, 10)) {
      const current = (await again.call('GET', `/sales/${sale.id}`)).json;
      expect(['open', 'completed']).toContain(current.status);
      if (current.status === 'open') expect(current.tenders).toEqual([]);
    }
    const z = (
      await again.call(
        'GET',
        `/stores/${storeId}/z-report?date=${all.length ? (await again.call('GET', `/sales/${[...acknowledged.keys()][0]}`)).json.businessDate : ''}`,
      )
    ).json;
    expect(z.sales.count).toBe(numbers.length);
    expect(z.tenders.reduce((a: number, t: { amount: number }) => a + t.amount, 0)).toBe(z.sales.paid);
  }, 240_000);
});
