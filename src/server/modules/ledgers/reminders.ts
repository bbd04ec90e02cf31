// Balance reminders (余额提醒). After a spend leaves a wallet or a gift card under the business's threshold
// (an amount, or a % of the last top-up or load), the spend's transaction enqueues a
// `ledgers.balance_reminder` job (outbox: nothing for a rolled-back spend). The job decides at send time:
// - the balance is re-read: a top-up since then cancels the reminder;
// - frequency cap: nothing when the client got a balance reminder in the last `minIntervalDays` (7);
// - channels: the business's channels the client has an address for, unless her latest consent answer
//   for that channel is "no" (a balance notice is a factual account message, so no answer counts as
//   yes; an opt-out always wins);
// - quiet hours: an SMS due inside the store's quiet window waits until it ends (a new job, re-decided);
// - the message is in the client's language; it is recorded in `balance_notices` (the cap reads it) and
//   goes out through `notify.send` jobs with fixed ids, so a handler that runs twice sends once;
// - a reminder decided against is recorded too, with why (kind `balance_reminder_skipped`, which the cap
//   does not count), so the salon can see why a client got no message (lastReminderDecision).
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { isLanguage, type Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { enqueue, type JobHandler, PermanentJobError } from '../../platform/jobs/index.js';
import { formatMoney, isCurrency, percentOf } from '../../platform/money.js';
import { NOTIFY_KIND, outgoingMessageSchema, quietUntil } from '../../platform/notifications/index.js';
import { loadLedgerSettings, type ReminderSettings } from './settings.js';

// Shared with appointment messages (platform/notifications); still exported here for this module's users.
export { quietUntil };

export const REMINDER_JOB_KIND = 'ledgers.balance_reminder';
const DAY_MS = 86_400_000;

const payloadSchema = z.object({
  clientId: z.string(),
  subject: z.enum(['wallet', 'gift_card']),
  /** The gift card id; '' for the wallet. */
  subjectId: z.string(),
  accountIds: z.array(z.string()).min(1),
  storeId: z.string(),
  threshold: z.number().int(),
  last4: z.string().optional(),
  channel: z.enum(['email', 'sms']).optional(),
});
export type ReminderPayload = z.infer<typeof payloadSchema>;

/** The threshold in cents: an amount, or a % of the last top-up / load (0 when there was none). */
export function reminderThreshold(t: ReminderSettings['wallet'], lastLoad: number | null): number {
  return t.kind === 'amount' ? t.value : lastLoad ? percentOf(lastLoad, t.value) : 0;
}

/**
 * Called by the spend that just changed the balance, inside its transaction. Enqueues the reminder job
 * when the balance is now under the threshold; every such spend asks, and the job's frequency cap keeps
 * it to one message per interval. One job per client, subject and UTC day at most (fixed job id).
 */
export async function considerBalanceReminder(
  tx: Executor,
  p: {
    clientId: string | null;
    subject: 'wallet' | 'gift_card';
    subjectId?: string;
    accountIds: string[];
    balance: number;
    /** The last top-up or load, or a way to read it (read only when the threshold is a %). */
    lastLoad: number | null | (() => Promise<number | null>);
    storeId: string;
    last4?: string;
    now: number;
    /** The reminder settings when the caller has them already. */
    settings?: ReminderSettings;
  },
  afterCommit?: (fn: () => void) => void,
): Promise<boolean> {
  if (!p.clientId) return false;
  const r = p.settings ?? (await loadLedgerSettings(tx)).settings.reminders;
  if (!r.enabled) return false;
  const t = p.subject === 'wallet' ? r.wallet : r.giftCard;
  const lastLoad = typeof p.lastLoad === 'function' ? (t.kind === 'percent' ? await p.lastLoad() : null) : p.lastLoad;
  const threshold = reminderThreshold(t, lastLoad);
  if (p.balance >= threshold) return false;
  const payload: ReminderPayload = {
    clientId: p.clientId,
    subject: p.subject,
    subjectId: p.subjectId ?? '',
    accountIds: p.accountIds,
    storeId: p.storeId,
    threshold,
    ...(p.last4 ? { last4: p.last4 } : {}),
  };
  const day = new Date(p.now).toISOString().slice(0, 10);
  await enqueue(
    tx,
    { id: `balrem:${p.clientId}:${p.subject}:${p.subjectId ?? ''}:${day}`, kind: REMINDER_JOB_KIND, payload, maxAttempts: 5 },
    p.now,
    afterCommit,
  );
  return true;
}

const TEXT: Record<Language, { subject: string; wallet: string; giftCard: string }> = {
  en: {
    subject: '{store}: your balance is running low',
    wallet: 'Hi {name}, your stored-value balance at {store} is now {balance}. Top up at your next visit to keep enjoying member prices.',
    giftCard: 'Hi {name}, your {store} gift card ending {last4} has {balance} left.',
  },
  'zh-CN': {
    subject: '{store}：您的余额不多了',
    wallet: '{name}您好，您在{store}的储值余额现为 {balance}。下次到店时可以充值，继续享受会员优惠。',
    giftCard: '{name}您好，您尾号 {last4} 的{store}礼品卡余额为 {balance}。',
  },
  'zh-TW': {
    subject: '{store}：您的餘額不多了',
    wallet: '{name}您好，您在{store}的儲值餘額現為 {balance}。下次到店時可以加值，繼續享受會員優惠。',
    giftCard: '{name}您好，您尾號 {last4} 的{store}禮品卡餘額為 {balance}。',
  },
};

const fill = (s: string, v: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');

export function renderReminder(
  lang: Language,
  p: { subject: 'wallet' | 'gift_card'; name: string; store: string; balance: string; last4?: string },
) {
  const t = TEXT[lang];
  const v = { name: p.name, store: p.store, balance: p.balance, last4: p.last4 ?? '' };
  const text = fill(p.subject === 'wallet' ? t.wallet : t.giftCard, v);
  return { subject: fill(t.subject, v), text };
}

async function latestConsent(db: Executor, clientId: string, channel: 'sms' | 'email'): Promise<boolean | null> {
  const row = await db
    .selectFrom('client_consents')
    .select('granted')
    .where('client_id', '=', clientId)
    .where('channel', '=', channel)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? row.granted === 1 : null;
}

/** What the job does now: skip (with why), defer the SMS, or send on these channels. Exported for tests. */
export async function decideReminder(db: Executor, p: ReminderPayload, now: number, settings: ReminderSettings) {
  const balance = (await db.selectFrom('ledger_accounts').select('balance').where('id', 'in', p.accountIds).execute()).reduce(
    (a, r) => a + r.balance,
    0,
  );
  if (balance >= p.threshold) return { skip: 'balance_recovered' as const, balance };
  const since = now - settings.minIntervalDays * DAY_MS;
  const recent = await db
    .selectFrom('balance_notices')
    .select('id')
    .where('client_id', '=', p.clientId)
    .where('kind', '=', 'balance_reminder')
    .where('created_at', '>', since)
    .executeTakeFirst();
  if (recent && !p.channel) return { skip: 'frequency_cap' as const, balance };
  const client = await db
    .selectFrom('clients')
    .select(['first_name', 'preferred_name', 'phone', 'email', 'language', 'merged_into_id', 'archived'])
    .where('id', '=', p.clientId)
    .executeTakeFirst();
  if (!client || client.merged_into_id || client.archived) return { skip: 'no_client' as const, balance };
  const store = await db.selectFrom('stores').select(['name', 'time_zone', 'currency']).where('id', '=', p.storeId).executeTakeFirst();
  if (!store) return { skip: 'no_client' as const, balance };
  const channels: Array<{ channel: 'sms' | 'email'; to: string }> = [];
  for (const channel of settings.channels) {
    if (p.channel && p.channel !== channel) continue;
    const to = channel === 'sms' ? client.phone : client.email;
    if (to && (await latestConsent(db, p.clientId, channel)) !== false) channels.push({ channel, to });
  }
  if (!channels.length) return { skip: 'no_channel' as const, balance };
  const deferSmsUntil = channels.some((c) => c.channel === 'sms') ? quietUntil(now, store.time_zone, settings.quietHours) : null;
  const lang: Language = isLanguage(client.language) ? client.language : 'en';
  const currency = isCurrency(store.currency) ? store.currency : 'USD';
  const rendered = renderReminder(lang, {
    subject: p.subject,
    name: client.preferred_name || client.first_name,
    store: store.name,
    balance: formatMoney(balance, currency, lang),
    ...(p.last4 ? { last4: p.last4 } : {}),
  });
  return { send: channels, deferSmsUntil, rendered, balance };
}

const SKIPPED_KIND = 'balance_reminder_skipped';
export type ReminderSkip = 'balance_recovered' | 'frequency_cap' | 'no_channel';

const noticeSubject = (p: Pick<ReminderPayload, 'subject' | 'subjectId'>) =>
  p.subject === 'wallet' ? 'wallet' : `gift_card:${p.subjectId}`;

/** The latest reminder decision about a wallet or a gift card: sent (on which channels) or not (why). */
export async function lastReminderDecision(
  db: Executor,
  clientId: string,
  subject: Pick<ReminderPayload, 'subject' | 'subjectId'>,
): Promise<{ at: string; balance: number; channels: Array<'sms' | 'email'>; skipped: ReminderSkip | null } | null> {
  const row = await db
    .selectFrom('balance_notices')
    .select(['channels', 'balance', 'skipped', 'created_at'])
    .where('client_id', '=', clientId)
    .where('kind', 'in', ['balance_reminder', SKIPPED_KIND])
    .where('subject', '=', noticeSubject(subject))
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    at: new Date(Number(row.created_at)).toISOString(),
    balance: row.balance,
    channels: JSON.parse(row.channels) as Array<'sms' | 'email'>,
    skipped: (row.skipped as ReminderSkip | null) ?? null,
  };
}

/** The `ledgers.balance_reminder` job handler. */
export function reminderHandler(deps: Pick<Deps, 'database' | 'clock'>): JobHandler {
  const db: Kysely<DB> = deps.database.db;
  return async (payload, ctx) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`invalid ${REMINDER_JOB_KIND} payload: ${parsed.error.message}`);
    const p = parsed.data;
    const now = deps.clock.now();
    await withTransaction(db, async ({ tx, afterCommit }) => {
      const { settings } = await loadLedgerSettings(tx);
      if (!settings.reminders.enabled) return;
      const d = await decideReminder(tx, p, now, settings.reminders);
      if ('skip' in d) {
        // A client who is gone (merged, archived) has no one to tell; every other "no" is kept.
        if (d.skip !== 'no_client') {
          await tx
            .insertInto('balance_notices')
            .values({
              id: `${ctx.id}:skipped`,
              client_id: p.clientId,
              kind: SKIPPED_KIND,
              subject: noticeSubject(p),
              channels: '[]',
              balance: d.balance,
              skipped: d.skip,
              created_at: now,
            })
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
        }
        return;
      }
      const used: string[] = [];
      for (const c of d.send) {
        if (c.channel === 'sms' && d.deferSmsUntil !== null) {
          await enqueue(
            tx,
            {
              id: `${ctx.id}:sms-later`,
              kind: REMINDER_JOB_KIND,
              payload: { ...p, channel: 'sms' },
              runAt: d.deferSmsUntil,
              maxAttempts: 5,
            },
            now,
          );
          continue;
        }
        const message = outgoingMessageSchema.parse({
          channel: c.channel,
          to: c.to,
          text: d.rendered.text,
          ...(c.channel === 'email' ? { subject: d.rendered.subject } : {}),
        });
        await enqueue(tx, { id: `${ctx.id}:${c.channel}`, kind: NOTIFY_KIND, payload: message }, now, afterCommit);
        used.push(c.channel);
      }
      if (used.length) {
        await tx
          .insertInto('balance_notices')
          .values({
            id: newId(),
            client_id: p.clientId,
            kind: 'balance_reminder',
            subject: noticeSubject(p),
            channels: JSON.stringify(used),
            balance: d.balance,
            created_at: now,
          })
          .execute();
      }
    });
  };
}
