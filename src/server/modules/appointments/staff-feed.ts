// A staff member's private iCal feed: her appointments from 30 days back to 90 days ahead, for her phone's
// calendar. The URL is the only key, so it carries a token: `<staff id>.<HMAC(session key, id + nonce)>`.
// Nothing secret is stored (the nonce alone opens nothing), a wrong token costs one constant-time compare
// and answers 404 like an unknown one, and rotating (a new nonce) kills every copy of the old URL.
// What the feed shows is minimal on purpose: service names and the client's first name. No phone, email,
// notes or health data: a subscribed calendar syncs to devices and clouds the salon does not control.
import type { Executor } from '../../db/tx.js';
import { hmacSign, randomToken, timingSafeEqualStr } from '../../platform/crypto.js';
import { PlatformErrors } from '../../platform/errors.js';
import { isLanguage } from '../../platform/i18n.js';
import { loadNames } from './dto.js';
import { buildFeed, type IcsEvent } from './ics.js';

const DAY_MS = 86_400_000;
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 90;

const mac = (secret: string, staffId: string, nonce: string) => hmacSign(secret, 'staff-calendar', staffId, nonce).slice(0, 32);

export const feedToken = (secret: string, staffId: string, nonce: string) => `${staffId}.${mac(secret, staffId, nonce)}`;

/** The API path of a feed (the web or PUBLIC_URL puts a host in front). */
export const feedPath = (token: string) => `/api/v1/public/staff-calendar/${token}.ics`;

const newNonce = () => randomToken(16);

/** The staff member's feed, created on first ask. */
export async function ensureFeed(tx: Executor, staffId: string, now: number) {
  await tx
    .insertInto('staff_calendar_feeds')
    .values({ staff_id: staffId, nonce: newNonce(), created_at: now, rotated_at: null })
    .onConflict((oc) => oc.column('staff_id').doNothing())
    .execute();
  return tx.selectFrom('staff_calendar_feeds').selectAll().where('staff_id', '=', staffId).executeTakeFirstOrThrow();
}

/** A new token for the feed; the old URL stops working at once. */
export async function rotateFeed(tx: Executor, staffId: string, now: number) {
  await ensureFeed(tx, staffId, now);
  await tx.updateTable('staff_calendar_feeds').set({ nonce: newNonce(), rotated_at: now }).where('staff_id', '=', staffId).execute();
  return tx.selectFrom('staff_calendar_feeds').selectAll().where('staff_id', '=', staffId).executeTakeFirstOrThrow();
}

/** The active staff member a feed token opens, or 404 (wrong, rotated or unknown tokens look alike). */
export async function openFeedToken(
  db: Executor,
  secret: string,
  token: string,
): Promise<{ id: string; displayName: string; language: string }> {
  const dot = token.indexOf('.');
  const staffId = dot > 0 ? token.slice(0, dot) : '';
  const row = staffId
    ? await db
        .selectFrom('staff_calendar_feeds')
        .innerJoin('staff', 'staff.id', 'staff_calendar_feeds.staff_id')
        .select(['staff.id', 'staff.display_name', 'staff.name', 'staff.language', 'staff.active', 'staff_calendar_feeds.nonce'])
        .where('staff_calendar_feeds.staff_id', '=', staffId)
        .executeTakeFirst()
    : undefined;
  // Compare even without a row, so a miss takes as long as a wrong signature.
  const expected = row ? feedToken(secret, row.id, row.nonce) : feedToken(secret, 'none', 'none');
  if (!timingSafeEqualStr(expected, token) || !row || row.active !== 1) throw PlatformErrors.not_found();
  return { id: row.id, displayName: row.display_name || row.name, language: row.language };
}

/** The feed's events: one per appointment she works on (her lines only), cancelled ones left out. */
export async function feedEvents(db: Executor, staff: { id: string; language: string }, now: number): Promise<IcsEvent[]> {
  const lines = await db
    .selectFrom('appointment_lines')
    .innerJoin('appointments', 'appointments.id', 'appointment_lines.appointment_id')
    .selectAll('appointment_lines')
    .select([
      'appointments.store_id as a_store_id',
      'appointments.client_id as a_client_id',
      'appointments.version as a_version',
      'appointments.updated_at as a_updated_at',
    ])
    .where('appointment_lines.staff_id', '=', staff.id)
    .where('appointments.status', '!=', 'cancelled')
    .where('appointments.start_at', '>=', now - FEED_DAYS_BACK * DAY_MS)
    .where('appointments.start_at', '<', now + FEED_DAYS_AHEAD * DAY_MS)
    .orderBy('appointment_lines.start_at')
    .execute();
  if (!lines.length) return [];
  const lang = isLanguage(staff.language) ? staff.language : 'en';
  const clientIds = [...new Set(lines.map((l) => l.a_client_id).filter((x): x is string => !!x))];
  const firstNames = new Map(
    clientIds.length
      ? (await db.selectFrom('clients').select(['id', 'first_name']).where('id', 'in', clientIds).execute()).map((c) => [
          c.id,
          c.first_name,
        ])
      : [],
  );
  const storeIds = [...new Set(lines.map((l) => l.a_store_id))];
  const stores = new Map(
    (await db.selectFrom('stores').select(['id', 'name', 'address']).where('id', 'in', storeIds).execute()).map((s) => [s.id, s]),
  );
  const serviceNames = new Map<string, string>();
  for (const storeId of storeIds) {
    const names = await loadNames(
      db,
      storeId,
      lines.filter((l) => l.a_store_id === storeId),
      [],
      lang,
    );
    for (const [id, s] of names.services) serviceNames.set(`${storeId}:${id}`, s.name);
  }
  const byAppointment = new Map<string, typeof lines>();
  for (const l of lines) byAppointment.set(l.appointment_id, [...(byAppointment.get(l.appointment_id) ?? []), l]);
  return [...byAppointment].map(([id, own]) => {
    const first = own[0]!;
    const services = [...new Set(own.map((l) => serviceNames.get(`${first.a_store_id}:${l.service_id}`) ?? ''))].filter(Boolean);
    const client = first.a_client_id ? firstNames.get(first.a_client_id) : undefined;
    const store = stores.get(first.a_store_id);
    return {
      uid: id,
      start: Math.min(...own.map((l) => l.start_at)),
      end: Math.max(...own.map((l) => l.end_at)),
      stamp: first.a_updated_at,
      sequence: first.a_version,
      summary: [services.join(', '), client].filter(Boolean).join(' · '),
      location: store ? [store.name, store.address].filter(Boolean).join(', ') : null,
    };
  });
}

export function renderFeed(staff: { displayName: string }, events: IcsEvent[]): string {
  return buildFeed(`${staff.displayName} · Orchid`, events);
}
