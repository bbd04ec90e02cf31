// What client-message jobs (appointment messages, balance reminders) share: the store's SMS quiet hours
// and a log of what went out, which frequency caps read. The log is written in the transaction that
// enqueues the messages, so a cap holds across restarts and a rolled-back decision logs nothing.
import type { Executor } from '../../db/tx.js';
import { addDays, localDate, toZonedIso, zonedDateTimeToInstant } from '../zoned-time.js';

/** The end of the store-local quiet window ('HH:mm', may wrap midnight) when `now` is inside it, else null. */
export function quietUntil(now: number, tz: string, quiet: { start: string; end: string }): number | null {
  if (quiet.start === quiet.end) return null;
  const date = localDate(now, tz);
  const time = toZonedIso(now, tz).slice(11, 16);
  const wraps = quiet.start > quiet.end;
  const inside = wraps ? time >= quiet.start || time < quiet.end : time >= quiet.start && time < quiet.end;
  if (!inside) return null;
  const endDate = wraps && time >= quiet.start ? addDays(date, 1) : date;
  return zonedDateTimeToInstant(endDate, quiet.end, tz);
}

export type SentMessage = {
  /** The notify job's id (fixed per message): a handler that runs twice logs once. */
  id: string;
  clientId: string;
  storeId: string | null;
  kind: string;
  ref: string | null;
  channel: 'email' | 'sms';
  /** The store-local day the message is about, for per-day rules. */
  localDate: string | null;
  at: number;
};

export async function logSent(tx: Executor, rows: readonly SentMessage[]): Promise<void> {
  if (!rows.length) return;
  await tx
    .insertInto('client_message_log')
    .values(
      rows.map((r) => ({
        id: r.id,
        client_id: r.clientId,
        store_id: r.storeId,
        kind: r.kind,
        ref: r.ref,
        channel: r.channel,
        local_date: r.localDate,
        created_at: r.at,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** How many messages of these kinds went to the client on the channel since `since` (exclusive). */
export async function countSent(
  db: Executor,
  q: { clientId: string; channel: 'email' | 'sms'; kinds: readonly string[]; since: number },
): Promise<number> {
  const row = await db
    .selectFrom('client_message_log')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('client_id', '=', q.clientId)
    .where('channel', '=', q.channel)
    .where('kind', 'in', q.kinds)
    .where('created_at', '>', q.since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Messages of a kind about one store-local day: what a per-day rule reads. */
export function sentAbout(db: Executor, q: { clientId: string; kind: string; storeId: string; localDate: string }) {
  return db
    .selectFrom('client_message_log')
    .select(['ref', 'channel'])
    .where('client_id', '=', q.clientId)
    .where('kind', '=', q.kind)
    .where('local_date', '=', q.localDate)
    .where('store_id', '=', q.storeId)
    .execute();
}
