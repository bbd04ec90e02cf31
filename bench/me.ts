import { availableParallelism, loadavg } from 'node:os';
import Fastify from 'fastify';
import type { KyselyPlugin } from 'kysely';
import type { Deps } from '../src/server/deps.js';
import { actorFromSessionToken, buildMe } from '../src/server/modules/auth/index.js';
import { type LoadResult, load } from './support/load.js';
import { profiled } from './support/profile.js';
import { type BenchOutcome, fmt, printTable, type Target } from './support/report.js';
import { startBenchServer } from './support/server.js';

// GET /api/v1/me with a session cookie, against a bare Fastify route served from the same process.
// Targets (issue 3): p99 < 5 ms at 10 connections on SQLite; throughput ≥ 60 % of the bare route.

const CONNECTIONS = 10;
const DURATION_S = 8;
const WARMUP_S = 2;
const RAW_LOOP_MS = 3_000;

export async function run(): Promise<BenchOutcome> {
  const server = await startBenchServer();
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  try {
    await bare.listen({ host: '127.0.0.1', port: 0 });
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;
    const meUrl = `${server.baseUrl}/api/v1/me`;

    const check = await fetch(meUrl, { headers: { cookie: server.cookie } });
    if (check.status !== 200) throw new Error(`GET /api/v1/me answered ${check.status}: ${await check.text()}`);

    const engineName = server.engineName;
    console.log(`\nme: GET /api/v1/me on ${engineName}, ${CONNECTIONS} connections, ${DURATION_S} s per run after ${WARMUP_S} s warm-up`);
    const [load1] = loadavg();
    console.log(
      `machine: ${availableParallelism()} CPUs, load average ${load1!.toFixed(2)}${load1! > 1 ? ' — other work is running; figures will be lower and noisier' : ''}`,
    );
    const opts = { connections: CONNECTIONS, duration: DURATION_S, warmup: WARMUP_S };
    const bareRes = await load({ url: bareUrl, ...opts });
    const meRes = await profiled(`me-${server.engine}`, () => load({ url: meUrl, headers: { cookie: server.cookie }, ...opts }));
    for (const [name, r] of [
      ['bare', bareRes],
      ['me', meRes],
    ] as const) {
      if (r.non2xx || r.errors) throw new Error(`${name} run is invalid: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
    }

    const raw = await rawLimit(server.deps, server.sessionToken);

    const row = (name: string, r: LoadResult) => [name, fmt.ms(r.p50), fmt.ms(r.p90), fmt.ms(r.p99), fmt.ms(r.max), fmt.int(r.rps)];
    printTable([['', 'p50', 'p90', 'p99', 'max', 'req/s'], row('bare Fastify route', bareRes), row('GET /api/v1/me', meRes)]);

    const ratio = meRes.rps / bareRes.rps;
    const targets: Target[] = [
      {
        name: `p99 of /me < 5 ms at ${CONNECTIONS} connections${server.engine === 'sqlite' ? '' : ' (set for SQLite; shown for information)'}`,
        measured: fmt.ms(meRes.p99),
        pass: meRes.p99 < 5,
        binding: server.engine === 'sqlite',
      },
      { name: 'throughput of /me ≥ 60 % of the bare route', measured: `${(ratio * 100).toFixed(0)} %`, pass: ratio >= 0.6, binding: true },
    ];
    console.log('');
    printTable([
      ['target', 'measured', 'result'],
      ...targets.map((t) => [t.name, t.measured, t.binding ? (t.pass ? 'PASS' : 'FAIL') : t.pass ? '(pass)' : '(miss)']),
    ]);
    console.log(
      `\nRaw database limit (same run, in-process, no HTTP): the /me lookups through Kysely — session, staff, stores, ` +
        `business — ${fmt.int(raw.lookupsPerSecond)} lookups/s with ${CONNECTIONS} concurrent callers, ` +
        `${raw.queriesPerLookup} queries each = ${fmt.int(raw.lookupsPerSecond * raw.queriesPerLookup)} queries/s` +
        ` (${fmt.ms(1000 / raw.lookupsPerSecond)} per lookup).`,
    );
    return { name: 'me', pass: targets.every((t) => !t.binding || t.pass) };
  } finally {
    await bare.close();
    await server.close();
  }
}

/** What the guard and the handler do for one GET /me, in a tight loop: the ceiling the database sets. */
async function rawLimit(deps: Deps, token: string) {
  let queries = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      queries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const counted = deps.database.db.withPlugin(counter);
  const idleMs = 720 * 60_000;
  const once = async (db: typeof counted) => {
    const actor = await actorFromSessionToken(db, token, Date.now(), idleMs);
    if (!actor) throw new Error('session lookup failed');
    await buildMe(db, actor);
  };
  await once(counted);
  const queriesPerLookup = queries;

  const db = deps.database.db;
  for (let i = 0; i < 200; i++) await once(db); // warm-up
  let lookups = 0;
  const start = performance.now();
  const deadline = start + RAW_LOOP_MS;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        await once(db);
        lookups++;
      }
    }),
  );
  return { lookupsPerSecond: lookups / ((performance.now() - start) / 1000), queriesPerLookup };
}
