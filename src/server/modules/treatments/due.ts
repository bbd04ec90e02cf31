// Who is due back: a record's next recommended date is near or past, no later record of that service
// followed, and nothing is booked. The due list is the front desk's call sheet (per store, per technician);
// the daily `treatments.next_session` job sends the client a reminder with a booking link (once per record,
// her language, an opt-out honoured), mentioning the sessions left on her package when she has one.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import type { Language } from '../../platform/i18n.js';
import type { JobHandler } from '../../platform/jobs/index.js';
import { addDays } from '../../platform/zoned-time.js';
import { clientRowName } from '../clients/index.js';
import { bookingLink, fill, loadPackageSettings, notifyClient, parseJson, type Translations, textIn } from '../packages/index.js';
import { fastLocalDate as localDate } from './local-time.js';

export const NEXT_SESSION_JOB_KIND = 'treatments.next_session';
/** Daily at 17:00 UTC (noon in New York, 9–10 am in Vancouver). */
export const NEXT_SESSION_CRON = '0 17 * * *';

const ACTIVE_BOOKING = ['booked', 'confirmed', 'checked_in', 'in_service'];

type DueRow = {
  id: string;
  client_id: string;
  store_id: string;
  service_id: string;
  staff_id: string;
  started_at: number;
  next_recommended_on: string;
  booked: number;
};

/** Latest records per client and service whose next date is on or before `cutoff`. */
function dueRecords(
  db: Executor,
  p: { storeId?: string; staffId?: string; from?: string; cutoff: string; now: number; includeBooked: boolean },
) {
  return sql<DueRow>`
    select r.id, r.client_id, r.store_id, r.service_id, r.staff_id, r.started_at, r.next_recommended_on,
      case when exists (select 1 from appointments a where a.client_id = r.client_id and a.start_at >= ${p.now}
        and a.status in (${sql.join(ACTIVE_BOOKING)})) then 1 else 0 end as booked
    from treatment_records r
    join clients c on c.id = r.client_id
    where r.next_recommended_on is not null and r.next_recommended_on <= ${p.cutoff}
      ${p.from ? sql`and r.next_recommended_on >= ${p.from}` : sql``}
      ${p.storeId ? sql`and r.store_id = ${p.storeId}` : sql``}
      ${p.staffId ? sql`and r.staff_id = ${p.staffId}` : sql``}
      and c.archived = 0 and c.merged_into_id is null
      and not exists (select 1 from treatment_records l where l.client_id = r.client_id and l.service_id = r.service_id
        and (l.started_at > r.started_at or (l.started_at = r.started_at and l.id > r.id)))
      ${p.includeBooked ? sql`` : sql`and not exists (select 1 from appointments a where a.client_id = r.client_id and a.start_at >= ${p.now} and a.status in (${sql.join(ACTIVE_BOOKING)}))`}
    order by r.next_recommended_on, r.id
    limit 500`.execute(db);
}

export async function dueList(
  db: Executor,
  p: { storeId: string; staffId?: string | undefined; within: number; includeBooked: boolean; now: number },
) {
  const store = await db.selectFrom('stores').select('time_zone').where('id', '=', p.storeId).executeTakeFirstOrThrow();
  const today = localDate(p.now, store.time_zone);
  const rows = (
    await dueRecords(db, {
      storeId: p.storeId,
      ...(p.staffId ? { staffId: p.staffId } : {}),
      cutoff: addDays(today, p.within),
      now: p.now,
      includeBooked: p.includeBooked,
    })
  ).rows;
  if (!rows.length) return { today, data: [] };
  const [clients, services, staff] = await Promise.all([
    db
      .selectFrom('clients')
      .select(['id', 'first_name', 'last_name', 'preferred_name', 'phone'])
      .where('id', 'in', [...new Set(rows.map((r) => r.client_id))])
      .execute(),
    db
      .selectFrom('services')
      .select(['id', 'name', 'name_translations'])
      .where('id', 'in', [...new Set(rows.map((r) => r.service_id))])
      .execute(),
    db
      .selectFrom('staff')
      .select(['id', 'display_name'])
      .where('id', 'in', [...new Set(rows.map((r) => r.staff_id))])
      .execute(),
  ]);
  const c = new Map(clients.map((x) => [x.id, x]));
  const s = new Map(services.map((x) => [x.id, x]));
  const t = new Map(staff.map((x) => [x.id, x.display_name]));
  const days = (a: string, b: string) => Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
  return {
    today,
    data: rows.map((r) => {
      const client = c.get(r.client_id);
      const service = s.get(r.service_id);
      return {
        recordId: r.id,
        client: {
          id: r.client_id,
          name: client ? clientRowName(client) : '',
          phone: client?.phone ?? null,
        },
        service: {
          id: r.service_id,
          name: service?.name ?? '',
          nameTranslations: parseJson<Translations>(service?.name_translations ?? null, {}),
        },
        staff: { id: r.staff_id, name: t.get(r.staff_id) ?? '' },
        lastVisitOn: localDate(Number(r.started_at), store.time_zone),
        recommendedOn: r.next_recommended_on,
        /** Days past the recommended date (negative: due in that many days). */
        daysOverdue: days(today, r.next_recommended_on),
        booked: Number(r.booked) === 1,
      };
    }),
  };
}

const TEXT: Record<Language, { subject: string; body: string; left: string; link: string; call: string }> = {
  en: {
    subject: '{store}: time for your next {service}',
    body: 'Hi {name}, your next {service} at {store} is recommended around {date}.',
    left: ' You have {n} session(s) left on your {package}.',
    link: ' Book here: {link}',
    call: ' Call us to book.',
  },
  'zh-CN': {
    subject: '{store}：该预约下一次{service}了',
    body: '{name}您好，建议您在 {date} 前后到{store}进行下一次{service}。',
    left: '您的「{package}」还剩 {n} 次。',
    link: '在线预约：{link}',
    call: '欢迎致电预约。',
  },
  'zh-TW': {
    subject: '{store}：該預約下一次{service}了',
    body: '{name}您好，建議您在 {date} 前後到{store}進行下一次{service}。',
    left: '您的「{package}」還剩 {n} 次。',
    link: '線上預約：{link}',
    call: '歡迎來電預約。',
  },
};

/** Sends the reminders due now (recommended within the business's lead days, nothing booked). Safe to re-run. */
export async function runNextSessionReminders(db: Kysely<DB>, now: number): Promise<{ sent: number }> {
  const { settings } = await loadPackageSettings(db);
  if (!settings.nextSession.enabled) return { sent: 0 };
  const stores = await db.selectFrom('stores').select(['id', 'name', 'slug', 'time_zone']).where('archived', '=', 0).execute();
  let sent = 0;
  for (const store of stores) {
    const today = localDate(now, store.time_zone);
    // Not the long-overdue: a reminder is about the visit coming up (a week of grace for a late first run).
    const rows = (
      await dueRecords(db, {
        storeId: store.id,
        from: addDays(today, -7),
        cutoff: addDays(today, settings.nextSession.leadDays),
        now,
        includeBooked: false,
      })
    ).rows;
    for (const r of rows) {
      const service = await db
        .selectFrom('services')
        .select(['name', 'name_translations'])
        .where('id', '=', r.service_id)
        .executeTakeFirst();
      const pkg = await db
        .selectFrom('client_packages as p')
        .innerJoin('client_package_items as i', 'i.package_id', 'p.id')
        .innerJoin('ledger_accounts as a', 'a.id', 'i.account_id')
        .select(['p.name', 'p.name_translations', (eb) => eb.fn.sum<number>('a.balance').as('left')])
        .where('p.client_id', '=', r.client_id)
        .where('p.status', '=', 'active')
        .where('i.service_ids', 'like', `%${r.service_id}%`)
        .groupBy(['p.id', 'p.name', 'p.name_translations'])
        .executeTakeFirst();
      const link = bookingLink(settings, store.slug);
      const ok = await withTransaction(db, ({ tx, afterCommit }) =>
        notifyClient(tx, {
          clientId: r.client_id,
          kind: 'next_session',
          refId: r.id,
          channels: settings.nextSession.channels,
          marketing: false,
          now,
          afterCommit,
          text: (lang, c) => {
            const t = TEXT[lang];
            const vars = {
              name: c.name,
              store: store.name,
              service: textIn(service?.name ?? '', parseJson<Translations>(service?.name_translations ?? null, {}), lang),
              date: r.next_recommended_on,
              package: pkg ? textIn(pkg.name, parseJson<Translations>(pkg.name_translations, {}), lang) : '',
              n: String(Number(pkg?.left ?? 0)),
              link: link ?? '',
            };
            const body = t.body + (pkg && Number(pkg.left) > 0 ? t.left : '') + (link ? t.link : t.call);
            return { subject: fill(t.subject, vars), body: fill(body, vars) };
          },
        }),
      );
      if (ok) sent += 1;
    }
  }
  return { sent };
}

export function treatmentJobHandlers(deps: Pick<Deps, 'database' | 'clock'>): Record<string, JobHandler> {
  return {
    [NEXT_SESSION_JOB_KIND]: async () => {
      await runNextSessionReminders(deps.database.db, deps.clock.now());
    },
  };
}
