// One client's visits (GET /appointments?clientId=): her history and what is coming, newest first, at the
// stores the caller may see. Each visit is shaped in its own store's zone and currency.
import type { SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { type Actor, assertStore } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import { addDays, isLocalDate, startOfLocalDay } from '../../platform/zoned-time.js';
import { type AppointmentDto, appointmentDtos } from './dto.js';
import { loadStore, type StoreInfo } from './planner.js';
import type { FeedQuery } from './schemas.js';
import { storeOrFail } from './service.js';
import { parseIso } from './time.js';

/** The feed's optional filters (a technician's visits, changes since, cancelled left out), for both feeds. */
export function withFeedFilters<O>(
  query: SelectQueryBuilder<DB, 'appointments', O>,
  q: FeedQuery,
): SelectQueryBuilder<DB, 'appointments', O> {
  let out = query;
  if (q.staffId) {
    const staffId = q.staffId;
    out = out.where((eb) =>
      eb.exists(
        eb
          .selectFrom('appointment_lines')
          .select('id')
          .whereRef('appointment_lines.appointment_id', '=', 'appointments.id')
          .where('appointment_lines.staff_id', '=', staffId),
      ),
    );
  }
  if (q.changedSince) out = out.where('updated_at', '>', parseIso(q.changedSince));
  if (q.includeCancelled === 'false') out = out.where('status', 'not in', ['cancelled', 'no_show']);
  return out;
}

export async function clientFeed(
  db: Executor,
  actor: Actor,
  q: FeedQuery & { clientId: string },
  lang: Language,
  now: number,
): Promise<{ clientId: string; asOf: string; data: AppointmentDto[]; nextCursor: string | null }> {
  let store: StoreInfo | undefined;
  if (q.storeId) {
    assertStore(actor, q.storeId);
    store = await storeOrFail(db, q.storeId);
  }
  const instant = (v: string, end: boolean) => (isLocalDate(v) ? startOfLocalDay(end ? addDays(v, 1) : v, store!.timeZone) : parseIso(v));
  let query = db.selectFrom('appointments').selectAll().where('client_id', '=', q.clientId);
  if (store) query = query.where('store_id', '=', store.id);
  else if (!actor.allStores) {
    if (actor.storeIds.length === 0) return { clientId: q.clientId, asOf: new Date(now).toISOString(), data: [], nextCursor: null };
    query = query.where('store_id', 'in', actor.storeIds);
  }
  if (q.from) query = query.where('end_at', '>', instant(q.from, false));
  if (q.to) query = query.where('start_at', '<', instant(q.to, true));
  query = withFeedFilters(query, q);
  if (q.cursor) {
    const [at, id] = (decodeCursor(q.cursor) ?? '').split('|');
    if (!Number.isSafeInteger(Number(at)) || !id)
      throw PlatformErrors.validation_failed({ fields: 'cursor' }, [{ path: 'cursor', message: 'not a cursor from this list' }]);
    query = query.where((eb) => eb.or([eb('start_at', '<', Number(at)), eb.and([eb('start_at', '=', Number(at)), eb('id', '<', id)])]));
  }
  const rows = await query
    .orderBy('start_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = toPage(rows, q.limit, (r) => `${r.start_at}|${r.id}`);
  // Shaped per store (zone, currency, names of its catalog), then back in the list's order.
  const byStore = new Map<string, typeof page.data>();
  for (const r of page.data) byStore.set(r.store_id, [...(byStore.get(r.store_id) ?? []), r]);
  const dtos = new Map<string, AppointmentDto>();
  for (const [storeId, list] of byStore) {
    const s = store?.id === storeId ? store : await loadStore(db, { id: storeId });
    if (!s) continue;
    for (const d of await appointmentDtos(db, s, list, lang)) dtos.set(d.id, d);
  }
  return {
    clientId: q.clientId,
    asOf: new Date(now).toISOString(),
    data: page.data.flatMap((r) => dtos.get(r.id) ?? []),
    nextCursor: page.nextCursor,
  };
}
