// Package figures for reports: sold vs redeemed (deferred revenue), what is still owed in sessions
// (the liability), and cross-store redemptions (the store that sold the value vs the one that delivered).
import { sql } from 'kysely';
import type { Executor } from '../../db/tx.js';
import { unusedValueOf } from './purchase.js';
import { itemStates } from './repo.js';

export type Range = { from: number | null; to: number | null; storeId?: string | undefined };

export async function packageReport(db: Executor, r: Range) {
  let sold = db
    .selectFrom('client_packages')
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(price), 0)`.as('value'),
      sql<number>`coalesce(sum(paid_total), 0)`.as('paid'),
    ]);
  if (r.from !== null) sold = sold.where('purchased_at', '>=', r.from);
  if (r.to !== null) sold = sold.where('purchased_at', '<', r.to);
  if (r.storeId) sold = sold.where('store_id', '=', r.storeId);

  let redeemed = db
    .selectFrom('package_sessions')
    .select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(value), 0)`.as('value')])
    .where('status', '=', 'redeemed');
  if (r.from !== null) redeemed = redeemed.where('redeemed_at', '>=', r.from);
  if (r.to !== null) redeemed = redeemed.where('redeemed_at', '<', r.to);
  if (r.storeId) redeemed = redeemed.where('store_id', '=', r.storeId);

  let closed = db
    .selectFrom('client_packages')
    .select([
      sql<number>`coalesce(sum(case when status = 'refunded' then refunded_amount else 0 end), 0)`.as('refunded'),
      sql<number>`coalesce(sum(case when status = 'refunded' then refund_fee else 0 end), 0)`.as('fees'),
      sql<number>`coalesce(sum(case when status = 'expired' then 1 else 0 end), 0)`.as('expired'),
    ])
    .where('closed_at', 'is not', null);
  if (r.from !== null) closed = closed.where('closed_at', '>=', r.from);
  if (r.to !== null) closed = closed.where('closed_at', '<', r.to);
  if (r.storeId) closed = closed.where('store_id', '=', r.storeId);

  let cross = db
    .selectFrom('package_sessions as s')
    .innerJoin('client_packages as p', 'p.id', 's.package_id')
    .select([
      'p.store_id as sold_at',
      's.store_id as redeemed_at',
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(s.value), 0)`.as('value'),
    ])
    .where('s.status', '=', 'redeemed')
    .whereRef('p.store_id', '<>', 's.store_id')
    .groupBy(['p.store_id', 's.store_id']);
  if (r.from !== null) cross = cross.where('s.redeemed_at', '>=', r.from);
  if (r.to !== null) cross = cross.where('s.redeemed_at', '<', r.to);
  if (r.storeId) cross = cross.where((eb) => eb.or([eb('p.store_id', '=', r.storeId!), eb('s.store_id', '=', r.storeId!)]));

  let open = db.selectFrom('client_packages').select('id').where('status', '=', 'active');
  if (r.storeId) open = open.where('store_id', '=', r.storeId);

  const [s, d, c, x, active] = await Promise.all([
    sold.executeTakeFirst(),
    redeemed.executeTakeFirst(),
    closed.executeTakeFirst(),
    cross.execute(),
    open.execute(),
  ]);
  const states = await itemStates(
    db,
    active.map((p) => p.id),
  );
  let liability = 0;
  let sessionsOwed = 0;
  for (const items of states.values()) {
    liability += unusedValueOf(items);
    sessionsOwed += items.reduce((a, i) => a + i.balance, 0);
  }
  return {
    sold: { packages: Number(s?.n ?? 0), value: Number(s?.value ?? 0), paid: Number(s?.paid ?? 0) },
    redeemed: { sessions: Number(d?.n ?? 0), value: Number(d?.value ?? 0) },
    refunded: { amount: Number(c?.refunded ?? 0), fees: Number(c?.fees ?? 0) },
    expiredPackages: Number(c?.expired ?? 0),
    /** Now, whatever the range: the allocated value of every unused session of active packages (deferred revenue). */
    outstanding: { packages: active.length, sessions: sessionsOwed, value: liability },
    /** Sessions delivered at another store than the one that sold the package: who owes whom. */
    crossStore: x.map((row) => ({
      soldAtStoreId: row.sold_at,
      redeemedAtStoreId: row.redeemed_at,
      sessions: Number(row.n),
      value: Number(row.value),
    })),
  };
}
