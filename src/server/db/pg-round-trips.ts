import { createHash } from 'node:crypto';
import type pg from 'pg';

// On PostgreSQL a statement's round trip costs more than most of our statements do: a socket write, a wake-up
// of the server process, a wait, and on a busy server the wait for Node's event loop to read the answer.
// While a transaction holds a row lock (a store's receipt counter), every checkout of the store waits through
// all of them. So each pooled client (created with `pipeline: true`, node-postgres's pipelining) is wrapped:
// - a statement with parameters runs as a named prepared statement, parsed and planned once per connection;
// - `begin` is not sent alone: it goes out in the same network write as the transaction's first statement;
// - a statement marked with AT_COMMIT (see `atCommit` in compiled.ts) is held back and goes out with the
//   transaction's next statement: its `commit`, when it was the last one (what it is meant for), so a row
//   lock it takes is held for no more than the commit.
// Pipelined statements keep their order and each its own result and error. When a held-back statement fails,
// the transaction is aborted, so the `commit` behind it commits nothing, and the caller gets that
// statement's error from its commit (or from the next statement), as if the statement had failed where it
// was issued. A held-back statement whose result someone needs (a receipt number taken at COMMIT) names a
// callback that gets its rows once it and all that went out with it succeeded.

/** Prefix of a statement's text that asks for it to be sent with the transaction's next statement (its COMMIT). */
export const AT_COMMIT = '/* at commit */ ';
const AT_COMMIT_WITH_RESULT = /^\/\* at commit #(\d+) \*\/ /;

type OnRows = (rows: unknown[]) => void;
const resultCallbacks = new Map<string, OnRows>();
let lastCallbackId = 0;

function takeCallback(id: string): OnRows | undefined {
  const onRows = resultCallbacks.get(id);
  resultCallbacks.delete(id);
  return onRows;
}

/**
 * The prefix of a held-back statement whose rows go to `onRows` once it has run (see above), and `forget`
 * for a statement that never reached its connection.
 */
export function atCommitWithResult(onRows: OnRows): { prefix: string; forget(): void } {
  const id = String(++lastCallbackId);
  resultCallbacks.set(id, onRows);
  return { prefix: `/* at commit #${id} */ `, forget: () => resultCallbacks.delete(id) };
}

const statementNames = new Map<string, string>();
const MAX_STATEMENT_NAMES = 5_000;
const MAX_PREPARED_PER_CONNECTION = 500;

type Step = { text: string; values: unknown[]; callbackId?: string };
type PgResult = { command: string; rowCount: number | null; rows: unknown[] };
const done = (command: string): Promise<PgResult> => Promise.resolve({ command, rowCount: null, rows: [] });

export function withFewerRoundTrips(client: pg.PoolClient): void {
  const rawQuery = client.query.bind(client) as (...args: unknown[]) => unknown;
  // Through node-postgres's callback form, with a promise of our own. Its promise form (a promise and a
  // `.catch` one per statement) left each statement's result reachable from the next statement's, as far
  // as the young-generation collector could tell, until the next full collection: on a busy server every
  // result survived two collections and was copied twice (4–8 MB per scavenge, 10–20 ms pauses that hold
  // up every request in flight). The callback form leaves no such chain.
  const query = (config: string | { name: string; text: string; values: unknown[] }, values?: unknown[]): Promise<PgResult> =>
    new Promise((resolve, reject) => {
      rawQuery(config, values, (err: Error | null, result: PgResult) => (err ? reject(err) : resolve(result)));
    });
  const named = new Set<string>();
  const unnamed = new Set<string>();
  let inTransaction = false;
  let beginPending = false;
  let heldBack: Step[] = [];

  // Named statements: `k` + a hash of the text. Parameterless text (migrations, BEGIN/COMMIT) may hold several
  // statements and goes through the simple protocol unchanged.
  const send = ({ text, values }: Step): Promise<PgResult> => {
    if (values.length === 0) return query(text);
    let name = statementNames.get(text);
    if (name === undefined) {
      name = `k${createHash('sha1').update(text).digest('base64url')}`;
      if (statementNames.size < MAX_STATEMENT_NAMES) statementNames.set(text, name);
    }
    if (unnamed.has(name)) return query(text, values);
    if (!named.has(name)) {
      if (named.size >= MAX_PREPARED_PER_CONNECTION) return query(text, values);
      named.add(name);
    }
    return query({ name, text, values }).catch((err: { code?: string }) => {
      // "cached plan must not change result type": a table under a `select *` changed (another server ran
      // a migration). This request fails — its transaction is already aborted — and this connection runs
      // the statement unnamed from now on, so nothing fails twice.
      if (err?.code === '0A000') unnamed.add(name);
      throw err;
    });
  };

  // Several statements in one network write; the answer is the last one's, or the first error in order.
  // The held-back statements' callbacks get their rows only when all of it succeeded (the commit included).
  const sendTogether = async (steps: Step[]): Promise<PgResult> => {
    const stream = (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream;
    stream.cork();
    let pending: Promise<PgResult>[];
    try {
      pending = steps.map(send);
    } finally {
      stream.uncork();
    }
    const settled = await Promise.allSettled(pending);
    const callbacks = steps.map((s) => (s.callbackId === undefined ? undefined : takeCallback(s.callbackId)));
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    for (const [i, onRows] of callbacks.entries()) onRows?.((settled[i] as PromiseFulfilledResult<PgResult>).value.rows);
    return (settled.at(-1) as PromiseFulfilledResult<PgResult>).value;
  };
  const dropCallbacks = (steps: Step[]) => {
    for (const s of steps) if (s.callbackId !== undefined) resultCallbacks.delete(s.callbackId);
  };

  client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text !== 'string' || callback !== undefined || (values !== undefined && !Array.isArray(values)))
      return rawQuery(text, values, callback);
    if (text === 'rollback' || text === 'begin') dropCallbacks(heldBack);
    const params = (values as unknown[] | undefined) ?? [];
    if (params.length === 0) {
      if (text === 'begin') {
        inTransaction = true;
        beginPending = true;
        heldBack = [];
        return done('BEGIN');
      }
      if (text === 'commit' || text === 'rollback') {
        const steps = text === 'commit' ? heldBack : [];
        const begun = !beginPending;
        inTransaction = false;
        beginPending = false;
        heldBack = [];
        if (!begun && steps.length === 0) return done(text.toUpperCase());
        return sendTogether([...(begun ? [] : [{ text: 'begin', values: [] }]), ...steps, { text, values: [] }]);
      }
    }
    const withResult = AT_COMMIT_WITH_RESULT.exec(text);
    if (withResult || text.startsWith(AT_COMMIT)) {
      const step: Step = withResult
        ? { text: text.slice(withResult[0].length), values: params, callbackId: withResult[1]! }
        : { text: text.slice(AT_COMMIT.length), values: params };
      if (!inTransaction) return sendTogether([step]);
      heldBack.push(step);
      return done('HELD');
    }
    // What waits (the `begin`, held-back statements) goes out first, in the same network write.
    const waiting = beginPending ? [{ text: 'begin', values: [] }, ...heldBack] : heldBack;
    beginPending = false;
    heldBack = [];
    if (waiting.length === 0) return send({ text, values: params });
    return sendTogether([...waiting, { text, values: params }]);
  }) as typeof client.query;
}
