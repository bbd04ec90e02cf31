import { sql } from 'kysely';
import { startBenchServer } from './support/server.js';
import { generateClients, queryMix } from './clients-search.js';
import { insertClients, searchClients, explainSearch } from '../src/server/modules/clients/index.js';
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
process.env.AB_MERGED = '1';
console.log(await explainSearch(db, engine, actor, 'je'));
// same results?
let diff = 0;
for (const m of mix) {
  process.env.AB_MERGED = ''; const a = JSON.stringify(await searchClients(db, actor, { q: m.q, limit: 20 }));
  process.env.AB_MERGED = '1'; const b = JSON.stringify(await searchClients(db, actor, { q: m.q, limit: 20 }));
  if (a !== b) diff++;
}
console.log('differing results', diff, 'of', mix.length);
const sq = server.deps.database.sqlite!;
console.log('cache_size', sq.pragma('cache_size', { simple: true }), 'mmap', sq.pragma('mmap_size', { simple: true }), 'page_size', sq.pragma('page_size', { simple: true }), 'pages', sq.pragma('page_count', { simple: true }));
for (const pragmas of [[], ['cache_size = -65536'], ['cache_size = -2000', 'mmap_size = 268435456']]) {
for (const pr of pragmas) sq.pragma(pr);
console.log(pragmas.join(', ') || 'defaults');
for (let round = 0; round < 2; round++) for (const v of ['', '1']) {
  process.env.AB_MERGED = v;
  const t = performance.now();
  for (const m of mix) await searchClients(db, actor, { q: m.q, limit: 20 });
  console.log(v ? 'merged ' : 'current', ((performance.now() - t) / mix.length).toFixed(3), 'ms/search');
}}
await server.close();
