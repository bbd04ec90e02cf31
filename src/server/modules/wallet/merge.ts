import type { Executor } from '../../db/tx.js';
import { type MergeContext, registerMergeHook } from '../clients/index.js';
import { postToBook } from '../ledgers/index.js';
import { bookOf, findWallet, openWallet } from './repo.js';

/**
 * Merging two client cards moves the merged card's stored value onto the kept one, principal to
 * principal and bonus to bonus, as merge_out / merge_in postings on both wallet books (history kept on
 * both), and re-points its top-ups and confirmations so refunds and first-top-up rules still work.
 */
export async function mergeWallets(tx: Executor, m: MergeContext): Promise<number> {
  const from = await findWallet(tx, m.mergeId);
  let moved = 0;
  if (from && from.principal.balance + from.bonus.balance > 0) {
    const to = await openWallet(tx, m.keepId, m.ctx.now);
    const meta = {
      refType: 'client_merge',
      refId: m.mergeId,
      actorId: m.ctx.actorId,
      now: m.ctx.now,
      meta: { from: m.mergeId, to: m.keepId },
    };
    let amounts = { principal: 0, bonus: 0 };
    await postToBook(tx, bookOf(from), { ...meta, kind: 'merge_out' }, ([principal = 0, bonus = 0]) => {
      amounts = { principal, bonus };
      return [
        ...(principal > 0 ? [{ accountId: from.principal.id, amount: -principal }] : []),
        ...(bonus > 0 ? [{ accountId: from.bonus.id, amount: -bonus }] : []),
      ];
    });
    await postToBook(tx, bookOf(to), { ...meta, kind: 'merge_in' }, () => [
      ...(amounts.principal > 0 ? [{ accountId: to.principal.id, amount: amounts.principal }] : []),
      ...(amounts.bonus > 0 ? [{ accountId: to.bonus.id, amount: amounts.bonus }] : []),
    ]);
    moved = 1;
  }
  const topUps = await tx.updateTable('wallet_top_ups').set({ client_id: m.keepId }).where('client_id', '=', m.mergeId).executeTakeFirst();
  await tx.updateTable('wallet_otps').set({ client_id: m.keepId }).where('client_id', '=', m.mergeId).execute();
  return moved + Number(topUps.numUpdatedRows);
}

/**
 * HQ's per-wallet store limit after a merge: the kept card's own limit stays as it is (HQ set it on the card
 * the salon keeps using); a limit only the merged card had moves over, so merging never lifts a restriction
 * HQ put on that client's money. The merged card's row is dropped either way (one row per client).
 */
export async function mergeStoreLimits(tx: Executor, m: MergeContext): Promise<number> {
  const kept = await tx.selectFrom('wallet_store_limits').select('client_id').where('client_id', '=', m.keepId).executeTakeFirst();
  if (kept) {
    await tx.deleteFrom('wallet_store_limits').where('client_id', '=', m.mergeId).execute();
    return 0;
  }
  const res = await tx
    .updateTable('wallet_store_limits')
    .set({ client_id: m.keepId })
    .where('client_id', '=', m.mergeId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export function registerWalletMerge(): void {
  registerMergeHook({
    name: 'stored_value',
    columns: ['wallet_top_ups.client_id', 'wallet_otps.client_id'],
    count: async (tx, mergeId) => {
      const w = await findWallet(tx, mergeId);
      return w && w.principal.balance + w.bonus.balance > 0 ? 1 : 0;
    },
    move: mergeWallets,
  });
  registerMergeHook({
    name: 'wallet_store_limits',
    columns: ['wallet_store_limits.client_id'],
    count: async (tx, mergeId) =>
      (await tx.selectFrom('wallet_store_limits').select('client_id').where('client_id', '=', mergeId).executeTakeFirst()) ? 1 : 0,
    move: mergeStoreLimits,
  });
}
