// Fixed-shape statements, built and compiled by Kysely once per dialect and then only filled with values.
// Building and compiling a query (operation tree, freezes, visitor) costs more CPU than running most of our
// statements, so a hot path (checkout completion) states its statements once. The statement is built with
// marker values in place of its named parameters; compiling shows where each marker landed, and each call
// puts its values there. The SQL text stays identical from call to call, so SQLite's statement cache hits.
import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import { AT_COMMIT, atCommitWithResult } from './pg-round-trips.js';
import { type Executor, isPostgres } from './tx.js';

const MARK = '\u0000param:';

type Slot = { key: string } | { value: unknown };
type Shape = { sql: string; slots: Slot[]; query: CompiledQuery['query']; queryId: CompiledQuery['queryId'] };

/** The parameters, each a marker the builder places like a value (never compute with them). */
export type Markers<P extends string> = { readonly [K in P]: any };

function compileShape(query: Compilable<unknown>, keys: readonly string[]): Shape {
  const compiled = query.compile();
  const used = new Set<string>();
  const slots = compiled.parameters.map((v): Slot => {
    if (typeof v === 'string' && v.startsWith(MARK)) {
      const key = v.slice(MARK.length);
      used.add(key);
      return { key };
    }
    return { value: v };
  });
  const unused = keys.filter((k) => !used.has(k));
  if (unused.length) throw new Error(`precompiled statement does not use ${unused.join(', ')}: ${compiled.sql}`);
  return { sql: compiled.sql, slots, query: compiled.query, queryId: compiled.queryId };
}

// One shape per dialect: the adapter's class tells SQLite from PostgreSQL (transactions share their root's).
function shapeCache() {
  const shapes = new Map<unknown, Map<string, Shape>>();
  return (db: Executor, variant: string, make: () => Shape): Shape => {
    const dialect = db.getExecutor().adapter.constructor;
    let byVariant = shapes.get(dialect);
    if (!byVariant) {
      byVariant = new Map();
      shapes.set(dialect, byVariant);
    }
    let shape = byVariant.get(variant);
    if (!shape) {
      shape = make();
      byVariant.set(variant, shape);
    }
    return shape;
  };
}

/**
 * `atCommit`: a write whose result nobody reads (an idempotency key, say) may wait for the transaction's COMMIT
 * and go to PostgreSQL in the same network write (pg-round-trips.ts); if it fails, the commit fails with its
 * error and nothing is committed (should another statement follow it, it goes out with that one instead).
 * SQLite, in-process, runs it at once. A function instead of `true` gets the statement's rows once it has
 * run: on PostgreSQL with the COMMIT (or the next statement), on SQLite at once.
 */
export type RunOptions = { atCommit?: boolean | ((rows: unknown[]) => void) };

function run<R>(db: Executor, shape: Shape, value: (key: string) => unknown, opts?: RunOptions): Promise<QueryResult<R>> {
  const parameters = shape.slots.map((s) => {
    if (!('key' in s)) return s.value;
    const v = value(s.key);
    if (v === undefined) throw new Error(`precompiled statement: no value for ${s.key}`);
    return v;
  });
  // The compile-time query id is shared by every run of the shape: plugins only see a precompiled statement's
  // result, never its tree, so write-watch (db/write-watch.ts) does not notice writes made this way — a
  // precompiled write to one of its watched tables must call its noteWrite before and after.
  const atCommit = opts?.atCommit;
  if (!atCommit || !isPostgres(db)) {
    const result = db.executeQuery<R>({ sql: shape.sql, parameters, query: shape.query, queryId: shape.queryId });
    if (typeof atCommit !== 'function') return result;
    return result.then((r) => {
      atCommit(r.rows);
      return r;
    });
  }
  if (atCommit === true) return db.executeQuery<R>({ sql: AT_COMMIT + shape.sql, parameters, query: shape.query, queryId: shape.queryId });
  const held = atCommitWithResult(atCommit);
  return db.executeQuery<R>({ sql: held.prefix + shape.sql, parameters, query: shape.query, queryId: shape.queryId }).catch((err) => {
    held.forget();
    throw err;
  });
}

/**
 * A statement with named parameters, compiled on first use per dialect:
 *   const byId = precompiled(['id'], (db, p) => db.selectFrom('sales').selectAll().where('id', '=', p.id));
 *   const { rows } = await byId(tx, { id });
 * Every parameter must appear in the statement as a value (a where operand, a column value, a limit…).
 * `variant` names another shape of the same statement (e.g. with a lock on PostgreSQL only).
 */
export function precompiled<const P extends string, R>(
  keys: readonly P[],
  build: (db: Executor, p: Markers<P>, variant: string) => Compilable<R>,
): (db: Executor, values: { readonly [K in P]: unknown }, variant?: string, opts?: RunOptions) => Promise<QueryResult<R>> {
  const markers = Object.fromEntries(keys.map((k) => [k, `${MARK}${k}`])) as Markers<P>;
  const cache = shapeCache();
  return (db, values, variant = '', opts) => {
    const shape = cache(db, variant, () => compileShape(build(db, markers, variant), keys));
    return run<R>(db, shape, (k) => values[k as P], opts);
  };
}

/**
 * A multi-row insert of fixed columns, compiled once per dialect and row count:
 *   const insertTips = precompiledInsert((db, rows) => db.insertInto('sale_tips').values(rows), ['id', 'sale_id', …]);
 *   await insertTips(tx, tipRows);
 * Every row must carry every column (null where empty); rows with no columns listed are refused.
 */
export function precompiledInsert<Row extends object, R = unknown>(
  columns: readonly (keyof Row & string)[],
  build: (db: Executor, rows: Markers<keyof Row & string>[]) => Compilable<R>,
): (db: Executor, rows: readonly Row[]) => Promise<QueryResult<R>> {
  const cache = shapeCache();
  return (db, rows) => {
    if (rows.length === 0) throw new Error('precompiledInsert: no rows');
    const shape = cache(db, String(rows.length), () => {
      const markers = rows.map((_, i) => Object.fromEntries(columns.map((c) => [c, `${MARK}${i}.${c}`])) as Markers<keyof Row & string>);
      return compileShape(
        build(db, markers),
        rows.flatMap((_, i) => columns.map((c) => `${i}.${c}`)),
      );
    });
    return run<R>(db, shape, (k) => {
      const dot = k.indexOf('.');
      return (rows[Number(k.slice(0, dot))] as Record<string, unknown>)[k.slice(dot + 1)];
    });
  };
}

/**
 * The values of a precompiledShapes statement over rows of several tables whose markers are named
 * `<key>.<row index>.<column>` (e.g. `tenders.0.amount`), `rows` keyed the same way.
 */
export function valuesInRows(rows: Readonly<Record<string, readonly object[]>>): (name: string) => unknown {
  return (name) => {
    const [key, i, column] = name.split('.') as [string, string, string];
    return (rows[key]![Number(i)] as Record<string, unknown>)[column];
  };
}

/**
 * The general form, for a statement whose shape varies (e.g. a PostgreSQL batch of inserts into several
 * tables, by how many rows each gets): `variantKey` names the shape, the builder makes each parameter's
 * marker with `mark(name)`, and each call resolves names to values with `value(name)`.
 */
export function precompiledShapes<V, R>(
  variantKey: (variant: V) => string,
  build: (db: Executor, variant: V, mark: (name: string) => any) => Compilable<R>,
): (db: Executor, variant: V, value: (name: string) => unknown, opts?: RunOptions) => Promise<QueryResult<R>> {
  const cache = shapeCache();
  const mark = (name: string) => `${MARK}${name}`;
  return (db, variant, value, opts) =>
    run<R>(
      db,
      cache(db, variantKey(variant), () => compileShape(build(db, variant, mark), [])),
      value,
      opts,
    );
}
