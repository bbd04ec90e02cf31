// Rolling expiry of points: each earn lasts `expiry.months`, the oldest points are used first. A daily job
// (`points.expire`) posts an `expiry` entry for what has run out, one client per transaction, and sends a
// notice (in the client's language, consent honoured, at most one per notice window) to clients whose
// points will expire within `noticeDays`.

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { isLanguage, type Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import type { JobHandler } from '../../platform/jobs/index.js';
import { enqueueMessage } from '../../platform/notifications/index.js';
import { loadLedgerSettings, post } from '../ledgers/index.js';

export const EXPIRE_JOB_KIND = 'points.expire';
export const EXPIRE_CRON = '15 3 * * *';
const DAY_MS = 86_400_000;

const monthsBefore = (now: number, months: number) =>
  Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO('UTC').subtract({ months }).epochMilliseconds;

type Totals = { account_id: string; owner_id: string; balance: number; old_in: number; soon_in: number; out: number };

async function totals(db: Executor, cutoff: number, soonCutoff: number, afterId: string, limit: number): Promise<Totals[]> {
  const r = await sql<Totals>`
    select a.id as account_id, a.owner_id, a.balance,
      coalesce(sum(case when e.amount > 0 and e.created_at <= ${cutoff} then e.amount else 0 end), 0) as old_in,
      coalesce(sum(case when e.amount > 0 and e.created_at <= ${soonCutoff} then e.amount else 0 end), 0) as soon_in,
      coalesce(sum(case when e.amount < 0 then -e.amount else 0 end), 0) as out
    from ledger_accounts a join ledger_entries e on e.account_id = a.id
    where a.kind = 'points' and a.balance > 0 and a.id > ${afterId}
    group by a.id, a.owner_id, a.balance
    order by a.id
    limit ${limit}`.execute(db);
  return r.rows.map((x) => ({
    ...x,
    balance: Number(x.balance),
    old_in: Number(x.old_in),
    soon_in: Number(x.soon_in),
    out: Number(x.out),
  }));
}

const TEXT: Record<Language, { subject: string; body: string }> = {
  en: {
    subject: '{store}: your points expire soon',
    body: 'Hi {name}, {points} of your points at {store} will expire by {date}. Use them at your next visit!',
  },
  'zh-CN': { subject: '{store}：您的积分即将过期', body: '{name}您好，您在{store}的 {points} 积分将于 {date} 前过期，欢迎下次到店使用！' },
  'zh-TW': { subject: '{store}：您的積分即將過期', body: '{name}您好，您在{store}的 {points} 積分將於 {date} 前過期，歡迎下次到店使用！' },
};

async function notify(
  tx: Executor,
  clientId: string,
  points: number,
  expiresOn: string,
  now: number,
  noticeDays: number,
  afterCommit: (fn: () => void) => void,
) {
  const recent = await tx
    .selectFrom('balance_notices')
    .select('id')
    .where('client_id', '=', clientId)
    .where('kind', '=', 'points_expiry')
    .where('created_at', '>', now - Math.max(1, noticeDays) * DAY_MS)
    .executeTakeFirst();
  if (recent) return false;
  const client = await tx
    .selectFrom('clients')
    .select(['first_name', 'preferred_name', 'phone', 'email', 'language', 'home_store_id', 'archived', 'merged_into_id'])
    .where('id', '=', clientId)
    .executeTakeFirst();
  if (!client || client.archived || client.merged_into_id) return false;
  const store = await tx.selectFrom('stores').select('name').where('id', '=', client.home_store_id).executeTakeFirst();
  const consents = await tx
    .selectFrom('client_consents')
    .select(['channel', 'granted'])
    .where('client_id', '=', clientId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const allowed = (ch: string) => consents.find((c) => c.channel === ch)?.granted !== 0;
  const lang: Language = isLanguage(client.language) ? client.language : 'en';
  const fill = (s: string) =>
    s
      .replace('{store}', store?.name ?? '')
      .replace('{name}', client.preferred_name || client.first_name)
      .replace('{points}', String(points))
      .replace('{date}', expiresOn);
  const used: string[] = [];
  if (client.email && allowed('email')) {
    await enqueueMessage(
      tx,
      { channel: 'email', to: client.email, subject: fill(TEXT[lang].subject), text: fill(TEXT[lang].body) },
      now,
      afterCommit,
    );
    used.push('email');
  } else if (client.phone && allowed('sms')) {
    await enqueueMessage(tx, { channel: 'sms', to: client.phone, text: fill(TEXT[lang].body) }, now, afterCommit);
    used.push('sms');
  }
  if (!used.length) return false;
  await tx
    .insertInto('balance_notices')
    .values({
      id: newId(),
      client_id: clientId,
      kind: 'points_expiry',
      subject: 'points',
      channels: JSON.stringify(used),
      balance: points,
      created_at: now,
    })
    .execute();
  return true;
}

/** Expires what has run out and sends the notices. Safe to run again: a second run finds nothing more due. */
export async function runPointsExpiry(db: Kysely<DB>, now: number): Promise<{ expired: number; points: number; notices: number }> {
  const { settings } = await loadLedgerSettings(db);
  const { months, noticeDays } = settings.points.expiry;
  const report = { expired: 0, points: 0, notices: 0 };
  if (!months) return report;
  const cutoff = monthsBefore(now, months);
  const soonCutoff = cutoff + noticeDays * DAY_MS;
  let after = '';
  for (;;) {
    const batch = await totals(db, cutoff, soonCutoff, after, 500);
    if (!batch.length) break;
    for (const t of batch) {
      after = t.account_id;
      const due = Math.min(t.balance, Math.max(0, t.old_in - t.out));
      const soon = Math.min(t.balance - due, Math.max(0, t.soon_in - t.out) - due);
      if (due <= 0 && soon <= 0) continue;
      await withTransaction(db, async ({ tx, afterCommit }) => {
        if (due > 0) {
          // Guarded like any debit: a spend that raced us leaves less to expire, never a negative balance.
          const current =
            (await tx.selectFrom('ledger_accounts').select('balance').where('id', '=', t.account_id).executeTakeFirst())?.balance ?? 0;
          const take = Math.min(due, current);
          if (take > 0) {
            await post(tx, [{ accountId: t.account_id, amount: -take }], {
              kind: 'expiry',
              refType: 'points_expiry',
              refId: new Date(now).toISOString().slice(0, 10),
              now,
              meta: { cutoff },
            });
            report.expired += 1;
            report.points += take;
          }
        }
        if (soon > 0 && noticeDays > 0) {
          const on = Temporal.Instant.fromEpochMilliseconds(now + noticeDays * DAY_MS)
            .toZonedDateTimeISO('UTC')
            .toPlainDate()
            .toString();
          if (await notify(tx, t.owner_id, soon, on, now, noticeDays, afterCommit)) report.notices += 1;
        }
      });
    }
  }
  return report;
}

export function pointsJobHandlers(deps: Pick<Deps, 'database' | 'clock'>): Record<string, JobHandler> {
  return {
    [EXPIRE_JOB_KIND]: async () => {
      await runPointsExpiry(deps.database.db, deps.clock.now());
    },
  };
}
