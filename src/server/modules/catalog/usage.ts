import type { Executor } from '../../db/tx.js';

/** A catalog item other modules may point at (an appointment books a service, a sale sells a product). */
export type CatalogItemRef = { type: 'service' | 'product'; id: string };

/**
 * Reports whether a module uses a catalog item, inside the deleting transaction. Returns a short
 * description of the use (e.g. "appointments") or null when it has none.
 */
export type UsageCheck = (db: Executor, item: CatalogItemRef) => Promise<string | null>;

const checks = new Set<UsageCheck>();

/**
 * Lets a later module (appointments, sales, stock…) veto the hard delete of something it references:
 * a used item can only be archived. Returns a function that removes the check again (tests).
 */
export function registerUsageCheck(fn: UsageCheck): () => void {
  checks.add(fn);
  return () => {
    checks.delete(fn);
  };
}

/** The first use any registered module reports, or null when nothing uses the item. */
export async function findUsage(db: Executor, item: CatalogItemRef): Promise<string | null> {
  for (const check of checks) {
    const used = await check(db, item);
    if (used) return used;
  }
  return null;
}
