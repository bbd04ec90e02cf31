import { CompiledQuery, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool, SqliteAdapter, sql } from 'kysely';
import type { Executor } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { SUMMARY_COLUMNS, type SummaryRow, toClientSummary } from './clients.js';
import { nextPrefix, parseQuery, type SearchQuery } from './search-terms.js';
import { visibleClientsFilter } from './visibility.js';

// Client search and listing, each ONE statement that returns the page with its tags. Search reads only the
// client_search_terms btree: each word is a prefix range `term >= :w AND term < :next(w)` (no LIKE, no scan
// of clients). A driver's first SCAN_CAP index entries, in index order (so exact matches — the smallest
// terms of the range — come first), are the candidates; every other word must also match (a probe on the
// (client_id, term) index). Every word drives, and so does the words joined ("jennifer smi" →
// "jennifersmi", a prefix of the full-name term "jennifersmith"), which finds the few right clients even
// when each word alone is too common for SCAN_CAP.
// Ranking: exact phone, then exact full name / email (of the words joined), then prefix matches; ties by
// last visit, then last update. A very broad prefix ("a") returns the best of its first SCAN_CAP entries:
// type more to narrow.

const SCAN_CAP = 500;

export type ListParams = {
  q?: string | undefined;
  storeId?: string | undefined;
  tag?: string | undefined;
  includeArchived?: boolean;
  limit: number;
  cursor?: string | undefined;
};

function range(word: string) {
  return { lo: word, hi: nextPrefix(word) };
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

const isSqlite = (db: Executor) => db.getExecutor().adapter instanceof SqliteAdapter;
const COLUMNS = SUMMARY_COLUMNS.map((c) => `clients.${c}` as const);

export async function searchClients(db: Executor, actor: Actor, p: ListParams) {
  const query = p.q ? parseQuery(p.q) : null;
  let rows: Array<SummaryRow & { tags: string }>;
  let next: () => string;
  if (query) {
    rows = await rankedPage(db, actor, p, query).execute();
    next = () => `o:${offsetOf(p.cursor) + p.limit}`;
  } else {
    const listed = await browsePage(db, actor, p).execute();
    rows = listed;
    next = () => `k:${JSON.stringify([listed[p.limit - 1]!.sort_key, listed[p.limit - 1]!.id])}`;
  }
  return {
    data: rows.slice(0, p.limit).map((r) => toClientSummary(r, JSON.parse(r.tags) as string[])),
    nextCursor: rows.length > p.limit ? encodeCursor(next()) : null,
  };
}

function offsetOf(cursor: string | undefined): number {
  const raw = decodeCursor(cursor);
  const n = raw?.startsWith('o:') ? Number(raw.slice(2)) : 0;
  return Number.isSafeInteger(n) && n > 0 ? Math.min(n, SCAN_CAP) : 0;
}

/** The tag names of the page's client `p.id` as a JSON array text, in tag order (only the page's rows pay for it). */
function tagsOf(db: Executor) {
  const from = sql`from client_tags ct join tags tg on tg.id = ct.tag_id where ct.client_id = p.id`;
  return isSqlite(db)
    ? sql<string>`(select json_group_array(tg.name order by tg.name_key) ${from})`
    : sql<string>`(select coalesce(json_agg(tg.name order by tg.name_key), '[]')::text ${from})`;
}

/**
 * The candidates, one row per client with its rank `hit` (the kind of its exact term for the words joined):
 * the union, over every driver, of its first SCAN_CAP index entries that every other word also matches.
 */
function candidatesOf(db: Executor, { words, joined }: SearchQuery) {
  const drivers = words.length > 1 && !words.includes(joined) ? [...words, joined] : words;
  const branches = drivers.map((driver) => {
    const { lo, hi } = range(driver);
    const scanned = db
      .selectFrom('client_search_terms')
      .select(['client_id', 'term', 'kind'])
      .where('term', '>=', lo)
      .where('term', '<', hi)
      .orderBy('term')
      .limit(SCAN_CAP);
    let q = db.selectFrom(scanned.as('s')).select(['s.client_id', 's.term', 's.kind']);
    // Each other word: a probe per candidate on the (client_id, term) index. A scalar subquery, not EXISTS:
    // PostgreSQL turns EXISTS into a semi-join planned from its (poor) estimate of the prefix ranges, and
    // then walks a whole range once per candidate.
    for (const w of words.filter((x) => x !== driver)) {
      const r = range(w);
      q = q.where((eb) =>
        eb(
          eb
            .selectFrom('client_search_terms as w')
            .select(sql<number>`1`.as('one'))
            .whereRef('w.client_id', '=', 's.client_id')
            .where('w.term', '>=', r.lo)
            .where('w.term', '<', r.hi)
            .limit(1),
          'is not',
          null,
        ),
      );
    }
    return q;
  });
  const union = branches.slice(1).reduce((all, b) => all.unionAll(b), branches[0]!);
  return db
    .selectFrom(union.as('t'))
    .select(['t.client_id', sql<number>`max(case when t.term = ${joined} then t.kind else 0 end)`.as('hit')])
    .groupBy('t.client_id');
}

/**
 * The ranked page: candidates, filtered and ordered, then the page's tags. Each candidate is looked up by
 * primary key: SQLite plans it so (the plan test asserts it); PostgreSQL gets a LATERAL subquery with
 * LIMIT 1, a fence its planner cannot turn into a hash join over a sequential scan of `clients` (what a
 * plain join gets once the tables are analysed).
 */
function rankedPage(db: Executor, actor: Actor, p: ListParams, query: SearchQuery) {
  const from = db.selectFrom(candidatesOf(db, query).as('c'));
  const end = <Q extends { limit(n: number): Q; offset(n: number): Q }>(q: Q) => q.limit(p.limit + 1).offset(offsetOf(p.cursor));
  // The same order again outside: the tags are read for the page's rows only, after the LIMIT.
  const ranked = [
    sql`p.hit desc`,
    sql`coalesce(p.last_visit_at, 0) desc`,
    sql`p.updated_at desc`,
    isSqlite(db) ? sql`p.id` : sql`p.id collate "C"`,
  ];
  if (isSqlite(db)) {
    let q = from.innerJoin('clients', 'clients.id', 'c.client_id').select([...COLUMNS, 'clients.updated_at', 'c.hit']);
    for (const f of filters(actor, p)) q = q.where(f);
    const page = q
      .orderBy('c.hit', 'desc')
      .orderBy(sql`coalesce(clients.last_visit_at, 0)`, 'desc')
      .orderBy('clients.updated_at', 'desc')
      .orderBy('clients.id');
    return withTags(db, end(page), ranked);
  }
  const page = from
    .crossJoinLateral((eb) => {
      let q = eb
        .selectFrom('clients')
        .select([...COLUMNS, 'clients.updated_at'])
        .whereRef('clients.id', '=', 'c.client_id');
      for (const f of filters(actor, p)) q = q.where(f);
      return q.limit(1).as('x');
    })
    .selectAll('x')
    .select('c.hit')
    .orderBy('c.hit', 'desc')
    .orderBy(sql`coalesce(x.last_visit_at, 0)`, 'desc')
    .orderBy('x.updated_at', 'desc')
    .orderBy(sql`x.id collate "C"`);
  return withTags(db, end(page), ranked);
}

/** The page `p` (already limited) with its tags, in `order` again (a derived table keeps no order). */
function withTags<O>(db: Executor, page: SelectQueryBuilder<any, any, O>, order: RawBuilder<unknown>[]) {
  let q = db.selectFrom(page.as('p')).selectAll('p').select(tagsOf(db).as('tags'));
  for (const o of order) q = q.orderBy(o);
  return q;
}

/** No query: the client list in name order (last, first), keyset-paginated on (sort_key, id). */
function browsePage(db: Executor, actor: Actor, p: ListParams) {
  let q = db.selectFrom('clients').select([...COLUMNS, 'clients.sort_key']);
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
  const page = q
    .orderBy('clients.sort_key')
    .orderBy('clients.id')
    .limit(p.limit + 1);
  return withTags(db, page, [sql`p.sort_key`, sql`p.id`]);
}

/**
 * The query plan of a search as the API runs it (tests, benchmark). SQLite EXPLAIN QUERY PLAN; PostgreSQL
 * EXPLAIN, or EXPLAIN (ANALYZE, BUFFERS).
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
  const compiled = rankedPage(db, actor, { limit: 20 }, parsed).compile();
  const res = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]));
  return res.rows.map((r) => String(r.detail ?? r['QUERY PLAN'] ?? JSON.stringify(r))).join('\n');
}
