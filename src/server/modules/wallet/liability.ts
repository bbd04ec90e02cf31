// Stored-value liability: what the business owes its clients in stored value, principal apart from bonus,
// by the store that sold it. Movements per store come straight from the ledger entries; the outstanding
// balance of each wallet is attributed to the top-ups it most recently received (what is left of a wallet
// is its newest money, since spends use the oldest first), each top-up's share to the store that sold it.
// What no top-up explains (manual credits, merges) is "unattributed". `asOf`: movements and balances from
// the entries before that instant (a top-up's later refunds still cap what is attributed to it).
// `from`/`to`: movements in that period only.
import type { Executor } from '../../db/tx.js';

type Money = { principal: number; bonus: number };

export type LiabilityRow = {
  storeId: string;
  storeName: string;
  sold: Money;
  spentHere: Money;
  refunded: Money;
  adjusted: Money;
  outstanding: Money;
};

const zero = (): Money => ({ principal: 0, bonus: 0 });

export async function storedValueLiability(
  db: Executor,
  storeIds: readonly string[] | null,
  period: { asOf?: number | undefined; from?: number | undefined; to?: number | undefined } = {},
) {
  const before = period.asOf;
  const stores = await db.selectFrom('stores').select(['id', 'name']).orderBy('name').execute();
  const rows = new Map<string, LiabilityRow>(
    stores.map((s) => [
      s.id,
      { storeId: s.id, storeName: s.name, sold: zero(), spentHere: zero(), refunded: zero(), adjusted: zero(), outstanding: zero() },
    ]),
  );
  let mq = db
    .selectFrom('ledger_entries as e')
    .innerJoin('ledger_accounts as a', 'a.id', 'e.account_id')
    .select(['e.store_id', 'a.kind as account', 'e.kind'])
    .select((eb) => eb.fn.sum<number>('e.amount').as('total'))
    .where('a.kind', 'in', ['wallet_principal', 'wallet_bonus']);
  if (period.from !== undefined) mq = mq.where('e.created_at', '>=', period.from);
  const end = Math.min(period.to ?? Number.MAX_SAFE_INTEGER, before ?? Number.MAX_SAFE_INTEGER);
  if (end !== Number.MAX_SAFE_INTEGER) mq = mq.where('e.created_at', '<', end);
  const moves = await mq.groupBy(['e.store_id', 'a.kind', 'e.kind']).execute();
  for (const m of moves) {
    const row = m.store_id ? rows.get(m.store_id) : undefined;
    if (!row) continue;
    const part = m.account === 'wallet_principal' ? 'principal' : 'bonus';
    const total = Number(m.total);
    if (m.kind === 'top_up' || m.kind === 'top_up_bonus') row.sold[part] += total;
    else if (m.kind === 'spend' || m.kind === 'spend_refund') row.spentHere[part] += -total;
    else if (m.kind === 'top_up_refund' || m.kind === 'bonus_forfeit') row.refunded[part] += -total;
    else if (m.kind === 'adjustment') row.adjusted[part] += total;
  }

  // Outstanding, attributed newest top-up first.
  const balances =
    before === undefined
      ? await db
          .selectFrom('ledger_accounts')
          .select(['owner_id', 'kind', 'balance'])
          .where('kind', 'in', ['wallet_principal', 'wallet_bonus'])
          .where('balance', '>', 0)
          .execute()
      : (
          await db
            .selectFrom('ledger_entries as e')
            .innerJoin('ledger_accounts as a', 'a.id', 'e.account_id')
            .select(['a.owner_id', 'a.kind'])
            .select((eb) => eb.fn.sum<number>('e.amount').as('balance'))
            .where('a.kind', 'in', ['wallet_principal', 'wallet_bonus'])
            .where('e.created_at', '<', before)
            .groupBy(['a.owner_id', 'a.kind'])
            .execute()
        )
          .map((b) => ({ ...b, balance: Number(b.balance) }))
          .filter((b) => b.balance > 0);
  const left = new Map<string, Money>();
  for (const b of balances) {
    const m = left.get(b.owner_id) ?? zero();
    m[b.kind === 'wallet_principal' ? 'principal' : 'bonus'] = b.balance;
    left.set(b.owner_id, m);
  }
  let tq = db.selectFrom('wallet_top_ups').select(['client_id', 'store_id', 'principal', 'bonus', 'refunded_principal', 'forfeited_bonus']);
  if (before !== undefined) tq = tq.where('created_at', '<', before);
  const topUps = await tq.orderBy('client_id').orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  for (const t of topUps) {
    const m = left.get(t.client_id);
    const row = rows.get(t.store_id);
    if (!m || !row) continue;
    const p = Math.min(m.principal, t.principal - t.refunded_principal);
    const b = Math.min(m.bonus, t.bonus - t.forfeited_bonus);
    row.outstanding.principal += p;
    row.outstanding.bonus += b;
    m.principal -= p;
    m.bonus -= b;
  }
  const unattributed = zero();
  for (const m of left.values()) {
    unattributed.principal += m.principal;
    unattributed.bonus += m.bonus;
  }
  const total = balances.reduce<Money>((acc, b) => {
    acc[b.kind === 'wallet_principal' ? 'principal' : 'bonus'] += b.balance;
    return acc;
  }, zero());
  const visible = [...rows.values()].filter((r) => !storeIds || storeIds.includes(r.storeId));
  return {
    byStore: visible,
    // Business-wide figures only for those who see every store.
    ...(storeIds ? {} : { outstanding: { ...total, total: total.principal + total.bonus }, unattributed }),
  };
}
