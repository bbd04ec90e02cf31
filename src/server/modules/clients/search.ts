import { CompiledQuery, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool, SqliteAdapter, sql } from 'kysely';
import { precompiledShapes } from '../../db/compiled.js';
import type { Executor } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { SUMMARY_COLUMNS, type SummaryRow, toClientSummary } from './clients.js';
import { nextPrefix, parseQuery, type SearchQuery } from './search-terms.js';
import { storeLinkCount, visibleClientsFilter } from './visibility.js';

// Client search and listing, each ONE statement that returns the page with its tags. Search reads only the
// client_search_terms btree: each word is a prefix range `term >= :w AND term < :next(w)` (no LIKE, no scan
// of clients). A driver's first SCAN_CAP index entries, in index order (so exact matches — the smallest
// terms of the range — come first), are the candidates (fewer for single words beside the joined words);
// every other word must also match (a probe on the (client_id, term) index). Every word drives, and so do the words joined ("jennifer smi" →
// "jennifersmi", a prefix of the full-name term "jennifersmith") and, for two words, joined the other way
// round ("jen smith" → "smithjen", a prefix of "smithjennifer"): they find the few right clients even when
// each word alone is too common for its cap.
// Ranking: exact phone, then exact full name / email (of the words joined), then prefix matches; ties by
// last visit, then last update. A very broad prefix ("a") returns the best of its first SCAN_CAP entries:
// type more to narrow (a search does not page past SCAN_CAP). Candidates are ranked from clients_rank_idx alone (up to SCAN_CAP per driver, so
// no row fetch each); only the page's rows are read. The statement is compiled once per shape.

const SCAN_CAP = 200;
/**
 * A single word's cap when the words joined drive too. The words joined find "mary smi" and "smith mar"
 * through the full-name terms, and two words joined the other way round find "jen smith" (smithjennifer);
 * a single word drives only to catch the rest, a rare word (a phone suffix, an uncommon surname) whose few
 * entries all fit. Every candidate costs an index probe per other word, and full caps for every word made
 * a two-word search cost six one-word ones.
 */
const WORD_CAP_BESIDE_JOINED = 50;

export type ListParams = {
  q?: string | undefined;
  storeId?: string | undefined;
  tag?: string | undefined;
  includeArchived?: boolean;
  limit: number;
  cursor?: string | undefined;
};

const isSqlite = (db: Executor) => db.getExecutor().adapter instanceof SqliteAdapter;
const COLUMNS = SUMMARY_COLUMNS.map((c) => `clients.${c}` as const);
const PAGE_COLUMNS = SUMMARY_COLUMNS.map((c) => `x.${c}` as const);

export async function searchClients(db: Executor, actor: Actor, p: ListParams) {
  const query = p.q ? parseQuery(p.q) : null;
  let rows: Array<SummaryRow & { tags: string }>;
  let next: () => string;
  if (query) {
    rows = await rankedPage(db, actor, p, query);
    const nextOffset = offsetOf(p.cursor) + p.limit;
    // Past SCAN_CAP a search does not page (type more to narrow): offsetOf would cap it, and repeat a page.
    if (nextOffset > SCAN_CAP) rows = rows.slice(0, p.limit);
    next = () => `o:${nextOffset}`;
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

/** The tag names of the page's client `<alias>.id` as a JSON array text, in tag order (only the page's rows pay for it). */
function tagsOf(db: Executor, alias: 'p' | 'x') {
  const from = sql`from client_tags ct join tags tg on tg.id = ct.tag_id where ct.client_id = ${sql.ref(`${alias}.id`)}`;
  return isSqlite(db)
    ? sql<string>`(select json_group_array(tg.name order by tg.name_key) ${from})`
    : sql<string>`(select coalesce(json_agg(tg.name order by tg.name_key), '[]')::text ${from})`;
}

/**
 * What the SQL of a search depends on; everything else (words, stores, tag, limit, offset) is a bound
 * value. The statement is built and compiled once per shape and dialect: building it costs more CPU
 * than running it.
 */
type FilterShape = {
  storeId: boolean;
  tag: boolean;
  includeArchived: boolean;
  /** Stores of a not-all-stores actor (the visibility filter), null for all stores. */
  stores: number | null;
  /** Registered client-store links: each is a branch of the visibility filter. */
  links: number;
};
type SearchShape = FilterShape & {
  /** Query words (1–5, unique). */
  words: number;
  /** The words joined drive too (more than one word). */
  joinedDrives: boolean;
  /** Two words: they drive joined the other way round too. */
  reversedDrives: boolean;
};

type Mark = (name: string) => any;

function filterShapeOf(actor: Actor, p: ListParams): FilterShape {
  return {
    storeId: Boolean(p.storeId),
    tag: Boolean(p.tag),
    includeArchived: Boolean(p.includeArchived),
    stores: actor.allStores ? null : actor.storeIds.length,
    links: storeLinkCount(),
  };
}

function shapeOf(actor: Actor, p: ListParams, query: SearchQuery): SearchShape {
  const joinedDrives = query.words.length > 1 && !query.words.includes(query.joined);
  const reversedDrives = joinedDrives && query.reversed !== undefined && query.reversed !== query.joined;
  return { ...filterShapeOf(actor, p), words: query.words.length, joinedDrives, reversedDrives };
}

/** The bound values: storeId, tag, store<i>, limit, offset; with a query w<i> and next<i> (word i's prefix range), joined, nextJoined. */
function valuesOf(actor: Actor, p: ListParams, query?: SearchQuery): (name: string) => unknown {
  const values: Record<string, unknown> = {
    limit: p.limit + 1,
    offset: offsetOf(p.cursor),
    storeId: p.storeId,
    tag: p.tag?.trim().toLowerCase(),
  };
  actor.storeIds.forEach((s, i) => {
    values[`store${i}`] = s;
  });
  if (query) {
    values.joined = query.joined;
    values.nextJoined = nextPrefix(query.joined);
    values.reversed = query.reversed;
    values.nextReversed = query.reversed === undefined ? undefined : nextPrefix(query.reversed);
    query.words.forEach((w, i) => {
      values[`w${i}`] = w;
      values[`next${i}`] = nextPrefix(w);
    });
  }
  return (name) => values[name];
}

/** The filters of the `clients` rows (unaliased); `mark` gives each value (or its marker). */
function filtersOf(shape: FilterShape, mark: Mark): Array<Expression<SqlBool>> {
  const out: Array<Expression<SqlBool>> = [sql<SqlBool>`clients.merged_into_id is null`];
  if (!shape.includeArchived) out.push(sql<SqlBool>`clients.archived = 0`);
  if (shape.storeId) out.push(sql<SqlBool>`clients.home_store_id = ${mark('storeId')}`);
  if (shape.tag) {
    out.push(
      sql<SqlBool>`exists (select 1 from client_tags ct join tags tg on tg.id = ct.tag_id where ct.client_id = clients.id and tg.name_key = ${mark('tag')})`,
    );
  }
  const storeIds = Array.from({ length: shape.stores ?? 0 }, (_, i) => mark(`store${i}`) as string);
  const visible = visibleClientsFilter({ allStores: shape.stores === null, storeIds });
  if (visible) out.push(visible);
  return out;
}

/**
 * The candidates, one row per client with its rank `hit` (the kind of its exact term for the words joined):
 * the union, over every driver, of its first SCAN_CAP index entries that every other word also matches.
 */
function candidatesOf(db: Executor, shape: SearchShape, mark: Mark) {
  const wordCap = shape.joinedDrives ? WORD_CAP_BESIDE_JOINED : SCAN_CAP;
  const words = Array.from({ length: shape.words }, (_, i) => ({ lo: mark(`w${i}`), hi: mark(`next${i}`), cap: wordCap }));
  const drivers = [...words];
  if (shape.joinedDrives) drivers.push({ lo: mark('joined'), hi: mark('nextJoined'), cap: SCAN_CAP });
  if (shape.reversedDrives) drivers.push({ lo: mark('reversed'), hi: mark('nextReversed'), cap: SCAN_CAP });
  const branches = drivers.map((driver) => {
    const scanned = db
      .selectFrom('client_search_terms')
      .select(['client_id', 'term', 'kind'])
      .where('term', '>=', driver.lo)
      .where('term', '<', driver.hi)
      .orderBy('term')
      .limit(driver.cap);
    let q = db.selectFrom(scanned.as('s')).select(['s.client_id', 's.term', 's.kind']);
    // Each other word: a probe per candidate on the (client_id, term) index. A scalar subquery, not EXISTS:
    // PostgreSQL turns EXISTS into a semi-join planned from its (poor) estimate of the prefix ranges, and
    // then walks a whole range once per candidate. For the same reason PostgreSQL gets the word's range as
    // a range of (client_id, term) rows, which only that index can serve: given `term >= ? and term < ?`
    // it picks the term primary key whenever it underestimates the range (one inside a histogram bucket)
    // and walks the whole range once per candidate.
    for (const w of words.filter((x) => x !== driver)) {
      q = q.where((eb) => {
        const probe = eb.selectFrom('client_search_terms as w').select(sql<number>`1`.as('one'));
        const matched = isSqlite(db)
          ? probe.whereRef('w.client_id', '=', 's.client_id').where('w.term', '>=', w.lo).where('w.term', '<', w.hi)
          : probe
              .whereRef('w.client_id', '=', 's.client_id')
              .where(sql<SqlBool>`(w.client_id, w.term) >= (s.client_id, ${w.lo}) and (w.client_id, w.term) < (s.client_id, ${w.hi})`);
        return eb(matched.limit(1), 'is not', null);
      });
    }
    return q;
  });
  const union = branches.slice(1).reduce((all, b) => all.unionAll(b), branches[0]!);
  return db
    .selectFrom(union.as('t'))
    .select([
      't.client_id',
      shape.reversedDrives
        ? sql<number>`max(case when t.term = ${mark('joined')} or t.term = ${mark('reversed')} then t.kind else 0 end)`.as('hit')
        : sql<number>`max(case when t.term = ${mark('joined')} then t.kind else 0 end)`.as('hit'),
    ])
    .groupBy('t.client_id');
}

/**
 * The ranked page in two steps. First the page's ids: candidates, filtered and ordered on what
 * clients_rank_idx holds (an index-only probe per candidate, no row fetch). Then the page's rows and tags
 * (limit + 1 of them). SQLite plans the probes by index (the plan test asserts it); PostgreSQL gets LATERAL
 * subqueries with LIMIT 1, a fence its planner cannot turn into a hash join over a sequential scan of
 * `clients` (what a plain join gets once the tables are analysed).
 */
function rankedQuery(db: Executor, shape: SearchShape, mark: Mark) {
  const sqlite = isSqlite(db);
  const rankKeys = ['clients.id', sql<number>`coalesce(clients.last_visit_at, 0)`.as('lv'), 'clients.updated_at'] as const;
  const from = db.selectFrom(candidatesOf(db, shape, mark).as('c'));
  const joined = sqlite
    ? from.innerJoin('clients', 'clients.id', 'c.client_id').select(rankKeys)
    : from
        .crossJoinLateral((eb) => {
          let q = eb.selectFrom('clients').select(rankKeys).whereRef('clients.id', '=', 'c.client_id');
          for (const f of filtersOf(shape, mark)) q = q.where(f);
          return q.limit(1).as('clients');
        })
        .selectAll('clients');
  let ranked = joined.select('c.hit');
  if (sqlite) for (const f of filtersOf(shape, mark)) ranked = ranked.where(f);
  const ids = ranked
    .orderBy('c.hit', 'desc')
    .orderBy('lv', 'desc')
    .orderBy('clients.updated_at', 'desc')
    .orderBy(sqlite ? sql`clients.id` : sql`clients.id collate "C"`)
    .limit(mark('limit'))
    .offset(mark('offset'));
  const page = db.selectFrom(ids.as('r'));
  const rows = sqlite
    ? page.innerJoin('clients as x', 'x.id', 'r.id').select(PAGE_COLUMNS)
    : page
        .crossJoinLateral((eb) => eb.selectFrom('clients as x').select(PAGE_COLUMNS).whereRef('x.id', '=', 'r.id').limit(1).as('x'))
        .selectAll('x');
  return rows
    .select(tagsOf(db, 'x').as('tags'))
    .orderBy('r.hit', 'desc')
    .orderBy('r.lv', 'desc')
    .orderBy('r.updated_at', 'desc')
    .orderBy(sqlite ? sql`r.id` : sql`r.id collate "C"`);
}

const rankedStatement = precompiledShapes((shape: SearchShape) => JSON.stringify(shape), rankedQuery);

async function rankedPage(db: Executor, actor: Actor, p: ListParams, query: SearchQuery) {
  const { rows } = await rankedStatement(db, shapeOf(actor, p, query), valuesOf(actor, p, query));
  return rows as Array<SummaryRow & { tags: string }>;
}

/** The page `p` (already limited) with its tags, in `order` again (a derived table keeps no order). */
function withTags<O>(db: Executor, page: SelectQueryBuilder<any, any, O>, order: RawBuilder<unknown>[]) {
  let q = db.selectFrom(page.as('p')).selectAll('p').select(tagsOf(db, 'p').as('tags'));
  for (const o of order) q = q.orderBy(o);
  return q;
}

/** No query: the client list in name order (last, first), keyset-paginated on (sort_key, id). */
function browsePage(db: Executor, actor: Actor, p: ListParams) {
  let q = db.selectFrom('clients').select([...COLUMNS, 'clients.sort_key']);
  for (const f of filtersOf(filterShapeOf(actor, p), valuesOf(actor, p))) q = q.where(f);
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
  const p = { limit: 20 };
  const compiled = rankedQuery(db, shapeOf(actor, p, parsed), valuesOf(actor, p, parsed)).compile();
  const res = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]));
  return res.rows.map((r) => String(r.detail ?? r['QUERY PLAN'] ?? JSON.stringify(r))).join('\n');
}
