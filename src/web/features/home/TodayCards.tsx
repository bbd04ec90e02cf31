// The home page's "today at a glance": the day's visits (from the calendar feed, shared with the checkout
// screen's cache) and the day's takings (the store's Z report so far). Each shows only to those who may read it.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../components/icons.js';
import { LinkButton } from '../../components/LinkButton.js';
import { Card } from '../../components/Page.js';
import type { StoreSummary } from '../../http/types.js';
import { useFormat } from '../../lib/format.js';
import { dateIn } from '../../lib/hours.js';
import { feedQuery } from '../calendar/api.js';
import { displayName } from '../calendar/names.js';
import { useMoney } from '../checkout/lib/money.js';
import { zReportQuery } from '../shifts/api.js';
import { summarizeDay } from './day.js';

function GlanceCard({ icon, title, testId, children }: { icon: IconName; title: string; testId: string; children: ReactNode }) {
  return (
    <Card className="flex flex-col" bodyClassName="flex flex-1 flex-col gap-2 p-5" testId={testId}>
      <div className="flex items-center gap-2 text-sm font-medium text-zinc-500">
        <Icon name={icon} className="size-4" />
        {title}
      </div>
      {children}
    </Card>
  );
}

/** The store's visits today; with `staffId` (a technician's own home page), only that person's. */
export function AppointmentsTodayCard({ store, staffId }: { store: StoreSummary; staffId?: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = dateIn(store.timeZone);
  const feed = useQuery(feedQuery({ storeId: store.id, from: today, to: today, staffId }));
  const day = feed.data ? summarizeDay(feed.data.data) : null;
  return (
    <GlanceCard icon="calendar" title={staffId ? t('home.myAppointments') : t('home.appointments')} testId="home-appointments">
      {!day ? (
        <p className="text-sm text-zinc-400">{feed.isError ? t('home.unavailable') : t('common.loading')}</p>
      ) : day.total === 0 ? (
        <p className="text-base font-semibold text-zinc-900">{t('home.appointmentsNone')}</p>
      ) : (
        <>
          <p className="text-xl font-semibold tabular-nums text-zinc-900" data-testid="home-appointments-count">
            {t('home.appointmentsToday', { count: day.total })}
          </p>
          <p className="text-sm tabular-nums text-zinc-500">
            {t('home.appointmentsBreakdown', { inStore: day.inStore, done: day.done, upcoming: day.upcoming })}
          </p>
          {day.next ? (
            <p className="truncate text-sm text-zinc-700">
              {t('home.nextVisit', {
                time: format.hhmm(day.next.startLocal),
                client: day.next.client ? displayName(day.next.client) : t('calendar.walkIn'),
              })}
            </p>
          ) : null}
        </>
      )}
      <LinkButton to="/calendar" size="sm" variant="ghost" className="-ml-3 mt-auto self-start">
        {t('home.openCalendar')}
      </LinkButton>
    </GlanceCard>
  );
}

export function SalesTodayCard({ store, currency }: { store: StoreSummary; currency: string }) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  const z = useQuery({ ...zReportQuery(store.id, dateIn(store.timeZone)), refetchInterval: 30_000 });
  return (
    <GlanceCard icon="receipt" title={t('home.sales')} testId="home-sales">
      {!z.data ? (
        <p className="text-sm text-zinc-400">{z.isError ? t('home.unavailable') : t('common.loading')}</p>
      ) : z.data.sales.count === 0 ? (
        <p className="text-base font-semibold text-zinc-900">{t('home.salesNone')}</p>
      ) : (
        <>
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-400">{t('home.salesNet')}</p>
          <p className="text-xl font-semibold tabular-nums text-zinc-900" data-testid="home-sales-net">
            {money(z.data.net)}
          </p>
          <p className="text-sm tabular-nums text-zinc-500">
            {t('home.salesBreakdown', { count: z.data.sales.count, tips: money(z.data.tips.total - z.data.tips.refunded) })}
          </p>
        </>
      )}
      <LinkButton to="/checkout/sales" size="sm" variant="ghost" className="-ml-3 mt-auto self-start">
        {t('home.openSales')}
      </LinkButton>
    </GlanceCard>
  );
}
