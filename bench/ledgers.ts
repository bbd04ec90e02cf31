// Ledgers (issue 7) over HTTP on the real server (bench/support/server.ts): SQLite by default,
// BENCH_DB=postgres for PostgreSQL. A store with 20 staff, a month of completed sales, 300 clients with
// stored value (top-ups under a bonus rule), and one client with a 10,000-entry wallet history.
// Targets (issue 7), which name no concurrency, so they are judged one request at a time (what the tender
// or the statement itself costs, without queueing behind other requests):
//   a stored-value tender adds < 2 ms p50 to checkout completion (the same 1-line ticket paid by card vs by
//   stored value, alternating, one completion at a time);
//   a statement page (50 rows) of a client with 10,000 entries: p99 < 20 ms, one request at a time.
// The same figures at 10 concurrent connections are printed as information rows (queueing included), like
// the availability rows of bench/appointments.ts. Also for information: concurrent spends on ONE wallet
// (the worst contention: every spend waits for the row lock) as throughput and p99, next to the raw rate
// of the same guarded update + insert in plain SQL in the same run.
//   node --import tsx bench/ledgers.ts        (BENCH_DB=postgres for PostgreSQL)
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { withTransaction } from '../src/server/db/tx.js';
import type { Deps } from '../src/server/deps.js';
import { reconcile } from '../src/server/modules/ledgers/index.js';
import { seedDemoSales } from '../src/server/modules/sales/index.js';
import { spend, topUp } from '../src/server/modules/wallet/index.js';
import { newId } from '../src/server/platform/ids.js';
import { load } from './support/load.js';
import { type BenchOutcome, fmt, printTable, type Target } from './support/report.js';
import { type BenchServer, startBenchServer } from './support/server.js';

const CONNECTIONS = 10;
const DURATION_S = 5;
const WARMUP_S = 1;
const CONTENTION_MS = 3_000;
const CLIENTS = 300;
const HEAVY_ENTRIES = 10_000;

type World = { storeId: string; csrf: string; tech: string; service: string; price: number; clients: string[]; heavy: string };

async function api(server: BenchServer, csrf: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie: server.cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

async function seed(server: BenchServer): Promise<World> {
  const db = server.deps.database.db;
  const me = await (await fetch(`${server.baseUrl}/api/v1/me`, { headers: { cookie: server.cookie } })).json();
  const csrf = me.csrfToken as string;
  const storeId = me.stores[0].id as string;
  const tech = (await db.selectFrom('staff').select('id').where('role', '=', 'technician').orderBy('id').limit(1).executeTakeFirstOrThrow())
    .id;
  const price = 4_500;
  const service = (
    await api(server, csrf, 'POST', '/api/v1/services', { name: 'Gel manicure', durationMin: 45, price, staff: [{ staffId: tech }] })
  ).id as string;
  await api(server, csrf, 'POST', '/api/v1/wallet/bonus-rules', {
    name: 'Pay 500 get 150',
    thresholds: [
      { pay: 10_000, bonus: 2_000 },
      { pay: 50_000, bonus: 15_000 },
    ],
  });
  await withTransaction(db, ({ tx }) => seedDemoSales(tx, { storeIds: [storeId], now: Date.now(), days: 30, walkInsPerDay: 15 }));
  const clients: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const c = await api(server, csrf, 'POST', '/api/v1/clients', {
      firstName: `Wallet${i}`,
      lastName: 'Bench',
      phone: `+1212555${String(1000 + i).padStart(4, '0')}`,
      homeStoreId: storeId,
    });
    clients.push(c.id);
  }
  await withTransaction(db, async ({ tx }) => {
    for (const clientId of clients) await topUp(tx, { clientId, storeId, amount: 1_000_000, actorId: null, now: Date.now() });
  });
  // The heavy client: 10,000 wallet entries (top-ups and many small payments).
  const heavy = (
    await api(server, csrf, 'POST', '/api/v1/clients', {
      firstName: 'Heavy',
      lastName: 'History',
      phone: '+12125559999',
      homeStoreId: storeId,
    })
  ).id as string;
  let entries = 0;
  while (entries < HEAVY_ENTRIES) {
    await withTransaction(db, async ({ tx }) => {
      const r = await topUp(tx, { clientId: heavy, storeId, amount: 50_000, actorId: null, now: Date.now() });
      entries += r.bonus > 0 ? 2 : 1;
      for (let k = 0; k < 200 && entries < HEAVY_ENTRIES; k++) {
        const s = await spend(tx, {
          clientId: heavy,
          storeId,
          amount: 250,
          refType: 'bench',
          refId: newId(),
          actorId: null,
          now: Date.now(),
        });
        entries += (s.principal > 0 ? 1 : 0) + (s.bonus > 0 ? 1 : 0);
      }
    });
  }
  return { storeId, csrf, tech, service, price, clients, heavy };
}

type Job = { path: string; key: string; body: string };

async function prepare(server: BenchServer, w: World, count: number, pay: 'card' | 'stored_value'): Promise<Job[]> {
  const out: Job[] = [];
  const one = async (i: number) => {
    const clientId = w.clients[i % w.clients.length]!;
    const sale = await api(server, w.csrf, 'POST', '/api/v1/sales', {
      storeId: w.storeId,
      clientId,
      lines: [{ kind: 'service', serviceId: w.service, technicians: [{ staffId: w.tech }] }],
    });
    out.push({
      path: `/api/v1/sales/${sale.id}/complete`,
      key: newId(),
      body: JSON.stringify({
        version: sale.version,
        tenders: [
          pay === 'card'
            ? { kind: 'card', amount: sale.total, brand: 'visa', last4: '4242' }
            : { kind: 'stored_value', amount: sale.total },
        ],
      }),
    });
  };
  for (let i = 0; i < count; i += CONNECTIONS)
    await Promise.all(Array.from({ length: Math.min(CONNECTIONS, count - i) }, (_, k) => one(i + k)));
  return out;
}

// The load driver in its own thread (plain JS via eval): CONNECTIONS keep-alive loops take the next
// prepared ticket until the measured time is up.
const DRIVER = `
const { parentPort, workerData } = require('node:worker_threads');
const { baseUrl, headers, jobs, connections, warmupMs, durationMs } = workerData;
(async () => {
  const latencies = []; let non2xx = 0; let errors = 0; let firstError = null; let next = 0;
  const startAt = performance.now(); const measureFrom = startAt + warmupMs; const stopAt = measureFrom + durationMs;
  let measuredStart = 0; let measuredEnd = 0; let ranOut = false;
  await Promise.all(Array.from({ length: connections }, async () => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= stopAt) break;
      const job = jobs[next++];
      if (!job) { ranOut = true; break; }
      try {
        const res = await fetch(baseUrl + job.path, { method: 'POST', headers: { ...headers, 'idempotency-key': job.key }, body: job.body });
        const text = await res.text();
        const t1 = performance.now();
        if (t0 >= measureFrom) {
          if (!measuredStart) measuredStart = t0;
          measuredEnd = t1;
          if (res.status >= 200 && res.status < 300) latencies.push(t1 - t0); else { non2xx++; firstError ??= res.status + ' ' + text.slice(0, 300); }
        }
      } catch (err) { errors++; firstError ??= String(err); }
    }
  }));
  parentPort.postMessage({ latencies: Float64Array.from(latencies), non2xx, errors, firstError, ranOut, seconds: (measuredEnd - measuredStart) / 1000 });
})();
`;

type Stats = { requests: number; rps: number; p50: number; p90: number; p99: number; max: number; ranOut?: boolean };

const stats = (latencies: Float64Array | number[], seconds: number): Stats => {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : Number.NaN);
  return {
    requests: sorted.length,
    rps: sorted.length / seconds,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
};

function drive(server: BenchServer, csrf: string, jobs: Array<{ path: string; key: string; body: string }>): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(DRIVER, {
      eval: true,
      workerData: {
        baseUrl: server.baseUrl,
        headers: { cookie: server.cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        jobs,
        connections: CONNECTIONS,
        warmupMs: WARMUP_S * 1000,
        durationMs: DURATION_S * 1000,
      },
    });
    const limit = setTimeout(
      () => {
        void worker.terminate();
        reject(new Error('load did not finish in time'));
      },
      (WARMUP_S + DURATION_S + 60) * 1000,
    );
    worker.once('error', (err) => {
      clearTimeout(limit);
      reject(err);
    });
    worker.once(
      'message',
      (m: { latencies: Float64Array; non2xx: number; errors: number; firstError: string | null; ranOut: boolean; seconds: number }) => {
        clearTimeout(limit);
        void worker.terminate();
        if (m.non2xx || m.errors) return reject(new Error(`invalid run: ${m.non2xx} non-2xx, ${m.errors} errors; first: ${m.firstError}`));
        resolve({ ...stats(m.latencies, m.seconds), ranOut: m.ranOut });
      },
    );
  });
}

/**
 * One request at a time, card and stored value alternating, so queueing under concurrency (and other load
 * on the machine) hides less of what the stored-value tender itself costs.
 */
async function sequential(server: BenchServer, csrf: string, card: Job[], sv: Job[]) {
  const headers = { cookie: server.cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
  const times: Record<'card' | 'sv', number[]> = { card: [], sv: [] };
  for (let i = 0; i < Math.min(card.length, sv.length); i++) {
    for (const [kind, job] of [
      ['card', card[i]!],
      ['sv', sv[i]!],
    ] as const) {
      const t0 = performance.now();
      const res = await fetch(server.baseUrl + job.path, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': job.key },
        body: job.body,
      });
      await res.text();
      if (res.status !== 200) throw new Error(`sequential ${kind} completion answered ${res.status}`);
      if (i >= 20) times[kind].push(performance.now() - t0);
    }
  }
  return { card: stats(times.card, 1), sv: stats(times.sv, 1) };
}

/** Statement pages one at a time: the query path without queueing. */
async function sequentialStatement(server: BenchServer, clientId: string, requests: number): Promise<Stats> {
  const latencies: number[] = [];
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    const res = await fetch(`${server.baseUrl}/api/v1/clients/${clientId}/wallet/statement?limit=50`, {
      headers: { cookie: server.cookie },
    });
    await res.text();
    if (res.status !== 200) throw new Error(`statement answered ${res.status}`);
    if (i >= 20) latencies.push(performance.now() - t0);
  }
  return stats(latencies, 1);
}

/** Concurrent spends of 1 ¢ on ONE wallet, in-process through the wallet service, for CONTENTION_MS. */
async function contention(deps: Deps, clientId: string, storeId: string): Promise<Stats> {
  const db = deps.database.db;
  const latencies: number[] = [];
  const start = performance.now();
  const deadline = start + CONTENTION_MS;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await withTransaction(db, ({ tx }) =>
          spend(tx, { clientId, storeId, amount: 1, refType: 'bench', refId: newId(), actorId: null, now: Date.now() }),
        );
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return stats(latencies, (performance.now() - start) / 1000);
}

/** The raw database limit for the same work: one guarded update + one insert per transaction, plain SQL. */
async function rawGuardedRate(deps: Deps): Promise<number> {
  const db = deps.database.db;
  await sql`create table bench_raw_accounts (id text primary key, balance integer not null)`.execute(db);
  await sql`create table bench_raw_entries (id text primary key, account_id text not null, amount integer not null, balance_after integer not null)`.execute(
    db,
  );
  await sql`insert into bench_raw_accounts (id, balance) values ('w', 1000000000)`.execute(db);
  let commits = 0;
  const start = performance.now();
  const deadline = start + CONTENTION_MS;
  await Promise.all(
    Array.from({ length: deps.database.dialect === 'sqlite' ? 1 : CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        await db.transaction().execute(async (tx) => {
          const r = await sql<{
            balance: number;
          }>`update bench_raw_accounts set balance = balance - 1 where id = 'w' and balance >= 1 returning balance`.execute(tx);
          await sql`insert into bench_raw_entries (id, account_id, amount, balance_after) values (${newId()}, 'w', -1, ${r.rows[0]!.balance})`.execute(
            tx,
          );
        });
        commits++;
      }
    }),
  );
  return commits / ((performance.now() - start) / 1000);
}

export async function run(): Promise<BenchOutcome> {
  const server = await startBenchServer({ pastSessions: 500 });
  try {
    const engineName = server.engineName;
    const t0 = performance.now();
    const w = await seed(server);
    const [sales, entries] = await Promise.all([
      server.deps.database.db
        .selectFrom('sales')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      server.deps.database.db
        .selectFrom('ledger_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    console.log(
      `\nledgers on ${engineName}: ${Number(sales.n)} sales, ${CLIENTS} wallets, ${Number(entries.n)} ledger entries (seeded in ${fmt.ms(performance.now() - t0)})`,
    );
    const [load1] = loadavg();
    console.log(
      `machine: ${availableParallelism()} CPUs, load average ${load1!.toFixed(2)}${load1! > 1 ? ' — other work is running; figures will be lower and noisier' : ''}`,
    );

    const count = server.engine === 'sqlite' ? 4_000 : 3_000;
    const card = await drive(server, w.csrf, await prepare(server, w, count, 'card'));
    const sv = await drive(server, w.csrf, await prepare(server, w, count, 'stored_value'));
    const seq = await sequential(server, w.csrf, await prepare(server, w, 220, 'card'), await prepare(server, w, 220, 'stored_value'));

    const page = (cursor?: string) =>
      `${server.baseUrl}/api/v1/clients/${w.heavy}/wallet/statement?limit=50${cursor ? `&cursor=${cursor}` : ''}`;
    const statement = await load({
      url: page(),
      headers: { cookie: server.cookie },
      connections: CONNECTIONS,
      duration: DURATION_S,
      warmup: WARMUP_S,
    });
    if (statement.non2xx || statement.errors)
      throw new Error(`statement run invalid: ${statement.non2xx} non-2xx, ${statement.errors} errors`);
    const deep = await load({
      url: page(Buffer.from('60').toString('base64url')),
      headers: { cookie: server.cookie },
      connections: CONNECTIONS,
      duration: 2,
      warmup: 1,
    });
    const seqStatement = await sequentialStatement(server, w.heavy, 520);

    const one = await contention(server.deps, w.clients[0]!, w.storeId);
    const raw = await rawGuardedRate(server.deps);
    const recon = await reconcile(server.deps.database.db);

    const row = (name: string, r: Stats, rps = true) => [
      name,
      fmt.ms(r.p50),
      fmt.ms(r.p90),
      fmt.ms(r.p99),
      fmt.ms(r.max),
      rps ? fmt.int(r.rps) : '–',
    ];
    printTable([
      ['', 'p50', 'p90', 'p99', 'max', 'req/s'],
      row(`complete, paid by card (${CONNECTIONS} conn.)`, card),
      row(`complete, paid by stored value (${CONNECTIONS} conn.)`, sv),
      row('complete, paid by card (one at a time)', seq.card, false),
      row('complete, paid by stored value (one at a time)', seq.sv, false),
      row(`statement page 1, 10,000 entries (${CONNECTIONS} conn.)`, statement),
      row(`statement, deep page (${CONNECTIONS} conn.)`, deep),
      row('statement page 1 (one at a time)', seqStatement, false),
      row(`spends on ONE wallet, ${CONNECTIONS} at once (in-process)`, one),
    ]);
    if (card.ranOut || sv.ranOut) console.log('(prepared tickets ran out before the measured time was up; figures cover what ran)');
    const added = sv.p50 - card.p50;
    const addedSeq = seq.sv.p50 - seq.card.p50;
    const targets: Target[] = [
      {
        name: 'a stored-value tender adds < 2 ms p50 to completion (one at a time)',
        measured: `${fmt.ms(addedSeq)} (${fmt.ms(seq.sv.p50)} vs ${fmt.ms(seq.card.p50)})`,
        pass: addedSeq < 2,
        binding: true,
      },
      {
        name: `  the same at ${CONNECTIONS} connections (queueing included; information)`,
        measured: `${fmt.ms(added)} (${fmt.ms(sv.p50)} vs ${fmt.ms(card.p50)})`,
        pass: added < 2,
        binding: false,
      },
      {
        name: 'statement page of a 10,000-entry client: p99 < 20 ms (one at a time)',
        measured: fmt.ms(seqStatement.p99),
        pass: seqStatement.p99 < 20,
        binding: true,
      },
      {
        name: `  the same at ${CONNECTIONS} connections (queueing included; information)`,
        measured: fmt.ms(statement.p99),
        pass: statement.p99 < 20,
        binding: false,
      },
      {
        name: `one-wallet spends vs the raw guarded update + insert (${server.engine === 'sqlite' ? '1 writer' : `${CONNECTIONS} at once`})`,
        measured: `${fmt.int(one.rps)} vs ${fmt.int(raw)} tx/s = ${((one.rps / raw) * 100).toFixed(0)} %`,
        pass: true,
        binding: false,
      },
    ];
    console.log('');
    printTable([
      ['target', 'measured', 'result'],
      ...targets.map((t) => [t.name, t.measured, t.binding ? (t.pass ? 'PASS' : 'FAIL') : t.pass ? '(pass)' : '(miss)']),
    ]);
    console.log(
      `\nreconcile after the run: ${recon.accounts} accounts, ${recon.entries} entries, ${recon.ok ? 'all reconcile' : `${recon.problems.length} DO NOT RECONCILE`}`,
    );
    return { name: 'ledgers', pass: recon.ok && targets.every((t) => !t.binding || t.pass) };
  } finally {
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then(
    () => process.exit(0),
    (err) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(1);
    },
  );
}
