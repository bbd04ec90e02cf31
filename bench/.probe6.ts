import { startBenchServer } from './support/server.js';
import { generateClients } from './clients-search.js';
import { insertClients } from '../src/server/modules/clients/index.js';
import { withTransaction } from '../src/server/db/tx.js';
const server = await startBenchServer({ engine: 'sqlite', staff: 2, pastSessions: 0 });
const db = server.deps.database.db;
const store = await db.selectFrom('stores').select('id').executeTakeFirstOrThrow();
const { inputs } = generateClients(50000, store.id);
for (let i = 0; i < inputs.length; i += 1000)
  await withTransaction(db, ({ tx }) => insertClients(tx, inputs.slice(i, i + 1000), { actorId: null, ip: null, requestId: null, now: Date.now() }, { checkDuplicates: false, audit: false }));
const raw = server.deps.database.sqlite!;
const cpu = (label: string, n: number, fn: () => unknown) => { for (let i = 0; i < 50; i++) fn(); const t = process.cpuUsage(); for (let i = 0; i < n; i++) fn(); const d = process.cpuUsage(t); console.log(label.padEnd(34), ((d.user + d.system) / 1000 / n).toFixed(3), 'ms'); };
const cand = `select client_id, max(case when term = ? then kind else 0 end) as hit from (select client_id, term, kind from client_search_terms where term >= ? and term < ? order by term limit 500) group by client_id`;
const s1 = raw.prepare(cand);
const sOnlyScan = raw.prepare(`select client_id, term, kind from client_search_terms where term >= ? and term < ? order by term limit 500`);
const sJoin = raw.prepare(`select c.id, c.last_visit_at, c.updated_at, t.hit from (${cand}) t join clients c on c.id = t.client_id where c.merged_into_id is null and c.archived = 0`);
const sTop = raw.prepare(`select c.*, t.hit from (${cand}) t join clients c on c.id = t.client_id where c.merged_into_id is null and c.archived = 0 order by t.hit desc, coalesce(c.last_visit_at, 0) desc, c.updated_at desc, c.id limit 21`);
const sJoinRowid = raw.prepare(`select c.id from (${cand}) t join clients c on c.id = t.client_id`);
for (const w of ['je', 'wang', '0134']) {
  const hi = w.slice(0, -1) + String.fromCharCode(w.charCodeAt(w.length - 1) + 1);
  console.log('--', w, (s1.all(w, w, hi) as unknown[]).length, 'candidates');
  cpu('scan 500 terms', 500, () => sOnlyScan.all(w, hi));
  cpu('candidates (scan + group)', 500, () => s1.all(w, w, hi));
  cpu('joined, 500 small rows', 500, () => sJoin.all(w, w, hi));
  cpu('joined, id only', 500, () => sJoinRowid.all(w, w, hi));
  cpu('joined, sorted top 21 full rows', 500, () => sTop.all(w, w, hi));
}
await server.close();
