import { sql } from 'kysely';
import { startBenchServer } from './support/server.js';
import { generateClients, queryMix } from './clients-search.js';
import { insertClients, searchClients } from '../src/server/modules/clients/index.js';
import { searchClients as searchOrig } from './.search-orig.js';
import { actorFromSessionToken } from '../src/server/modules/auth/index.js';
import { withTransaction } from '../src/server/db/tx.js';
const engine = (process.env.BENCH_DB === 'postgres' ? 'postgres' : 'sqlite') as 'postgres' | 'sqlite';
const server = await startBenchServer({ engine, staff: 2, pastSessions: 0 });
const db = server.deps.database.db;
const store = await db.selectFrom('stores').select('id').executeTakeFirstOrThrow();
const { inputs, samples } = generateClients(50000, store.id);
for (let i = 0; i < inputs.length; i += 1000)
  await withTransaction(db, ({ tx }) => insertClients(tx, inputs.slice(i, i + 1000), { actorId: null, ip: null, requestId: null, now: Date.now() }, { checkDuplicates: false, audit: false }));
if (engine === 'postgres') await sql`analyze`.execute(db);
const actor = (await actorFromSessionToken(db, server.sessionToken, Date.now(), 1e9))!;
const mix = queryMix(samples);
let diff = 0;
let pages = 0;
for (const m of mix) {
  let a = await searchOrig(db, actor, { q: m.q, limit: 20 });
  let b = await searchClients(db, actor, { q: m.q, limit: 20 });
  for (let k = 0; k < 30; k++) {
    pages++;
    if (JSON.stringify(a) !== JSON.stringify(b)) { diff++; if (diff < 3) console.log('DIFF', m.q, k); break; }
    if (!a.nextCursor) break;
    a = await searchOrig(db, actor, { q: m.q, limit: 20, cursor: a.nextCursor });
    b = await searchClients(db, actor, { q: m.q, limit: 20, cursor: b.nextCursor! });
  }
}
// a non-owner (store-scoped) actor and a store filter too
const scoped = { ...actor, allStores: false, storeIds: [store.id] };
for (const m of mix.slice(0, 300)) {
  if (JSON.stringify(await searchOrig(db, scoped, { q: m.q, limit: 20 })) !== JSON.stringify(await searchClients(db, scoped, { q: m.q, limit: 20 }))) diff++;
  if (JSON.stringify(await searchOrig(db, actor, { q: m.q, limit: 5, storeId: store.id, tag: 'vip' })) !== JSON.stringify(await searchClients(db, actor, { q: m.q, limit: 5, storeId: store.id, tag: 'vip' }))) diff++;
}
console.log('pages compared', pages);
console.log('differing results', diff, 'of', mix.length);
const sq = server.deps.database.sqlite;
const res: Record<string, number[]> = {};
for (const pr of (process.env.PRAGMAS ?? '').split(';').filter(Boolean).concat([''])) {
  if (pr && sq) sq.pragma(pr);
for (let round = 0; round < 8; round++) for (const [name, fn] of [['orig', searchOrig], ['new', searchClients]] as const) {
  const t = process.cpuUsage();
  for (const m of mix) await fn(db, actor, { q: m.q, limit: 20 });
  const d = process.cpuUsage(t);
  (res[`${pr} ${name}`] ??= []).push((d.user + d.system) / 1000 / mix.length);
}}
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(30), v.map((x) => x.toFixed(3)).join(' '), ' min', Math.min(...v).toFixed(3));
await server.close();
