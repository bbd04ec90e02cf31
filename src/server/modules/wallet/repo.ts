import type { Selectable } from 'kysely';
import type { WalletBonusRulesTable, WalletTopUpsTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { type LedgerAccount, openAccount } from '../ledgers/index.js';
import type { BonusRule } from './split.js';

export type TopUpRow = Selectable<WalletTopUpsTable>;
export type RuleRow = Selectable<WalletBonusRulesTable>;

/** A client's wallet: the principal and bonus accounts, in the book's canonical order. */
export type Wallet = { principal: LedgerAccount; bonus: LedgerAccount };

export async function openWallet(db: Executor, clientId: string, now: number): Promise<Wallet> {
  const principal = await openAccount(db, { kind: 'wallet_principal', ownerType: 'client', ownerId: clientId }, now);
  const bonus = await openAccount(db, { kind: 'wallet_bonus', ownerType: 'client', ownerId: clientId }, now);
  return { principal, bonus };
}

/** The wallet if the client ever had one (read-only: opens nothing). */
export async function findWallet(db: Executor, clientId: string): Promise<Wallet | null> {
  const rows = await db
    .selectFrom('ledger_accounts')
    .selectAll()
    .where('owner_id', '=', clientId)
    .where('kind', 'in', ['wallet_principal', 'wallet_bonus'])
    .execute();
  const principal = rows.find((r) => r.kind === 'wallet_principal');
  const bonus = rows.find((r) => r.kind === 'wallet_bonus');
  return principal && bonus ? { principal, bonus } : null;
}

export const bookOf = (w: Wallet): string[] => [w.principal.id, w.bonus.id];

export function toRule(r: RuleRow): BonusRule {
  return {
    id: r.id,
    name: r.name,
    thresholds: JSON.parse(r.thresholds) as BonusRule['thresholds'],
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    storeIds: r.store_ids ? (JSON.parse(r.store_ids) as string[]) : null,
    firstTopUpOnly: r.first_top_up_only === 1,
    scope: r.scope === 'store' ? 'store' : 'hq',
    active: r.active === 1,
  };
}

export const activeRules = async (db: Executor): Promise<BonusRule[]> =>
  (await db.selectFrom('wallet_bonus_rules').selectAll().where('active', '=', 1).orderBy('created_at').execute()).map(toRule);

export const findRule = (db: Executor, id: string) =>
  db.selectFrom('wallet_bonus_rules').selectAll().where('id', '=', id).executeTakeFirst();

export const listRules = (db: Executor) =>
  db.selectFrom('wallet_bonus_rules').selectAll().orderBy('active', 'desc').orderBy('created_at', 'desc').execute();

export const findTopUpByLine = (db: Executor, lineRef: string) =>
  db.selectFrom('wallet_top_ups').selectAll().where('line_ref', '=', lineRef).executeTakeFirst();

export const findTopUp = (db: Executor, id: string) => db.selectFrom('wallet_top_ups').selectAll().where('id', '=', id).executeTakeFirst();

export const hasTopUp = async (db: Executor, clientId: string): Promise<boolean> =>
  (await db.selectFrom('wallet_top_ups').select('id').where('client_id', '=', clientId).limit(1).executeTakeFirst()) !== undefined;

export const lastTopUp = (db: Executor, clientId: string) =>
  db
    .selectFrom('wallet_top_ups')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

export const storeZone = async (
  db: Executor,
  storeId: string,
): Promise<{ time_zone: string; currency: string; name: string } | undefined> =>
  db.selectFrom('stores').select(['time_zone', 'currency', 'name']).where('id', '=', storeId).executeTakeFirst();
