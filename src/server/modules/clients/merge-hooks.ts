import { sql } from 'kysely';
import type { Executor } from '../../db/tx.js';
import type { AuditContext } from '../../platform/audit.js';

// Merging two clients must move everything that points at the merged card, including tables of modules
// written later (appointments, sales, balances, packages, treatment records…). Those modules register a
// hook once at import time; merge runs every hook inside its transaction and lists the counts in the
// preview ("explained before confirmation") and in the audit row.
//
//   registerMergeTable('appointments')                     // UPDATE appointments SET client_id = keep …
//   registerMergeHook({ name: 'wallet', columns: ['wallets.client_id'], move: async (tx, m) => { …combine…; return n } })
//
// Every column that holds a client id must be moved by merge.ts itself (MERGE_CORE_COLUMNS) or named in some
// hook's `columns`; test/client-merge-coverage.test.ts reads the migrated schema and fails on any that is not.

export type MergeContext = { keepId: string; mergeId: string; ctx: AuditContext };

export type MergeHook = {
  /** Shown in the preview and the audit row, e.g. "appointments". */
  name: string;
  /** How many records would move (preview). Default: not shown. */
  count?: (tx: Executor, mergeId: string) => Promise<number>;
  /** Moves the records of `mergeId` onto `keepId`; returns how many moved. Runs in the merge transaction. */
  move: (tx: Executor, m: MergeContext) => Promise<number | undefined>;
  /** The client-id columns `move` takes care of, as 'table.column' (a hook that only moves balances has none). */
  columns?: readonly string[];
};

const hooks: MergeHook[] = [];

export function registerMergeHook(hook: MergeHook): void {
  const at = hooks.findIndex((h) => h.name === hook.name);
  if (at >= 0) hooks[at] = hook;
  else hooks.push(hook);
}

/** The common case: a table whose `column` holds a client id (no unique constraint involving it). */
export function registerMergeTable(table: string, column = 'client_id'): void {
  const ident = /^[a-z_][a-z0-9_]*$/;
  if (!ident.test(table) || !ident.test(column)) throw new Error(`bad merge table ${table}.${column}`);
  registerMergeHook({
    name: table,
    columns: [`${table}.${column}`],
    count: async (tx, mergeId) => {
      const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${mergeId}`.execute(tx);
      return Number(r.rows[0]?.n ?? 0);
    },
    move: async (tx, m) => {
      const r = await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${m.keepId} where ${sql.ref(column)} = ${m.mergeId}`.execute(
        tx,
      );
      return Number(r.numAffectedRows ?? 0);
    },
  });
}

export const mergeHooks = (): readonly MergeHook[] => hooks;
