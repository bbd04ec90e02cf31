// A store's set-up (store row, settings, catalog terms, staff, rosters) is read by every booking and
// checkout but changes a few times a day; its busy time is read by every availability query and changes
// with each booking. Cached per process, keyed by store; an entry holds only while no table of its group
// was written (db/write-watch.ts) and for at most a few seconds (writes by another process).
import type { Executor } from '../../db/tx.js';
import { generationOf, type WatchedGroup } from '../../db/write-watch.js';
import { findStoreById, type StoreRow } from './repo.js';

const TTL_MS = 5_000;
const MAX_ENTRIES = 5_000;

type Entry = { value: Promise<unknown>; generation: number; expires: number };
const entries = new Map<string, Entry>();

/**
 * `load()`'s value for (what, storeId), from the cache while no table of `group` was written. Values are
 * shared: callers must not change them. Inside a transaction a miss is read through the transaction and
 * not kept (it may see the transaction's own uncommitted writes).
 */
export function cachedForStore<T>(
  db: Executor,
  what: string,
  storeId: string,
  load: () => Promise<T>,
  group: WatchedGroup = 'setup',
): Promise<T> {
  const key = `${storeId}\u0000${what}`;
  const now = Date.now();
  const generation = generationOf(group);
  const hit = entries.get(key);
  if (hit && hit.generation === generation && hit.expires > now) return hit.value as Promise<T>;
  const value = load();
  if (db.isTransaction) return value;
  if (entries.size >= MAX_ENTRIES && !entries.has(key)) entries.delete(entries.keys().next().value!);
  // Concurrent misses share one read. A write landing while it runs moves the generation, so the value
  // is used once and then read again.
  entries.set(key, { value, generation, expires: now + TTL_MS });
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

/** The store's row, cached (see cachedForStore); undefined if there is no such store. */
export const cachedStoreRow = (db: Executor, storeId: string): Promise<StoreRow | undefined> =>
  cachedForStore(db, 'stores.row', storeId, () => findStoreById(db, storeId));
