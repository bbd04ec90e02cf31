import { CompiledQuery, type Expression, type SqlBool, SqliteAdapter, sql } from 'kysely';
import type { Executor } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { toClientSummary } from './clients.js';
import { type ClientRow, tagsByClient } from './repo.js';
import { nextPrefix, parseQuery } from './search-terms.js';
import { visibleClientsFilter } from './visibility.js';

// Client search and listing. Search reads only the client_search_terms btree: each word is a prefix range
// `term >= :w AND term < :next(w)` (no LIKE, no scan of clients). The most selective word drives the query
// (its first SCAN_CAP index entries, in index order, so exact matches — the smallest terms of the range —
// always come first); every other word must also match (EXISTS on the (client_id, term) index).
// Ranking: exact phone, then exact full name / email, then prefix matches; ties by last visit, then last
// update. A very broad prefix ("a") returns the best of its first SCAN_CAP entries: type more to narrow.

const SCAN_CAP = 500;

export type ListParams = {
  q?: string | undefined;
  storeId?: string | undefined;
  tag?: string | undefined;
  includeArchived?: boolean;
  limit: number;
  cursor?: string | undefined;
};

type Row = ClientRow & { rank?: number };

function range(word: string) {
  return { lo: word, hi: nextPrefix(word) };
}

/** How many index entries a word's range holds, counting at most SCAN_CAP (cheap: index only). */
async function rangeSize(db: Executor, word: string): Promise<number> {
  const { lo, hi } = range(word);
  const inner = db.selectFrom('client_search_terms').select('client_id').where('term', '>=', lo).where('term', '<', hi).limit(SCAN_CAP);
  const r = await db
    .selectFrom(inner.as('t'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

function filters(actor: Actor, p: ListParams): Array<Expression<SqlBool>> {
  const out: Array<Expression<SqlBool>> = [sql<SqlBool>`clients.merged_into_id is null`];
  if (!p.includeArchived) out.push(sql<SqlBool>`clients.archived = 0`);
  if (p.storeId) out.push(sql<SqlBool>`clients.home_store_id = ${p.storeId}`);
  if (p.tag) {
    out.push(
      sql<SqlBool>`exists (select 1 from client_tags ct join tags tg on tg.id = ct.tag_id where ct.client_id = clients.id and tg.name_key = ${p.tag.trim().toLowerCase()})`,
    );
  }
  const visible = visibleClientsFilter(actor);
  if (visible) out.push(visible);
  return out;
}

export async function searchClients(db: Executor, actor: Actor, p: ListParams) {
  const query = p.q ? parseQuery(p.q) : null;
  const rows = query ? await rankedSearch(db, actor, p, query.words, query.joined) : await browse(db, actor, p);
  const page = rows.slice(0, p.limit);
  const tags = await tagsByClient(
    db,
    page.map((r) => r.id),
  );
  let nextCursor: string | null = null;
  if (rows.length > p.limit) {
    const last = page.at(-1)!;
    nextCursor = query ? encodeCursor(`o:${offsetOf(p.cursor) + p.limit}`) : encodeCursor(`k:${JSON.stringify([last.sort_key, last.id])}`);
  }
  return { data: page.map((r) => toClientSummary(r, tags.get(r.id) ?? [])), nextCursor };
}

function offsetOf(cursor: string | undefined): number {
  const raw = decodeCursor(cursor);
  const n = raw?.startsWith('o:') ? Number(raw.slice(2)) : 0;
  return Number.isSafeInteger(n) && n > 0 ? Math.min(n, SCAN_CAP) : 0;
}

/**
 * Short steps, each a plain index lookup on both engines (one plain joined statement let PostgreSQL's
 * planner, misled by prefix-range estimates, hash-join a sequential scan of `clients` for broad prefixes):
 *   1. candidates: the driver word's first SCAN_CAP index entries → client ids and their exact-match kind;
 *   2. each other word narrows those ids on the (client_id, term) index;
 *   3. filter and rank: the ids by primary key, with the visibility/store/tag filters;
 *   4. the page's full rows.
 * A one-word query — most of what is typed — runs 1, 3 and 4 as one statement that returns the page
 * (pageOfOneWord), with the primary-key lookups kept by the plan on both engines.
 */
async function rankedSearch(db: Executor, actor: Actor, p: ListParams, words: string[], joined: string): Promise<Row[]> {
  const step = await rankQuery(db, actor, p, words, joined);
  if (!step) return [];
  if (step.page) return step.page.execute();
  const ranked = await step.query.execute();
  ranked.sort(
    (x, y) =>
      Number(y.rank) - Number(x.rank) ||
      Number(y.last_visit_at ?? 0) - Number(x.last_visit_at ?? 0) ||
      Number(y.updated_at) - Number(x.updated_at) ||
      (x.id < y.id ? -1 : 1),
  );
  const offset = offsetOf(p.cursor);
  const pageIds = ranked.slice(offset, offset + p.limit + 1).map((r) => r.id);
  if (pageIds.length === 0) return [];
  const rows = new Map((await db.selectFrom('clients').selectAll().where('id', 'in', pageIds).execute()).map((r) => [r.id, r]));
  return pageIds.map((id) => rows.get(id)).filter((r): r is ClientRow => !!r);
}

/** Step 1: the client ids of the driver word's first SCAN_CAP index entries, each with its exact-match kind. */
function candidatesOf(db: Executor, driver: string) {
  const { lo, hi } = range(driver);
  const scanned = db
    .selectFrom('client_search_terms')
    .select(['client_id', 'term', 'kind'])
    .where('term', '>=', lo)
    .where('term', '<', hi)
    .orderBy('term')
    .limit(SCAN_CAP);
  return db
    .selectFrom(scanned.as('t'))
    .select(['t.client_id', sql<number>`max(case when t.term = ${driver} then t.kind else 0 end)`.as('hit')])
    .groupBy('t.client_id');
}

/**
 * One word: steps 1, 3 and 4 as one statement that returns the page, ranked as rankedSearch sorts — no
 * round trips carrying SCAN_CAP ids back and forth, no SCAN_CAP rows turned into objects to keep a page.
 * Each candidate is looked up by primary key: SQLite plans it so (the plan test asserts it); PostgreSQL
 * gets a LATERAL subquery with LIMIT 1, a fence its planner cannot turn into a hash join over a sequential
 * scan of `clients` (what a plain join gets once the tables are analysed).
 */
function pageOfOneWord(db: Executor, actor: Actor, p: ListParams, candidates: ReturnType<typeof candidatesOf>) {
  const from = db.selectFrom(candidates.as('c'));
  const end = <Q extends { limit(n: number): Q; offset(n: number): Q }>(q: Q) => q.limit(p.limit + 1).offset(offsetOf(p.cursor));
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    let q = from.innerJoin('clients', 'clients.id', 'c.client_id').selectAll('clients');
    for (const f of filters(actor, p)) q = q.where(f);
    return end(
      q
        .orderBy('c.hit', 'desc')
        .orderBy(sql`coalesce(clients.last_visit_at, 0)`, 'desc')
        .orderBy('clients.updated_at', 'desc')
        .orderBy('clients.id'),
    );
  }
  return end(
    from
      .crossJoinLateral((eb) => {
        let q = eb.selectFrom('clients').selectAll('clients').whereRef('clients.id', '=', 'c.client_id');
        for (const f of filters(actor, p)) q = q.where(f);
        return q.limit(1).as('x');
      })
      .selectAll('x')
      .orderBy('c.hit', 'desc')
      .orderBy(sql`coalesce(x.last_visit_at, 0)`, 'desc')
      .orderBy('x.updated_at', 'desc')
      .orderBy(sql`x.id collate "C"`),
  );
}

type Trace = Array<{ step: string; compiled: { sql: string; parameters: readonly unknown[] } }>;

async function rankQuery(db: Executor, actor: Actor, p: ListParams, words: string[], joined: string, trace?: Trace) {
  let driver = words[0]!;
  if (words.length > 1) {
    const sizes = await Promise.all(words.map((w) => rangeSize(db, w)));
    driver = words[sizes.indexOf(Math.min(...sizes))]!;
  }
  const candidatesQuery = candidatesOf(db, driver);
  if (words.length === 1) {
    const page = pageOfOneWord(db, actor, p, candidatesQuery);
    trace?.push({ step: `1+3+4. candidates of the prefix range of "${driver}", filtered and ranked: the page`, compiled: page.compile() });
    return { page };
  }
  trace?.push({ step: `1. candidates: prefix range of "${driver}"`, compiled: candidatesQuery.compile() });
  const candidates = await candidatesQuery.execute();
  // Every other word must match too: narrow the candidates on the (client_id, term) index.
  let ids = candidates.map((c) => c.client_id);
  for (const w of words.filter((x) => x !== driver)) {
    if (ids.length === 0) break;
    const r = range(w);
    const narrow = db
      .selectFrom('client_search_terms')
      .select('client_id')
      .distinct()
      .where('client_id', 'in', ids)
      .where('term', '>=', r.lo)
      .where('term', '<', r.hi);
    trace?.push({ step: `2. narrow by "${w}"`, compiled: narrow.compile() });
    const matched = await narrow.execute();
    ids = matched.map((m) => m.client_id);
  }
  if (ids.length === 0) return null;
  // An exact match of the words joined ("wang xiaoming" = wangxiaoming) ranks, looked up per candidate on
  // the (client_id, term) index.
  const rank = sql<number>`coalesce((select max(e.kind) from client_search_terms e where e.client_id = clients.id and e.term = ${joined}), 0)`;
  let q = db
    .selectFrom('clients')
    .select(['clients.id', 'clients.last_visit_at', 'clients.updated_at', rank.as('rank')])
    .where('clients.id', 'in', ids);
  for (const f of filters(actor, p)) q = q.where(f);
  trace?.push({ step: '3. filter and rank by primary key', compiled: q.compile() });
  return { query: q };
}

/** No query: the client list in name order (last, first), keyset-paginated on (sort_key, id). */
async function browse(db: Executor, actor: Actor, p: ListParams): Promise<Row[]> {
  let q = db.selectFrom('clients').selectAll('clients');
  for (const f of filters(actor, p)) q = q.where(f);
  const raw = decodeCursor(p.cursor);
  if (raw?.startsWith('k:')) {
    try {
      const [sortKey, id] = JSON.parse(raw.slice(2)) as [string, string];
      if (typeof sortKey === 'string' && typeof id === 'string') {
        q = q.where((eb) =>
          eb.or([eb('clients.sort_key', '>', sortKey), eb.and([eb('clients.sort_key', '=', sortKey), eb('clients.id', '>', id)])]),
        );
      }
    } catch {
      // a malformed cursor starts from the beginning
    }
  }
  return q
    .orderBy('clients.sort_key')
    .orderBy('clients.id')
    .limit(p.limit + 1)
    .execute();
}

/**
 * The query plans of a search, step by step as the API runs it (tests, benchmark). SQLite EXPLAIN QUERY
 * PLAN; PostgreSQL EXPLAIN, or EXPLAIN (ANALYZE, BUFFERS).
 */
export async function explainSearch(
  db: Executor,
  dialect: 'sqlite' | 'postgres',
  actor: Actor,
  q: string,
  opts: { analyze?: boolean } = {},
): Promise<string> {
  const parsed = parseQuery(q);
  if (!parsed) return '';
  const prefix = dialect === 'sqlite' ? 'explain query plan ' : opts.analyze ? 'explain (analyze, buffers) ' : 'explain ';
  const explain = async (compiled: { sql: string; parameters: readonly unknown[] }) => {
    const res = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]));
    const text = res.rows.map((r) => String(r.detail ?? r['QUERY PLAN'] ?? JSON.stringify(r))).join('\n');
    return text.replace(/'\{[0-9a-f,-]{100,}\}'/g, (ids) => `'{…${ids.split(',').length} ids}'`);
  };
  const trace: Trace = [];
  await rankQuery(db, actor, { limit: 20 }, parsed.words, parsed.joined, trace);
  const out: string[] = [];
  for (const t of trace) out.push(`-- step ${t.step}`, await explain(t.compiled));
  return out.join('\n');
}
