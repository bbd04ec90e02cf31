// Where a wallet can pay. Stored value is one wallet per client for the whole business, usable in every
// store unless HQ restricts it: business-wide (settings.wallet.storeIds) and, for one client, per wallet
// (wallet_store_limits). Both apply; a payment elsewhere is 422 wallet_store_restricted, naming the stores.
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import type { WalletSettings } from '../ledgers/index.js';
import { WalletErrors } from './errors.js';

export type WalletStoreLimit = { storeIds: string[]; reason: string | null; version: number; updatedAt: string };

export async function walletStoreLimit(db: Executor, clientId: string): Promise<WalletStoreLimit | null> {
  const row = await db.selectFrom('wallet_store_limits').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  return row
    ? {
        storeIds: JSON.parse(row.store_ids) as string[],
        reason: row.reason,
        version: row.version,
        updatedAt: new Date(row.updated_at).toISOString(),
      }
    : null;
}

/** The stores a wallet may pay in (null: every store): the business's list and the wallet's own, intersected. */
export function usableStores(business: readonly string[] | null, wallet: readonly string[] | null): string[] | null {
  if (!business) return wallet ? [...wallet] : null;
  if (!wallet) return [...business];
  return business.filter((s) => wallet.includes(s));
}

export async function usableStoresOf(db: Executor, settings: WalletSettings, clientId: string): Promise<string[] | null> {
  return usableStores(settings.storeIds, (await walletStoreLimit(db, clientId))?.storeIds ?? null);
}

export async function assertUsableAt(db: Executor, settings: WalletSettings, clientId: string, storeId: string): Promise<void> {
  const usable = await usableStoresOf(db, settings, clientId);
  if (!usable || usable.includes(storeId)) return;
  const names = usable.length
    ? (await db.selectFrom('stores').select('name').where('id', 'in', usable).orderBy('name').execute()).map((s) => s.name)
    : [];
  throw WalletErrors.wallet_store_restricted({ stores: names.join(', ') || '—' });
}

/** HQ sets (storeIds) or lifts (null) one wallet's store restriction, with a reason; audited, versioned. */
export async function setWalletStoreLimit(
  tx: Executor,
  clientId: string,
  p: { storeIds: string[] | null; reason: string; version: number },
  ctx: AuditContext,
): Promise<WalletStoreLimit | null> {
  const before = await walletStoreLimit(tx, clientId);
  if ((before?.version ?? 0) !== p.version) throw PlatformErrors.stale_version();
  if (p.storeIds) {
    const found = await tx.selectFrom('stores').select('id').where('id', 'in', p.storeIds).execute();
    if (found.length !== new Set(p.storeIds).size)
      throw PlatformErrors.validation_failed({ fields: 'storeIds' }, [{ path: 'storeIds', message: 'unknown store' }]);
  }
  if (!p.storeIds) {
    await tx.deleteFrom('wallet_store_limits').where('client_id', '=', clientId).execute();
  } else if (before) {
    const res = await tx
      .updateTable('wallet_store_limits')
      .set({
        store_ids: JSON.stringify([...new Set(p.storeIds)]),
        reason: p.reason,
        version: before.version + 1,
        updated_by: ctx.actorId,
        updated_at: ctx.now,
      })
      .where('client_id', '=', clientId)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
  } else {
    const res = await tx
      .insertInto('wallet_store_limits')
      .values({
        client_id: clientId,
        store_ids: JSON.stringify([...new Set(p.storeIds)]),
        reason: p.reason,
        version: 1,
        updated_by: ctx.actorId,
        updated_at: ctx.now,
      })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0n) !== 1) throw PlatformErrors.stale_version();
  }
  const after = await walletStoreLimit(tx, clientId);
  await writeAudit(tx, ctx, {
    action: 'wallet.store_limit',
    entityType: 'client',
    entityId: clientId,
    before,
    after: { storeIds: p.storeIds, reason: p.reason },
  });
  return after;
}
