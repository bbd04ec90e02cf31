import { sql } from 'kysely';
import type { LedgerAccountsTable, LedgerEntriesTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { newId } from '../../platform/ids.js';
import { insufficientBalance, LedgerErrors } from './errors.js';
import { type AccountKind, type EntryKind, isValidMovement, MAX_MOVEMENT, type OwnerType, UNIT_OF, type Unit } from './ledger.js';

// The one ledger mechanism. Every balance is an account; every change is a posting: one or more entries
// appended in the caller's transaction, each paired with a guarded conditional update of its account:
//
//   UPDATE ledger_accounts SET balance = balance - :x, entry_count = entry_count + 1
//   WHERE id = :id AND balance >= :x  RETURNING balance, entry_count      -- 0 rows → insufficient
//
// On PostgreSQL the UPDATE takes the row lock and re-checks the WHERE against the committed row, so
// concurrent spends queue on the row and each sees the balance its predecessor left; on SQLite the single
// writer serialises them. Either way the balance can never go below zero (a CHECK backs it up), and the
// entry carries the account's next `seq` and the `balance_after` it produced.

export type LedgerAccount = LedgerAccountsTable;
export type LedgerEntry = LedgerEntriesTable;

export type AccountKey = { kind: AccountKind; ownerType: OwnerType; ownerId: string; subjectId?: string };

/** What an entry says beyond its amount: why, for what, where, by whom. */
export type PostingMeta = {
  kind: EntryKind;
  refType?: string | null;
  refId?: string | null;
  storeId?: string | null;
  actorId?: string | null;
  reason?: string | null;
  meta?: unknown;
  /** Ties the entries of one business operation together (defaults to a new id per posting). */
  groupId?: string;
  now: number;
};

/** One movement of a posting. `kind`/`meta` override the posting's for this entry only. */
export type Leg = { accountId: string; amount: number; kind?: EntryKind; meta?: unknown };

export type Posted = { groupId: string; entries: LedgerEntry[]; balances: Map<string, number> };

export const findAccount = (db: Executor, kind: AccountKind, ownerId: string, subjectId = '') =>
  db
    .selectFrom('ledger_accounts')
    .selectAll()
    .where('kind', '=', kind)
    .where('owner_id', '=', ownerId)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();

export const findAccountById = (db: Executor, id: string) =>
  db.selectFrom('ledger_accounts').selectAll().where('id', '=', id).executeTakeFirst();

export async function accountsOf(db: Executor, ownerId: string, kinds?: readonly AccountKind[]): Promise<LedgerAccount[]> {
  let q = db.selectFrom('ledger_accounts').selectAll().where('owner_id', '=', ownerId);
  if (kinds) q = q.where('kind', 'in', kinds);
  return q.orderBy('kind').orderBy('subject_id').execute();
}

/**
 * The account for a key, created empty when missing. Safe under concurrency: the insert does nothing
 * when another transaction created it first (PostgreSQL waits for that one to commit), then we read it.
 * `created` is true only for the transaction whose insert won.
 */
export async function openAccount(db: Executor, key: AccountKey, now: number): Promise<LedgerAccount & { created: boolean }> {
  const subjectId = key.subjectId ?? '';
  const existing = await findAccount(db, key.kind, key.ownerId, subjectId);
  if (existing) return { ...existing, created: false };
  const row: LedgerAccount = {
    id: newId(),
    kind: key.kind,
    owner_type: key.ownerType,
    owner_id: key.ownerId,
    subject_id: subjectId,
    unit: UNIT_OF[key.kind],
    balance: 0,
    entry_count: 0,
    book_seq: 0,
    created_at: now,
    updated_at: now,
  };
  const res = await db
    .insertInto('ledger_accounts')
    .values(row)
    .onConflict((oc) => oc.columns(['kind', 'owner_id', 'subject_id']).doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0n) === 1) return { ...row, created: true };
  const winner = await findAccount(db, key.kind, key.ownerId, subjectId);
  if (!winner) throw new Error(`ledger account ${key.kind}/${key.ownerId} vanished after a conflicting insert`);
  return { ...winner, created: false };
}

function assertLegs(legs: readonly Leg[]): void {
  for (const leg of legs) {
    if (!isValidMovement(leg.amount)) throw LedgerErrors.ledger_amount_invalid({ max: MAX_MOVEMENT });
  }
}

/**
 * Applies one movement with the guarded conditional update. A debit that the balance cannot cover
 * changes nothing and throws 422 insufficient_balance with the available amount; the caller's
 * transaction then rolls back every earlier leg of the posting.
 */
async function move(db: Executor, accountId: string, amount: number, now: number): Promise<{ balance: number; entry_count: number }> {
  const q =
    amount < 0
      ? db
          .updateTable('ledger_accounts')
          .set({ balance: sql`balance - ${-amount}`, entry_count: sql`entry_count + 1`, updated_at: now })
          .where('id', '=', accountId)
          .where('balance', '>=', -amount)
      : db
          .updateTable('ledger_accounts')
          .set({ balance: sql`balance + ${amount}`, entry_count: sql`entry_count + 1`, updated_at: now })
          .where('id', '=', accountId);
  const row = await q.returning(['balance', 'entry_count']).executeTakeFirst();
  if (row) return row;
  const current = await findAccountById(db, accountId);
  if (!current) throw new Error(`ledger account ${accountId} does not exist`);
  throw insufficientBalance({ available: current.balance, requested: -amount, unit: current.unit as Unit, account: current.kind });
}

function entryRow(
  leg: Leg,
  after: { balance: number; entry_count: number },
  meta: PostingMeta,
  groupId: string,
  book: { seq: number; balanceAfter: number } | null,
): LedgerEntry {
  const m = leg.meta ?? meta.meta;
  return {
    id: newId(),
    account_id: leg.accountId,
    seq: after.entry_count,
    amount: leg.amount,
    balance_after: after.balance,
    book_seq: book?.seq ?? null,
    book_balance_after: book?.balanceAfter ?? null,
    kind: leg.kind ?? meta.kind,
    ref_type: meta.refType ?? null,
    ref_id: meta.refId ?? null,
    group_id: groupId,
    store_id: meta.storeId ?? null,
    actor_id: meta.actorId ?? null,
    reason: meta.reason ?? null,
    meta: m === undefined || m === null ? null : JSON.stringify(m),
    created_at: meta.now,
  };
}

/**
 * Posts movements whose amounts are known up front (a gift-card redemption, points earned, one coupon use):
 * each leg is one guarded update plus one appended entry, all in the caller's transaction.
 */
export async function post(db: Executor, legs: readonly Leg[], meta: PostingMeta): Promise<Posted> {
  assertLegs(legs);
  const groupId = meta.groupId ?? newId();
  const balances = new Map<string, number>();
  const entries: LedgerEntry[] = [];
  for (const leg of legs) {
    const after = await move(db, leg.accountId, leg.amount, meta.now);
    balances.set(leg.accountId, after.balance);
    entries.push(entryRow(leg, after, meta, groupId, null));
  }
  if (entries.length) await db.insertInto('ledger_entries').values(entries).execute();
  return { groupId, entries, balances };
}

/**
 * Posts to a book: several accounts read and changed as one (a wallet's principal and bonus). The book's
 * accounts are locked first, always in the order given (callers pass a canonical order, so two postings
 * never wait on each other crosswise), then `plan` decides the legs from the locked balances — e.g. how
 * much of a spend comes from bonus — and the legs are applied with the same guarded updates as `post`.
 * Every entry records the book's sequence (the first account's `book_seq`) and the book's total after
 * the posting, which is what a combined statement with a running balance shows.
 */
export async function postToBook(
  db: Executor,
  accountIds: readonly string[],
  meta: PostingMeta,
  plan: (balances: readonly number[]) => Leg[] | Promise<Leg[]>,
): Promise<Posted & { bookSeq: number; before: number[] }> {
  const before: number[] = [];
  let bookSeq = 0;
  for (const [i, id] of accountIds.entries()) {
    const locked = await db
      .updateTable('ledger_accounts')
      .set(i === 0 ? { book_seq: sql`book_seq + 1`, updated_at: meta.now } : { updated_at: meta.now })
      .where('id', '=', id)
      .returning(['balance', 'book_seq'])
      .executeTakeFirst();
    if (!locked) throw new Error(`ledger account ${id} does not exist`);
    before.push(locked.balance);
    if (i === 0) bookSeq = locked.book_seq;
  }
  const legs = await plan(before);
  assertLegs(legs);
  for (const leg of legs) if (!accountIds.includes(leg.accountId)) throw new Error('a book posting may only move the book’s accounts');
  const groupId = meta.groupId ?? newId();
  const balances = new Map<string, number>(accountIds.map((id, i) => [id, before[i] ?? 0]));
  const applied: Array<{ leg: Leg; after: { balance: number; entry_count: number } }> = [];
  for (const leg of legs) {
    const after = await move(db, leg.accountId, leg.amount, meta.now);
    balances.set(leg.accountId, after.balance);
    applied.push({ leg, after });
  }
  const total = [...balances.values()].reduce((a, b) => a + b, 0);
  const entries = applied.map(({ leg, after }) => entryRow(leg, after, meta, groupId, { seq: bookSeq, balanceAfter: total }));
  if (entries.length) await db.insertInto('ledger_entries').values(entries).execute();
  return { groupId, entries, balances, bookSeq, before };
}

/** Entries of one operation (a sale's tender, a top-up…), oldest first. */
export const entriesByRef = (db: Executor, refType: string, refId: string) =>
  db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('ref_type', '=', refType)
    .where('ref_id', '=', refId)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();

export const entriesByGroup = (db: Executor, groupId: string) =>
  db.selectFrom('ledger_entries').selectAll().where('group_id', '=', groupId).orderBy('seq').execute();

/** One account's entries, newest first, `limit + 1` of them before `beforeSeq` (for toPage). */
export function accountEntries(db: Executor, accountId: string, limit: number, beforeSeq?: number) {
  let q = db.selectFrom('ledger_entries').selectAll().where('account_id', '=', accountId);
  if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
  return q
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
}

/**
 * A book's entries (e.g. both wallet accounts), newest posting first: the entries of the `limit + 1` latest
 * postings before `beforeBookSeq`. One index range scan per account (each has at most one entry per
 * posting), merged here, so a page costs the same with 10 or 100,000 entries.
 */
export async function bookEntries(
  db: Executor,
  accountIds: readonly string[],
  limit: number,
  beforeBookSeq?: number,
): Promise<LedgerEntry[]> {
  const perAccount = await Promise.all(
    accountIds.map((id) => {
      let q = db.selectFrom('ledger_entries').selectAll().where('account_id', '=', id).where('book_seq', 'is not', null);
      if (beforeBookSeq !== undefined) q = q.where('book_seq', '<', beforeBookSeq);
      return q
        .orderBy('book_seq', 'desc')
        .limit(limit + 1)
        .execute();
    }),
  );
  const seqs = [...new Set(perAccount.flat().map((e) => e.book_seq!))].sort((a, b) => b - a).slice(0, limit + 1);
  const keep = new Set(seqs);
  const order = new Map(accountIds.map((id, i) => [id, i]));
  return perAccount
    .flat()
    .filter((e) => keep.has(e.book_seq!))
    .sort((a, b) => b.book_seq! - a.book_seq! || order.get(a.account_id)! - order.get(b.account_id)!);
}

/** Every entry of an account, oldest first (exports, reconciliation of one account). */
export const allAccountEntries = (db: Executor, accountId: string) =>
  db.selectFrom('ledger_entries').selectAll().where('account_id', '=', accountId).orderBy('seq').execute();

/**
 * Moves every balance of `fromOwner`'s accounts of these kinds onto `toOwner`'s matching accounts (same
 * kind and subject, opened when missing): a merge_out entry and a merge_in entry per account, so both
 * histories stay whole. Used when two client cards are merged. Returns how many accounts moved.
 */
export async function moveOwnerBalances(
  db: Executor,
  p: { fromOwner: string; toOwner: string; ownerType: OwnerType; kinds: readonly AccountKind[]; actorId: string | null; now: number },
): Promise<number> {
  const accounts = await accountsOf(db, p.fromOwner, p.kinds);
  let moved = 0;
  for (const a of accounts) {
    if (a.balance <= 0) continue;
    const target = await openAccount(
      db,
      { kind: a.kind as AccountKind, ownerType: p.ownerType, ownerId: p.toOwner, subjectId: a.subject_id },
      p.now,
    );
    await post(
      db,
      [
        { accountId: a.id, amount: -a.balance, kind: 'merge_out' },
        { accountId: target.id, amount: a.balance, kind: 'merge_in' },
      ],
      {
        kind: 'merge_out',
        refType: 'client_merge',
        refId: p.fromOwner,
        actorId: p.actorId,
        now: p.now,
        meta: { from: p.fromOwner, to: p.toOwner },
      },
    );
    moved += 1;
  }
  return moved;
}
