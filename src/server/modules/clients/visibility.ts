import { type Expression, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../http/actor.js';

// Who sees which client. A client belongs to the whole business (one card across all stores), and the
// owner (all-store roles) sees every client. Everyone else sees the clients whose home store is one of
// their stores, OR who are linked to one of their stores by a registered link (later: appointments, sales
// — "visited or was served there"). Anyone else's client answers 404, as if it did not exist.
//
// Later modules call registerClientStoreLink({ table: 'appointments', clientColumn: 'client_id',
// storeColumn: 'store_id' }) once at import time; the filter then adds an EXISTS on that table.

export type ClientStoreLink = { table: string; clientColumn: string; storeColumn: string };

const links: ClientStoreLink[] = [];

export function registerClientStoreLink(link: ClientStoreLink): void {
  const ident = /^[a-z_][a-z0-9_]*$/;
  if (![link.table, link.clientColumn, link.storeColumn].every((s) => ident.test(s)))
    throw new Error(`bad client store link ${JSON.stringify(link)}`);
  if (!links.some((l) => l.table === link.table && l.clientColumn === link.clientColumn)) links.push(link);
}

/** A WHERE condition on the `clients` table (unaliased) limiting rows to what the actor may see; null = all. */
export function visibleClientsFilter(actor: Pick<Actor, 'allStores' | 'storeIds'>): Expression<SqlBool> | null {
  if (actor.allStores) return null;
  if (actor.storeIds.length === 0) return sql<SqlBool>`1 = 0`;
  const stores = sql.join(actor.storeIds.map((s) => sql`${s}`));
  const parts = [
    sql<SqlBool>`clients.home_store_id in (${stores})`,
    ...links.map(
      (l) =>
        sql<SqlBool>`exists (select 1 from ${sql.table(l.table)} as v where v.${sql.ref(l.clientColumn)} = clients.id and v.${sql.ref(l.storeColumn)} in (${stores}))`,
    ),
  ];
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Same rule for one loaded row (links need the database, so they are checked by the caller's query). */
export function homeStoreVisible(actor: Pick<Actor, 'allStores' | 'storeIds'>, homeStoreId: string): boolean {
  return actor.allStores || actor.storeIds.includes(homeStoreId);
}

/** How many links are registered (each one is a branch of the filter: part of a cached statement's shape). */
export const storeLinkCount = () => links.length;
