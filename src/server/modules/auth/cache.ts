import type { Actor } from '../../http/actor.js';
import { TtlCache } from '../../platform/ttl-cache.js';

/**
 * Who a session or token belongs to, and its Me document, cached for a few seconds: every request
 * needs the actor, and the database lookup would otherwise dominate a simple read.
 *
 * Staleness is bounded: this process clears the cache after every successful write it serves
 * (logout, role change, archive, store edit… all are writes), and other app servers sharing the
 * database see a revocation within TTL_MS.
 */
export const AUTH_CACHE_TTL_MS = 5_000;

export const actorCache = new TtlCache<string, Actor>(AUTH_CACHE_TTL_MS, 20_000);
/** Serialised Me documents by session. */
export const meCache = new TtlCache<string, string>(AUTH_CACHE_TTL_MS, 20_000);

export function invalidateAuthCaches(): void {
  actorCache.clear();
  meCache.clear();
}
