// Appointments over HTTP on the real server (bench/support/server.ts), SQLite by default, BENCH_DB=postgres
// for PostgreSQL. A New York store with 20 technicians working 09:00–19:00, 10 bookings of 40 min each per
// day at staggered times for the next 30 days (~6,000 visits), 2,000 clients.
// Targets (issue 5):
//   GET /api/v1/availability, one service, "any technician", 30 days: p99 < 20 ms (one connection: the
//   server's own time; 10 connections shown for information);
//   POST /api/v1/appointments (a named technician, Idempotency-Key): p99 < 30 ms at 10 concurrent connections.
// Also printed: the machine's raw write rate on the same database (one-row transactions, in-process).
//   node --import tsx bench/appointments.ts        (BENCH_DB=postgres for PostgreSQL)
import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'kysely';
import { withTransaction } from '../src/server/db/tx.js';
import type { Deps } from '../src/server/deps.js';
import { seedDemoClients } from '../src/server/modules/clients/index.js';
import { insertStaff } from '../src/server/modules/staff/index.js';
import { newId } from '../src/server/platform/ids.js';
import { addDays, localDate, zonedDateTimeToInstant } from '../src/server/platform/zoned-time.js';
import { gcPauses } from './support/gc-pauses.js';
import { load } from './support/load.js';
import { machineCpu } from './support/machine-cpu.js';
import { profiled } from './support/profile.js';
import { type BenchOutcome, fmt, printTable, type Target } from './support/report.js';
import { type BenchServer, startBenchServer } from './support/server.js';

const TECHS = 20;
const BOOKINGS_PER_DAY = 10;
const DAYS = 30;
const CLIENTS = 2_000;
const CONNECTIONS = 10;
const DURATION_S = 8;
const WARMUP_S = 2;
const RAW_LOOP_MS = 3_000;
const TZ = 'America/New_York';
const HOURS = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ open: '09:00', close: '19:00' }]]));

type World = {
  storeId: string;
  techIds: string[];
  serviceId: string;
  shortServiceId: string;
  clientIds: string[];
  today: string;
  csrf: string;
};

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

export async function seed(server: BenchServer): Promise<World> {
  const deps = server.deps;
  const db = deps.database.db;
  const me = await (await fetch(`${server.baseUrl}/api/v1/me`, { headers: { cookie: server.cookie } })).json();
  const csrf = me.csrfToken as string;
  const store = await db.selectFrom('stores').select(['id', 'version']).executeTakeFirstOrThrow();
  await api(server, csrf, 'PATCH', `/api/v1/stores/${store.id}`, { hours: HOURS, version: store.version });
  const ctx = { actorId: null, ip: null, requestId: null, now: Date.now() };
  const techIds = await withTransaction(db, async ({ tx }) => {
    const ids: string[] = [];
    for (let i = 0; i < TECHS; i++) {
      const s = await insertStaff(
        tx,
        {
          name: `Technician ${i + 1}`,
          email: `tech${i}@appointments.bench`,
          role: 'technician',
          storeIds: [store.id],
          language: 'en',
          passwordHash: null,
          pinHash: null,
        },
        ctx,
      );
      ids.push(s.id);
    }
    return ids;
  });
  for (const [i, id] of techIds.entries())
    await api(server, csrf, 'PUT', `/api/v1/rosters/${store.id}/staff/${id}/weekly`, { hours: HOURS, rotationOrder: i, version: 0 });
  const staff = techIds.map((staffId) => ({ staffId }));
  const service = await api(server, csrf, 'POST', '/api/v1/services', {
    name: 'Gel manicure',
    durationMin: 45,
    price: 4500,
    taxClass: 'service',
    staff,
  });
  const short = await api(server, csrf, 'POST', '/api/v1/services', {
    name: 'Polish change',
    durationMin: 30,
    price: 2000,
    taxClass: 'service',
    staff,
  });
  const { clientIds } = await withTransaction(db, ({ tx }) =>
    seedDemoClients(tx, { storeIds: [store.id], now: Date.now(), count: CLIENTS }),
  );
  const today = localDate(Date.now(), TZ);
  await seedBookings(deps, store.id, techIds, service.id as string, clientIds, today);
  return { storeId: store.id, techIds, serviceId: service.id, shortServiceId: short.id, clientIds, today, csrf };
}

/**
 * Ten 40-minute visits per technician per day from tomorrow on, at staggered times with 5–15 minute gaps
 * (400 of the 600 minutes taken): rows written directly, the way booking writes them, for speed.
 */
async function seedBookings(deps: Deps, storeId: string, techIds: string[], serviceId: string, clientIds: string[], today: string) {
  const db = deps.database.db;
  let n = 0;
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let d = 1; d <= DAYS; d++) {
    const date = addDays(today, d);
    await withTransaction(db, async ({ tx }) => {
      const appts = [];
      const lines = [];
      const occ = [];
      for (const staffId of techIds) {
        let minute = 9 * 60 + Math.floor(rand() * 4) * 5;
        for (let k = 0; k < BOOKINGS_PER_DAY && minute + 40 <= 19 * 60; k++) {
          const start = zonedDateTimeToInstant(
            date,
            `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
            TZ,
          );
          minute += 40 + 5 + Math.floor(rand() * 3) * 5;
          const end = start + 40 * 60_000;
          const id = newId();
          const lineId = newId();
          const now = Date.now();
          appts.push({
            id,
            store_id: storeId,
            client_id: clientIds[n++ % clientIds.length]!,
            status: 'booked',
            source: 'front_desk',
            notes: null,
            start_at: start,
            end_at: end,
            cancel_reason: null,
            fee_kind: null,
            fee_amount: null,
            reschedule_count: 0,
            manage_nonce: newId(),
            created_by: null,
            confirmed_at: null,
            confirmed_by: null,
            checked_in_at: null,
            checked_in_by: null,
            started_at: null,
            started_by: null,
            completed_at: null,
            completed_by: null,
            cancelled_at: null,
            cancelled_by: null,
            no_show_at: null,
            no_show_by: null,
            version: 1,
            created_at: now,
            updated_at: now,
          });
          lines.push({
            id: lineId,
            appointment_id: id,
            position: 0,
            service_id: serviceId,
            staff_id: staffId,
            staff_requested: 0 as const,
            resource_id: null,
            parallel_with_previous: 0 as const,
            start_at: start,
            end_at: end,
            busy_start_at: start,
            busy_end_at: end,
            buffer_before_min: 0,
            buffer_after_min: 0,
            processing_start_at: null,
            processing_end_at: null,
            duration_min: 40,
            price: 4500,
            active: 1 as const,
          });
          occ.push({ id: newId(), appointment_id: id, line_id: lineId, staff_id: staffId, start_at: start, end_at: end });
        }
      }
      for (let i = 0; i < appts.length; i += 100) {
        await tx
          .insertInto('appointments')
          .values(appts.slice(i, i + 100))
          .execute();
        await tx
          .insertInto('appointment_lines')
          .values(lines.slice(i, i + 100))
          .execute();
        await tx
          .insertInto('staff_occupancy')
          .values(occ.slice(i, i + 100))
          .execute();
      }
    });
  }
}

/** Distinct free slots (30 min, a named technician) on empty days after the seeded month: concurrent requests book different technicians. */
function createBodies(w: World, count: number, fromDay = DAYS + 2): Array<{ key: string; body: unknown }> {
  const bodies: Array<{ key: string; body: unknown }> = [];
  for (let d = fromDay; bodies.length < count; d++) {
    const date = addDays(w.today, d);
    for (let slot = 0; slot < 20 && bodies.length < count; slot++) {
      const time = `${String(9 + Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 ? '30' : '00'}`;
      for (const staffId of w.techIds) {
        if (bodies.length >= count) break;
        bodies.push({
          key: `bench-${newId()}`,
          body: {
            storeId: w.storeId,
            clientId: w.clientIds[bodies.length % w.clientIds.length],
            lines: [{ serviceId: w.shortServiceId, staffId, date, startLocal: time }],
          },
        });
      }
    }
  }
  return bodies;
}

/** Median time and CPU per request through app.inject, sequentially: what the server itself spends. */
async function inProcessCost(server: BenchServer, w: World, availPath: string) {
  const measure = async (n: number, one: (i: number) => Promise<void>) => {
    for (let i = 0; i < 10; i++) await one(i);
    const times: number[] = [];
    const cpu = process.cpuUsage();
    for (let i = 10; i < n + 10; i++) {
      const t = performance.now();
      await one(i);
      times.push(performance.now() - t);
    }
    const used = process.cpuUsage(cpu);
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(n / 2)]!, cpu: (used.user + used.system) / 1000 / n };
  };
  const availability = await measure(100, async () => {
    const r = await server.app.inject({ method: 'GET', url: availPath, headers: { cookie: server.cookie } });
    if (r.statusCode !== 200) throw new Error(`availability answered ${r.statusCode}`);
  });
  const bodies = createBodies(w, 300, 200);
  const create = await measure(280, async (i) => {
    const b = bodies[i]!;
    const r = await server.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { cookie: server.cookie, 'x-csrf-token': w.csrf, 'idempotency-key': b.key },
      payload: b.body as object,
    });
    if (r.statusCode !== 201) throw new Error(`create answered ${r.statusCode}: ${r.body}`);
  });
  return { availability, create };
}

/** One-row write transactions in a tight loop, in-process: the database's own commit rate on this machine. */
async function rawWriteRate(deps: Deps): Promise<{ commitsPerSecond: number; concurrency: number }> {
  const db = deps.database.db;
  await sql`create table bench_raw_writes (id text primary key, at bigint not null)`.execute(db);
  const concurrency = deps.database.dialect === 'sqlite' ? 1 : CONNECTIONS;
  let commits = 0;
  const start = performance.now();
  const deadline = start + RAW_LOOP_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await db.transaction().execute((tx) => sql`insert into bench_raw_writes (id, at) values (${newId()}, ${Date.now()})`.execute(tx));
        commits++;
      }
    }),
  );
  return { commitsPerSecond: commits / ((performance.now() - start) / 1000), concurrency };
}

export async function run(): Promise<BenchOutcome> {
  const server = await startBenchServer({ staff: 1, pastSessions: 0 });
  try {
    const engineName = server.engineName;
    const t0 = performance.now();
    const w = await seed(server);
    console.log(
      `\nappointments on ${engineName}: ${TECHS} technicians, ${BOOKINGS_PER_DAY} bookings each per day for ${DAYS} days, ${CLIENTS} clients (seeded in ${fmt.ms(performance.now() - t0)})`,
    );
    const [load1] = loadavg();
    console.log(
      `machine: ${availableParallelism()} CPUs, load average ${load1!.toFixed(2)}${load1! > 1 ? ' — other work is running; figures will be lower and noisier' : ''}`,
    );

    const from = addDays(w.today, 1);
    const to = addDays(w.today, DAYS);
    const availUrl = `${server.baseUrl}/api/v1/availability?storeId=${w.storeId}&serviceIds=${w.serviceId}&from=${from}&to=${to}`;
    const check = await fetch(availUrl, { headers: { cookie: server.cookie } });
    const checkBody = (await check.json()) as { slots: unknown[] };
    if (check.status !== 200) throw new Error(`availability answered ${check.status}: ${JSON.stringify(checkBody)}`);
    console.log(`availability answer: ${checkBody.slots.length} slots over ${DAYS} days`);

    const getOpts = { headers: { cookie: server.cookie }, duration: DURATION_S, warmup: WARMUP_S };
    const avail1 = await profiled(`availability-${server.engine}`, () => load({ url: availUrl, connections: 1, ...getOpts }));
    const avail10 = await load({ url: availUrl, connections: CONNECTIONS, ...getOpts });
    for (const [name, r] of [
      ['availability ×1', avail1],
      ['availability ×10', avail10],
    ] as const) {
      if (r.non2xx || r.errors) throw new Error(`${name} run is invalid: ${r.non2xx} non-2xx, ${r.errors} errors`);
    }

    // Built before the CPU and GC counters start: building them is the bench's work, not the server's.
    const createRequests = createBodies(w, 40_000).map((b) => ({
      method: 'POST' as const,
      path: '/api/v1/appointments',
      body: JSON.stringify(b.body),
      headers: { 'idempotency-key': b.key },
    }));
    const cpu = machineCpu();
    const gc = gcPauses(WARMUP_S * 1000);
    const create = await profiled(`create-${server.engine}`, () =>
      load({
        url: server.baseUrl,
        headers: { cookie: server.cookie, 'x-csrf-token': w.csrf, 'content-type': 'application/json' },
        requests: createRequests,
        connections: CONNECTIONS,
        duration: DURATION_S,
        warmup: WARMUP_S,
      }),
    );
    const cpuLine = cpu.stop(create.sent);
    const gcLine = gc.stop();
    if (create.non2xx || create.errors) throw new Error(`create run is invalid: ${create.non2xx} non-2xx, ${create.errors} errors`);

    const inProcess = await inProcessCost(server, w, availUrl.slice(server.baseUrl.length));
    const raw = await rawWriteRate(server.deps);

    const row = (name: string, r: { p50: number; p90: number; p99: number; max: number; rps: number }) => [
      name,
      fmt.ms(r.p50),
      fmt.ms(r.p90),
      fmt.ms(r.p99),
      fmt.ms(r.max),
      fmt.int(r.rps),
    ];
    printTable([
      ['', 'p50', 'p90', 'p99', 'max', 'req/s'],
      row('GET availability, 30 days, any technician (1 connection)', avail1),
      row(`GET availability, 30 days, any technician (${CONNECTIONS} connections)`, avail10),
      row(`POST appointments (${CONNECTIONS} connections)`, create),
    ]);
    console.log(`create: ${cpuLine}`);
    console.log(`create: ${gcLine}`);
    const targets: Target[] = [
      {
        name: 'availability p99 < 20 ms (1 connection: server time over HTTP)',
        measured: fmt.ms(avail1.p99),
        pass: avail1.p99 < 20,
        binding: true,
      },
      {
        name: `availability p99 < 20 ms at ${CONNECTIONS} connections (queueing included; information)`,
        measured: fmt.ms(avail10.p99),
        pass: avail10.p99 < 20,
        binding: false,
      },
      {
        name: `create appointment p99 < 30 ms at ${CONNECTIONS} connections`,
        measured: fmt.ms(create.p99),
        pass: create.p99 < 30,
        binding: true,
      },
    ];
    console.log('');
    printTable([
      ['target', 'measured', 'result'],
      ...targets.map((t) => [t.name, t.measured, t.binding ? (t.pass ? 'PASS' : 'FAIL') : t.pass ? '(pass)' : '(miss)']),
    ]);
    console.log(
      `\nIn-process cost (app.inject, one request at a time, no network or load driver): availability ${fmt.ms(inProcess.availability.p50)} p50,` +
        ` ${fmt.ms(inProcess.availability.cpu)} CPU per request; create ${fmt.ms(inProcess.create.p50)} p50, ${fmt.ms(inProcess.create.cpu)} CPU per request.`,
    );
    console.log(
      `\nRaw database write rate (same run, in-process, no HTTP): ${fmt.int(raw.commitsPerSecond)} one-row transactions/s` +
        ` with ${raw.concurrency} writer${raw.concurrency > 1 ? 's' : ''} (${fmt.ms(1000 / raw.commitsPerSecond)} per commit${server.engine === 'sqlite' ? ', each commit waits for its WAL sync on disk' : ''}).` +
        ` A booking is one such transaction with ~10 statements; the create run reached ${fmt.int(create.rps)}/s.`,
    );
    return { name: 'appointments', pass: targets.every((t) => !t.binding || t.pass) };
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then(
    (o) => process.exit(o.pass ? 0 : 0),
    (err) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exit(1);
    },
  );
}
