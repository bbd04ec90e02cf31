// What every balance report accepts: one store (else every store the actor works at), and a period —
// `asOf` for what was outstanding at an instant, `from`/`to` for movements in between. Instants are
// ISO 8601 with offset (the web sends the start of a store-local day).
import { z } from 'zod';
import { type Actor, assertStore } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { parseInstant } from '../../platform/zoned-time.js';

const instant = z.string().max(40).optional();
export const reportQuery = z.object({ storeId: z.uuid().optional(), from: instant, to: instant, asOf: instant });
export type ReportQuery = z.infer<typeof reportQuery>;

export type ReportScope = {
  /** Stores the report covers; null = every store (and business-wide totals). */
  storeIds: string[] | null;
  from: number | undefined;
  to: number | undefined;
  asOf: number | undefined;
};

function toInstant(s: string | undefined, path: string): number | undefined {
  if (s === undefined) return undefined;
  try {
    return parseInstant(s);
  } catch {
    throw PlatformErrors.validation_failed({ fields: path }, [{ path, message: 'an ISO 8601 instant with offset' }]);
  }
}

/** The stores and period of a report request: a manager sees her stores only (403 for another's). */
export function reportScope(actor: Actor, q: ReportQuery): ReportScope {
  if (q.storeId) assertStore(actor, q.storeId);
  const scope = {
    storeIds: q.storeId ? [q.storeId] : actor.allStores ? null : [...actor.storeIds],
    from: toInstant(q.from, 'from'),
    to: toInstant(q.to, 'to'),
    asOf: toInstant(q.asOf, 'asOf'),
  };
  if (scope.from !== undefined && scope.to !== undefined && scope.from > scope.to)
    throw PlatformErrors.validation_failed({ fields: 'to' }, [{ path: 'to', message: 'must not be before from' }]);
  return scope;
}
