// Package expiry, by the daily `packages.expire` job: every active package whose validity ended loses its
// unused sessions (entry kind `expiry`, one package per transaction) and becomes expired; clients with unused
// sessions are reminded 30 and 7 days before (the business's days), once each, in their language. A
// package bought with 5 days left gets only the 7-day notice. Safe to run again: nothing more is due.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { writeAudit } from '../../platform/audit.js';
import type { Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import type { JobHandler } from '../../platform/jobs/index.js';
import { post } from '../ledgers/index.js';
import { fill, notifyClient } from './notify.js';
import { itemStates, lastDay } from './repo.js';
import { bookingLink, loadPackageSettings } from './settings.js';
import { parseJson, type Translations, textIn } from './templates.js';

export const PACKAGE_EXPIRE_JOB_KIND = 'packages.expire';
/** Daily at 17:00 UTC: noon in New York, 9–10 am in Vancouver (no message in the night). */
export const PACKAGE_EXPIRE_CRON = '0 17 * * *';
const DAY_MS = 86_400_000;

const TEXT: Record<Language, { subject: string; body: string; link: string; call: string }> = {
  en: {
    subject: '{store}: your {package} expires soon',
    body: 'Hi {name}, you still have {n} session(s) of your {package} at {store}, usable until {date}.',
    link: ' Book your next visit: {link}',
    call: ' Call us to book your next visit.',
  },
  'zh-CN': {
    subject: '{store}：您的{package}即将到期',
    body: '{name}您好，您在{store}的「{package}」还剩 {n} 次，可使用至 {date}。',
    link: '立即预约：{link}',
    call: '欢迎致电预约。',
  },
  'zh-TW': {
    subject: '{store}：您的{package}即將到期',
    body: '{name}您好，您在{store}的「{package}」還剩 {n} 次，可使用至 {date}。',
    link: '立即預約：{link}',
    call: '歡迎來電預約。',
  },
};

export type ExpiryReport = { expired: number; sessions: number; notices: number };

export async function runPackageExpiry(db: Kysely<DB>, now: number): Promise<ExpiryReport> {
  const report: ExpiryReport = { expired: 0, sessions: 0, notices: 0 };
  const due = await db
    .selectFrom('client_packages')
    .select('id')
    .where('status', '=', 'active')
    .where('expires_at', '<=', now)
    .orderBy('id')
    .execute();
  for (const { id } of due) {
    await withTransaction(db, async ({ tx }) => {
      // Claim it: a concurrent run (or a manager's extension) that got there first leaves nothing to do.
      const claimed = await tx
        .updateTable('client_packages')
        .set({ status: 'expired', closed_at: now, closed_reason: 'expired', updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'active')
        .where('expires_at', '<=', now)
        .returning(['store_id', 'version'])
        .executeTakeFirst();
      if (!claimed) return;
      await tx
        .updateTable('client_packages')
        .set({ version: claimed.version + 1 })
        .where('id', '=', id)
        .execute();
      const items = (await itemStates(tx, [id])).get(id) ?? [];
      const groupId = newId();
      let taken = 0;
      for (const item of items) {
        if (item.balance <= 0) continue;
        await post(tx, [{ accountId: item.account_id, amount: -item.balance }], {
          kind: 'expiry',
          refType: 'client_package',
          refId: id,
          storeId: claimed.store_id,
          now,
          groupId,
        });
        taken += item.balance;
      }
      await writeAudit(
        tx,
        { actorId: null, ip: null, requestId: null, now },
        {
          action: 'client_package.expire',
          entityType: 'client_package',
          entityId: id,
          storeId: claimed.store_id,
          after: { status: 'expired', sessionsExpired: taken },
        },
      );
      report.expired += 1;
      report.sessions += taken;
    });
  }

  const { settings } = await loadPackageSettings(db);
  const days = [...new Set(settings.expiryNotices.days)].sort((a, b) => a - b);
  if (!settings.expiryNotices.enabled || !days.length) return report;
  const horizon = now + days[days.length - 1]! * DAY_MS;
  const soon = await db
    .selectFrom('client_packages as p')
    .innerJoin('stores as s', 's.id', 'p.store_id')
    .select(['p.id', 'p.client_id', 'p.name', 'p.name_translations', 'p.expires_at', 's.name as store_name', 's.slug', 's.time_zone'])
    .where('p.status', '=', 'active')
    .where('p.expires_at', '>', now)
    .where('p.expires_at', '<=', horizon)
    .where((eb) => eb.or([eb('p.frozen_until', 'is', null), eb('p.frozen_until', '<=', now)]))
    .execute();
  const states = await itemStates(
    db,
    soon.map((p) => p.id),
  );
  for (const p of soon) {
    const left = (states.get(p.id) ?? []).reduce((a, i) => a + i.balance, 0);
    if (left <= 0) continue;
    const d = days.find((n) => p.expires_at! - now <= n * DAY_MS)!;
    const link = bookingLink(settings, p.slug);
    const date = lastDay(p.expires_at, p.time_zone) ?? '';
    const sent = await withTransaction(db, ({ tx, afterCommit }) =>
      notifyClient(tx, {
        clientId: p.client_id,
        kind: `expiry_${d}`,
        refId: p.id,
        channels: ['sms', 'email'],
        marketing: false,
        now,
        afterCommit,
        text: (lang, c) => {
          const t = TEXT[lang];
          const vars = {
            name: c.name,
            store: p.store_name,
            package: textIn(p.name, parseJson<Translations>(p.name_translations, {}), lang),
            n: String(left),
            date,
            link: link ?? '',
          };
          return { subject: fill(t.subject, vars), body: fill(t.body + (link ? t.link : t.call), vars) };
        },
      }),
    );
    if (sent) report.notices += 1;
  }
  return report;
}

export function packageJobHandlers(deps: Pick<Deps, 'database' | 'clock'>): Record<string, JobHandler> {
  return {
    [PACKAGE_EXPIRE_JOB_KIND]: async () => {
      await runPackageExpiry(deps.database.db, deps.clock.now());
    },
  };
}
