// Treatment timelines and package redemption over HTTP on the real server (bench/support/server.ts), SQLite
// by default, BENCH_DB=postgres for PostgreSQL. A salon with 20 staff, 5,000 clients, 3,000 treatment
// records of a year, 200 packages sold; one client with 100 records (metrics, 20 photos) on a package.
// Targets (issue 8):
//   GET /api/v1/clients/:id/timeline of a client with 100 records: p99 < 30 ms (one connection: the server's
//   own time, read audited as in production; 10 connections shown for information);
//   a package redemption adds < 2 ms p50 to checkout completion (a redemption ticket vs a service ticket).
// Also printed: the timeline built in-process in a loop (no HTTP): the ceiling the database sets.
//   node --import tsx bench/timeline.ts        (BENCH_DB=postgres for PostgreSQL)
import { availableParallelism, loadavg } from 'node:os';
import { withTransaction } from '../src/server/db/tx.js';
import { seedDemoClients } from '../src/server/modules/clients/index.js';
import { purchasePackage, redeemSession } from '../src/server/modules/packages/index.js';
import { clientTimeline, createRecord, PRESETS } from '../src/server/modules/treatments/index.js';
import { createFieldCipher } from '../src/server/platform/crypto.js';
import { newId } from '../src/server/platform/ids.js';
import { load } from './support/load.js';
import { profiled } from './support/profile.js';
import { type BenchOutcome, fmt, printTable, type Target } from './support/report.js';
import { type BenchServer, startBenchServer } from './support/server.js';

const CLIENTS = 5_000;
const RECORDS = 3_000;
const TARGET_RECORDS = 100;
const PACKAGES = 200;
const TICKETS = 150;
const DURATION_S = 8;
const WARMUP_S = 2;
const RAW_LOOP_MS = 3_000;
const DAY = 86_400_000;

type World = {
  storeId: string;
  techIds: string[];
  facial: string;
  target: string;
  packageClients: Array<{ clientId: string; packageId: string }>;
  csrf: string;
};

async function api(server: BenchServer, csrf: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie: server.cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

export async function seed(server: BenchServer): Promise<World> {
  const db = server.deps.database.db;
  const me = await (await fetch(`${server.baseUrl}/api/v1/me`, { headers: { cookie: server.cookie } })).json();
  const csrf = me.csrfToken as string;
  const store = await db.selectFrom('stores').select('id').executeTakeFirstOrThrow();
  const techIds = (await db.selectFrom('staff').select('id').where('role', '=', 'technician').execute()).map((r) => r.id);
  const category = await api(server, csrf, 'POST', '/api/v1/service-categories', { name: 'Facials' });
  const facial = await api(server, csrf, 'POST', '/api/v1/services', {
    name: 'Signature Facial',
    durationMin: 60,
    price: 9_000,
    categoryId: category.id,
    staff: techIds.map((staffId) => ({ staffId })),
  });
  await api(server, csrf, 'POST', '/api/v1/treatment-templates', {
    name: 'Facial record',
    categoryIds: [category.id],
    fields: PRESETS.facial.fields,
  });
  const tpl = await api(server, csrf, 'POST', '/api/v1/package-templates', {
    name: '100 Facials',
    items: [{ label: 'Facial', sessions: 100, serviceIds: [facial.id] }],
    price: 500_000,
    validity: { kind: 'months', months: 24 },
  });
  const { clientIds } = await withTransaction(db, ({ tx }) =>
    seedDemoClients(tx, { storeIds: [store.id], now: Date.now(), count: CLIENTS }),
  );
  const cipher = createFieldCipher(server.deps.secrets.fieldKey);
  const now = Date.now();
  const audit = (at: number) => ({ actorId: null, ip: null, requestId: null, now: at });
  const metrics = (i: number, n: number) => ({
    skinType: 'combination',
    hydration: 1 + Math.round((3 * i) / n),
    oiliness: 5 - Math.round((3 * i) / n),
    sensitivity: 3,
    pores: 4 - Math.round((2 * i) / n),
    concerns: ['acne'],
  });

  // Packages for the redemption run, and the target client's package with her 100 records.
  const packageClients: World['packageClients'] = [];
  await withTransaction(db, async ({ tx }) => {
    for (let i = 0; i < PACKAGES; i++) {
      const clientId = clientIds[i]!;
      const pkg = await purchasePackage(tx, {
        templateId: tpl.id,
        clientId,
        storeId: store.id,
        price: 500_000,
        audit: audit(now - 300 * DAY),
      });
      packageClients.push({ clientId, packageId: pkg.id });
    }
  });
  const target = packageClients[0]!;
  await withTransaction(db, async ({ tx }) => {
    for (let i = 0; i < TARGET_RECORDS; i++) {
      const at = now - (TARGET_RECORDS - i) * 3 * DAY;
      const tech = techIds[i % techIds.length]!;
      const session = await redeemSession(tx, {
        packageId: target.packageId,
        serviceId: facial.id,
        storeId: store.id,
        clientId: target.clientId,
        staffId: tech,
        source: 'direct',
        audit: audit(at),
      });
      const rec = await createRecord(
        tx,
        { staffId: tech },
        {
          clientId: target.clientId,
          storeId: store.id,
          serviceId: facial.id,
          packageSessionId: session.id,
          startedAt: new Date(at).toISOString(),
          metrics: metrics(i, TARGET_RECORDS),
          notes: 'Congested T-zone; prefers fragrance-free products.',
          aftercare: 'SPF every morning',
          technique: 'Double cleanse, extraction, LED',
          nextRecommendedOn: new Date(at + 21 * DAY).toISOString().slice(0, 10),
          sharedWithClient: true,
        },
        cipher,
        audit(at),
      );
      if (i % 5 === 0)
        await tx
          .insertInto('treatment_photos')
          .values({
            id: newId(),
            record_id: rec.id,
            client_id: target.clientId,
            kind: i % 10 ? 'after' : 'before',
            file: `bench/${rec.id}.jpg`,
            thumb_file: `bench/${rec.id}.thumb.jpg`,
            width: 1536,
            height: 2048,
            bytes: 400_000,
            sha256: '0',
            created_by: tech,
            created_at: at,
          })
          .execute();
    }
  });
  // A year of other clients' records.
  for (let start = 0; start < RECORDS; start += 500) {
    await withTransaction(db, async ({ tx }) => {
      for (let i = start; i < Math.min(RECORDS, start + 500); i++) {
        const at = now - Math.floor((i / RECORDS) * 365) * DAY;
        await createRecord(
          tx,
          { staffId: techIds[i % techIds.length]! },
          {
            clientId: clientIds[PACKAGES + (i % (CLIENTS - PACKAGES))]!,
            storeId: store.id,
            serviceId: facial.id,
            startedAt: new Date(at).toISOString(),
            metrics: metrics(i % 10, 10),
            notes: 'Routine facial',
          },
          cipher,
          audit(at),
        );
      }
    });
  }
  return { storeId: store.id, techIds, facial: facial.id, target: target.clientId, packageClients, csrf };
}

/** Completes `n` service tickets and `n` redemption tickets, interleaved; returns each kind's latencies (ms). */
async function completions(server: BenchServer, w: World, n: number) {
  const open = async (lines: unknown[], clientId: string) =>
    api(server, w.csrf, 'POST', '/api/v1/sales', { storeId: w.storeId, clientId, lines });
  const tickets: Array<{ kind: 'service' | 'redemption'; sale: { id: string; version: number; total: number } }> = [];
  for (let i = 0; i < n; i++) {
    const pc = w.packageClients[1 + (i % (w.packageClients.length - 1))]!;
    const tech = [{ staffId: w.techIds[i % w.techIds.length]! }];
    tickets.push({ kind: 'service', sale: await open([{ kind: 'service', serviceId: w.facial, technicians: tech }], pc.clientId) });
    tickets.push({
      kind: 'redemption',
      sale: await open(
        [{ kind: 'package_redemption', clientPackageId: pc.packageId, serviceId: w.facial, technicians: tech }],
        pc.clientId,
      ),
    });
  }
  const out = { service: [] as number[], redemption: [] as number[] };
  let k = 0;
  for (const t of tickets) {
    const body = { version: t.sale.version, tip: { amount: 500 }, tenders: [{ kind: 'card', amount: t.sale.total + 500 }] };
    const start = performance.now();
    await api(server, w.csrf, 'POST', `/api/v1/sales/${t.sale.id}/complete`, body, { 'idempotency-key': `bench-${++k}-${t.sale.id}` });
    out[t.kind].push(performance.now() - start);
  }
  return out;
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

export async function run(): Promise<BenchOutcome> {
  const server = await startBenchServer();
  try {
    const t0 = performance.now();
    const w = await seed(server);
    const engineName = server.engineName;
    console.log(
      `\ntimeline: ${engineName}; seeded ${CLIENTS} clients, ${RECORDS + TARGET_RECORDS} records, ${PACKAGES} packages in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const [load1] = loadavg();
    console.log(
      `machine: ${availableParallelism()} CPUs, load average ${load1!.toFixed(2)}${load1! > 1 ? ' — other work is running; figures will be lower and noisier' : ''}`,
    );

    const url = `${server.baseUrl}/api/v1/clients/${w.target}/timeline`;
    const check = await fetch(url, { headers: { cookie: server.cookie } });
    const body = await check.json();
    if (check.status !== 200 || body.records.length !== TARGET_RECORDS)
      throw new Error(`timeline answered ${check.status} with ${body.records?.length} records`);
    const opts = { url, headers: { cookie: server.cookie }, duration: DURATION_S, warmup: WARMUP_S };
    const one = await profiled(`timeline-${server.engine}`, () => load({ ...opts, connections: 1 }));
    const ten = await load({ ...opts, connections: 10 });
    for (const [name, r] of [
      ['1 connection', one],
      ['10 connections', ten],
    ] as const)
      if (r.non2xx || r.errors) throw new Error(`${name} run is invalid: ${r.non2xx} non-2xx responses, ${r.errors} errors`);

    const done = await completions(server, w, TICKETS);
    const svc50 = pct(done.service, 0.5);
    const red50 = pct(done.redemption, 0.5);

    // The ceiling: the same timeline built in-process (no HTTP, no audit row), in a loop.
    const cipher = createFieldCipher(server.deps.secrets.fieldKey);
    const db = server.deps.database.db;
    for (let i = 0; i < 20; i++) await clientTimeline(db, w.target, { health: true, portal: false, cipher, now: Date.now() });
    let built = 0;
    const start = performance.now();
    while (performance.now() - start < RAW_LOOP_MS) {
      await clientTimeline(db, w.target, { health: true, portal: false, cipher, now: Date.now() });
      built++;
    }
    const rawMs = (performance.now() - start) / built;

    printTable([
      ['', 'p50', 'p90', 'p99', 'max', 'req/s'],
      ['GET timeline (100 records), 1 conn', fmt.ms(one.p50), fmt.ms(one.p90), fmt.ms(one.p99), fmt.ms(one.max), fmt.int(one.rps)],
      ['GET timeline (100 records), 10 conn', fmt.ms(ten.p50), fmt.ms(ten.p90), fmt.ms(ten.p99), fmt.ms(ten.max), fmt.int(ten.rps)],
      [
        'complete: service ticket',
        fmt.ms(svc50),
        fmt.ms(pct(done.service, 0.9)),
        fmt.ms(pct(done.service, 0.99)),
        fmt.ms(Math.max(...done.service)),
        '–',
      ],
      [
        'complete: package redemption ticket',
        fmt.ms(red50),
        fmt.ms(pct(done.redemption, 0.9)),
        fmt.ms(pct(done.redemption, 0.99)),
        fmt.ms(Math.max(...done.redemption)),
        '–',
      ],
    ]);
    const targets: Target[] = [
      {
        name: 'timeline of a client with 100 records: p99 < 30 ms (1 connection)',
        measured: fmt.ms(one.p99),
        pass: one.p99 < 30,
        binding: true,
      },
      { name: 'timeline at 10 connections: p99 < 30 ms (information)', measured: fmt.ms(ten.p99), pass: ten.p99 < 30, binding: false },
      {
        name: 'a package redemption adds < 2 ms p50 to checkout completion',
        measured: fmt.ms(red50 - svc50),
        pass: red50 - svc50 < 2,
        binding: true,
      },
    ];
    console.log('');
    printTable([
      ['target', 'measured', 'result'],
      ...targets.map((t) => [t.name, t.measured, t.binding ? (t.pass ? 'PASS' : 'FAIL') : t.pass ? '(pass)' : '(miss)']),
    ]);
    console.log(
      `\nRaw limit (same run, in-process, no HTTP, no audit row): the timeline built in ${fmt.ms(rawMs)} (${fmt.int(1000 / rawMs)} per second, one caller).`,
    );
    return { name: 'timeline', pass: targets.every((t) => !t.binding || t.pass) };
  } finally {
    await server.close();
  }
}

// Runnable alone: `node --import tsx bench/timeline.ts`.
if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  run().then(
    (o) => process.exit(o.pass ? 0 : 0),
    (err) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(1);
    },
  );
}
