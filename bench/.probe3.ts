import { sql } from 'kysely';
import { startBenchServer } from './support/server.js';
import { generateClients } from './clients-search.js';
import { insertClients, searchClients } from '../src/server/modules/clients/index.js';
import { actorFromSessionToken } from '../src/server/modules/auth/index.js';
import { withTransaction } from '../src/server/db/tx.js';
const engine = (process.env.BENCH_DB === 'postgres' ? 'postgres' : 'sqlite') as 'postgres' | 'sqlite';
const server = await startBenchServer({ engine, staff: 2, pastSessions: 0 });
const db = server.deps.database.db;
const store = await db.selectFrom('stores').select('id').executeTakeFirstOrThrow();
const { inputs } = generateClients(50000, store.id);
for (let i = 0; i < inputs.length; i += 1000)
  await withTransaction(db, ({ tx }) => insertClients(tx, inputs.slice(i, i + 1000), { actorId: null, ip: null, requestId: null, now: Date.now() }, { checkDuplicates: false, audit: false }));
if (engine === 'postgres') await sql`analyze`.execute(db);
const actor = (await actorFromSessionToken(db, server.sessionToken, Date.now(), 1e9))!;
const time = async (label: string, n: number, fn: () => Promise<unknown>) => { for (let i = 0; i < 30; i++) await fn(); const t = performance.now(); for (let i = 0; i < n; i++) await fn(); console.log(label.padEnd(30), ((performance.now() - t) / n).toFixed(3), 'ms'); };
const step1 = () => db.selectFrom(db.selectFrom('client_search_terms').select(['client_id', 'term', 'kind']).where('term', '>=', 'je').where('term', '<', 'jf').orderBy('term').limit(500).as('t'))
  .select(['t.client_id', sql<number>`max(case when t.term = ${'je'} then t.kind else 0 end)`.as('hit')]).groupBy('t.client_id').execute();
const ids = (await step1()).map((r) => r.client_id);
for (let round = 0; round < 2; round++) {
await time('step1', 200, step1);
await time('step3 kysely in()', 200, () => db.selectFrom('clients').select(['id', 'last_visit_at', 'updated_at']).where('id', 'in', ids).where('merged_into_id', 'is', null).where('archived', '=', 0).execute());
await time('step3 compile only', 200, async () => db.selectFrom('clients').select(['id', 'last_visit_at', 'updated_at']).where('id', 'in', ids).where('merged_into_id', 'is', null).where('archived', '=', 0).compile());
if (engine === 'postgres') await time('step3 = any(array)', 200, () => db.selectFrom('clients').select(['id', 'last_visit_at', 'updated_at']).where(sql<boolean>`id = any(${ids}::text[])`).where('merged_into_id', 'is', null).where('archived', '=', 0).execute());
else await time('step3 json_each', 200, () => db.selectFrom('clients').select(['id', 'last_visit_at', 'updated_at']).where(sql<boolean>`id in (select value from json_each(${JSON.stringify(ids)}))`).where('merged_into_id', 'is', null).where('archived', '=', 0).execute());
await time('page 21 rows', 200, () => db.selectFrom('clients').selectAll().where('id', 'in', ids.slice(0, 21)).execute());
await time('searchClients je', 200, () => searchClients(db, actor, { q: 'je', limit: 20 }));
}
await server.close();
