import type { Executor } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { visibleClientsFilter } from '../clients/index.js';

// GET /clients/:id/balances shows every balance a client has. Each module that owns a kind of balance
// (wallet, points, gift cards, coupons, tiers) registers a section at load; the route asks them all,
// so the ledgers module needs none of them (no import cycle).

export type BalanceSection = {
  name: string;
  load(db: Executor, clientId: string, ctx: { storeId: string | null; now: number }): Promise<unknown>;
};

const sections = new Map<string, BalanceSection>();

export function registerBalanceSection(section: BalanceSection): () => void {
  sections.set(section.name, section);
  return () => {
    sections.delete(section.name);
  };
}

export async function clientBalances(
  db: Executor,
  clientId: string,
  ctx: { storeId: string | null; now: number },
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { clientId };
  for (const s of sections.values()) out[s.name] = await s.load(db, clientId, ctx);
  return out;
}

/** The client as the actor may see it (store scoping), or 404 as if it did not exist. */
export async function visibleClient(db: Executor, actor: Pick<Actor, 'allStores' | 'storeIds'>, clientId: string) {
  let q = db
    .selectFrom('clients')
    .select(['id', 'first_name', 'last_name', 'preferred_name', 'phone', 'email', 'language', 'home_store_id', 'merged_into_id'])
    .where('id', '=', clientId);
  const filter = visibleClientsFilter(actor);
  if (filter) q = q.where(filter);
  const row = await q.executeTakeFirst();
  if (!row) throw PlatformErrors.not_found();
  return row;
}

/**
 * The card a client's balances live on now: follows `merged_into_id` (a merged-away card's balances
 * moved to the kept one), so a refund of an old sale re-credits the right wallet.
 */
export async function currentClientId(db: Executor, clientId: string): Promise<string> {
  let id = clientId;
  for (let hop = 0; hop < 10; hop++) {
    const row = await db.selectFrom('clients').select('merged_into_id').where('id', '=', id).executeTakeFirst();
    if (!row?.merged_into_id) return id;
    id = row.merged_into_id;
  }
  return id;
}
