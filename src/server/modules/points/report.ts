// Points outstanding: what clients hold and what it is worth at the redemption rate, by the client's home
// store (a manager sees her stores' clients; points belong to the client, who earns and spends anywhere).
// `asOf`: balances from the entries before that instant.
import type { Executor } from '../../db/tx.js';
import { centsForPoints } from './earn.js';

export async function pointsOutstanding(
  db: Executor,
  p: { storeIds: readonly string[] | null; asOf?: number | undefined; pointsPerDollar: number },
) {
  const asOf = p.asOf;
  const held =
    asOf === undefined
      ? await db
          .selectFrom('ledger_accounts as a')
          .innerJoin('clients as c', 'c.id', 'a.owner_id')
          .select(['c.home_store_id as storeId', 'a.balance as points'])
          .where('a.kind', '=', 'points')
          .where('a.balance', '>', 0)
          .execute()
      : (
          await db
            .selectFrom('ledger_entries as e')
            .innerJoin('ledger_accounts as a', 'a.id', 'e.account_id')
            .innerJoin('clients as c', 'c.id', 'a.owner_id')
            .select(['a.id', 'c.home_store_id as storeId'])
            .select((eb) => eb.fn.sum<number>('e.amount').as('points'))
            .where('a.kind', '=', 'points')
            .where('e.created_at', '<', asOf)
            .groupBy(['a.id', 'c.home_store_id'])
            .execute()
        )
          .map((r) => ({ storeId: r.storeId, points: Number(r.points) }))
          .filter((r) => r.points > 0);
  const stores = await db.selectFrom('stores').select(['id', 'name']).orderBy('name').execute();
  const byStore = stores
    .filter((s) => !p.storeIds || p.storeIds.includes(s.id))
    .map((s) => {
      const mine = held.filter((h) => h.storeId === s.id);
      const points = mine.reduce((a, h) => a + h.points, 0);
      return { storeId: s.id, storeName: s.name, clients: mine.length, points, worth: centsForPoints(points, p.pointsPerDollar) };
    });
  const clients = byStore.reduce((a, r) => a + r.clients, 0);
  const points = byStore.reduce((a, r) => a + r.points, 0);
  return { clients, points, worth: centsForPoints(points, p.pointsPerDollar), byStore };
}
