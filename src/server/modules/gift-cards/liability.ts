// Gift card liability by store: value sold (new cards and reloads, less refunds), redeemed at the store,
// adjusted, and what is still outstanding on the cards each store sold (expired cards apart: breakage,
// where local law lets the business keep it). `from`/`to` limit the movements; `asOf` gives the outstanding
// balances from the entries before that instant (and the movements up to it).
import type { Executor } from '../../db/tx.js';

export type GiftCardLiabilityRow = {
  storeId: string;
  storeName: string;
  cardsSold: number;
  sold: number;
  refunded: number;
  redeemed: number;
  adjusted: number;
  outstanding: number;
  outstandingExpired: number;
};

export async function giftCardLiability(
  db: Executor,
  p: { storeIds: readonly string[] | null; from?: number | undefined; to?: number | undefined; asOf?: number | undefined; now: number },
) {
  const stores = await db.selectFrom('stores').select(['id', 'name']).orderBy('name').execute();
  const rows = new Map<string, GiftCardLiabilityRow>(
    stores.map((s) => [
      s.id,
      {
        storeId: s.id,
        storeName: s.name,
        cardsSold: 0,
        sold: 0,
        refunded: 0,
        redeemed: 0,
        adjusted: 0,
        outstanding: 0,
        outstandingExpired: 0,
      },
    ]),
  );
  let q = db
    .selectFrom('ledger_entries as e')
    .innerJoin('ledger_accounts as a', 'a.id', 'e.account_id')
    .select(['e.store_id', 'e.kind'])
    .select((eb) => [eb.fn.sum<number>('e.amount').as('total'), eb.fn.count<number>('e.id').as('n')])
    .where('a.kind', '=', 'gift_card');
  if (p.from !== undefined) q = q.where('e.created_at', '>=', p.from);
  const end = Math.min(p.to ?? Number.MAX_SAFE_INTEGER, p.asOf ?? Number.MAX_SAFE_INTEGER);
  if (end !== Number.MAX_SAFE_INTEGER) q = q.where('e.created_at', '<', end);
  const moves = await q.groupBy(['e.store_id', 'e.kind']).execute();
  for (const m of moves) {
    const row = m.store_id ? rows.get(m.store_id) : undefined;
    if (!row) continue;
    const total = Number(m.total);
    if (m.kind === 'sale') {
      row.sold += total;
      row.cardsSold += Number(m.n);
    } else if (m.kind === 'reload') row.sold += total;
    else if (m.kind === 'sale_refund') row.refunded += -total;
    else if (m.kind === 'spend' || m.kind === 'spend_refund') row.redeemed += -total;
    else if (m.kind === 'adjustment') row.adjusted += total;
  }
  const asOf = p.asOf;
  const balances =
    asOf === undefined
      ? await db
          .selectFrom('gift_cards as g')
          .innerJoin('ledger_accounts as a', 'a.id', 'g.account_id')
          .select(['g.store_id', 'g.expires_at', 'a.balance'])
          .where('a.balance', '>', 0)
          .where('g.status', '=', 'active')
          .execute()
      : (
          await db
            .selectFrom('gift_cards as g')
            .innerJoin('ledger_entries as e', 'e.account_id', 'g.account_id')
            .select(['g.id', 'g.store_id', 'g.expires_at'])
            .select((eb) => eb.fn.sum<number>('e.amount').as('balance'))
            .where('e.created_at', '<', asOf)
            .groupBy(['g.id', 'g.store_id', 'g.expires_at'])
            .execute()
        )
          .map((b) => ({ ...b, balance: Number(b.balance) }))
          .filter((b) => b.balance > 0);
  const at = asOf ?? p.now;
  for (const b of balances) {
    const row = rows.get(b.store_id);
    if (!row) continue;
    if (b.expires_at !== null && b.expires_at <= at) row.outstandingExpired += b.balance;
    else row.outstanding += b.balance;
  }
  const byStore = [...rows.values()].filter((r) => !p.storeIds || p.storeIds.includes(r.storeId));
  const sum = (k: keyof GiftCardLiabilityRow) => byStore.reduce((a, r) => a + (r[k] as number), 0);
  return {
    byStore,
    totals: {
      cardsSold: sum('cardsSold'),
      sold: sum('sold'),
      refunded: sum('refunded'),
      redeemed: sum('redeemed'),
      adjusted: sum('adjusted'),
      outstanding: sum('outstanding'),
      outstandingExpired: sum('outstandingExpired'),
    },
  };
}
