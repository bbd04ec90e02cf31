import { sql } from 'kysely';
import type { Executor } from '../../db/tx.js';

// Proves the ledgers add up: for every account, the sum of its entries equals its balance, the entry count
// matches, the balance is not negative, and each entry's balance_after is the previous one plus its amount
// with no gap in seq. Two set-based queries, so it runs over a business's whole history in one pass.

export type ReconcileProblem = {
  accountId: string;
  kind: string;
  ownerType: string;
  ownerId: string;
  subjectId: string;
  balance: number;
  entriesSum: number;
  entryCount: number;
  entriesCounted: number;
  problems: string[];
};

export type ReconcileReport = {
  ok: boolean;
  accounts: number;
  entries: number;
  /** Totals per account kind: what the balances say and what the entries say (equal when ok). */
  totals: Array<{ kind: string; accounts: number; balance: number; entriesSum: number }>;
  problems: ReconcileProblem[];
};

type AccountRow = {
  id: string;
  kind: string;
  owner_type: string;
  owner_id: string;
  subject_id: string;
  balance: number;
  entry_count: number;
  total: number | null;
  n: number | null;
};

export async function reconcile(db: Executor): Promise<ReconcileReport> {
  const accounts = await sql<AccountRow>`
    select a.id, a.kind, a.owner_type, a.owner_id, a.subject_id, a.balance, a.entry_count, s.total, s.n
    from ledger_accounts a
    left join (select account_id, sum(amount) as total, count(*) as n from ledger_entries group by account_id) s
      on s.account_id = a.id`.execute(db);

  // Steps that do not add up, and gaps in seq, found with a window over each account's chain.
  const broken = await sql<{ account_id: string; seq: number; amount: number; balance_after: number; prev: number | null; pos: number }>`
    select account_id, seq, amount, balance_after, prev, pos from (
      select account_id, seq, amount, balance_after,
        lag(balance_after) over (partition by account_id order by seq) as prev,
        row_number() over (partition by account_id order by seq) as pos
      from ledger_entries
    ) c
    where balance_after <> coalesce(prev, 0) + amount or seq <> pos or balance_after < 0
    limit 1000`.execute(db);

  const chainProblems = new Map<string, string[]>();
  for (const b of broken.rows) {
    const list = chainProblems.get(b.account_id) ?? [];
    if (Number(b.seq) !== Number(b.pos)) list.push(`entry seq ${b.seq} at position ${b.pos} (gap or duplicate)`);
    if (Number(b.balance_after) !== Number(b.prev ?? 0) + Number(b.amount)) {
      list.push(`entry ${b.seq}: balance_after ${b.balance_after} but previous ${b.prev ?? 0} + amount ${b.amount}`);
    }
    if (Number(b.balance_after) < 0) list.push(`entry ${b.seq}: negative balance_after ${b.balance_after}`);
    chainProblems.set(b.account_id, list);
  }

  const problems: ReconcileProblem[] = [];
  const totals = new Map<string, { kind: string; accounts: number; balance: number; entriesSum: number }>();
  let entryTotal = 0;
  for (const a of accounts.rows) {
    const sum = Number(a.total ?? 0);
    const n = Number(a.n ?? 0);
    const balance = Number(a.balance);
    entryTotal += n;
    const t = totals.get(a.kind) ?? { kind: a.kind, accounts: 0, balance: 0, entriesSum: 0 };
    t.accounts += 1;
    t.balance += balance;
    t.entriesSum += sum;
    totals.set(a.kind, t);
    const list = [...(chainProblems.get(a.id) ?? [])];
    if (sum !== balance) list.unshift(`balance ${balance} but entries sum to ${sum}`);
    if (n !== Number(a.entry_count)) list.push(`entry_count ${a.entry_count} but ${n} entries`);
    if (balance < 0) list.push(`negative balance ${balance}`);
    if (list.length) {
      problems.push({
        accountId: a.id,
        kind: a.kind,
        ownerType: a.owner_type,
        ownerId: a.owner_id,
        subjectId: a.subject_id,
        balance,
        entriesSum: sum,
        entryCount: Number(a.entry_count),
        entriesCounted: n,
        problems: list,
      });
    }
  }
  // Entries whose account row is missing cannot exist (foreign key), so accounts cover every entry.
  return {
    ok: problems.length === 0,
    accounts: accounts.rows.length,
    entries: entryTotal,
    totals: [...totals.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
    problems,
  };
}

/** The report as lines for a terminal: a summary, then one block per account that is off. */
export function formatReconcileReport(r: ReconcileReport): string {
  const lines = [
    `Ledgers: ${r.accounts} accounts, ${r.entries} entries — ${r.ok ? 'all reconcile' : `${r.problems.length} account(s) do NOT reconcile`}.`,
  ];
  for (const t of r.totals)
    lines.push(`  ${t.kind.padEnd(18)} ${String(t.accounts).padStart(7)} accounts  balance ${t.balance}  entries ${t.entriesSum}`);
  for (const p of r.problems) {
    lines.push(
      `✗ ${p.kind} account ${p.accountId} (${p.ownerType} ${p.ownerId}${p.subjectId ? ` / ${p.subjectId}` : ''}): balance ${p.balance}, entries sum ${p.entriesSum}`,
    );
    for (const msg of p.problems) lines.push(`    - ${msg}`);
  }
  return lines.join('\n');
}
