import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { cx } from '../../components/cx.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Icon, type IconName } from '../../components/icons.js';
import { LinkButton } from '../../components/LinkButton.js';
import { Card } from '../../components/Page.js';
import { useFormat } from '../../lib/format.js';
import { useCan, useMe } from '../auth/session.js';
import { useThisTerminal } from '../auth/terminal.js';
import { useCurrentStore } from '../shell/CurrentStore.js';
import { staffQuery } from '../staff/api.js';
import { storeQuery } from '../stores/api.js';
import { TeamCard } from './TeamCard.js';
import { AppointmentsTodayCard, SalesTodayCard } from './TodayCards.js';
import { todayHours } from './todayHours.js';
import { WeekCard } from './WeekCard.js';

function greetingKey(timeZone: string): 'morning' | 'afternoon' | 'evening' {
  const hour = Number(new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(new Date()));
  return hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const { store } = useCurrentStore();
  const format = useFormat();
  const zone = store?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const name = me.staff.displayName || me.staff.name;

  return (
    <div className="space-y-8" data-testid="home-page">
      <div>
        <p className="text-sm font-medium text-orchid-700">{format.longToday(zone)}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-zinc-900 sm:text-3xl">
          {t(`home.greeting.${greetingKey(zone)}`, { name })}
        </h1>
        <p className="mt-1 text-sm text-zinc-500">{store ? t('home.subtitle', { store: store.name }) : t('home.noStore')}</p>
      </div>

      <section>
        <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-zinc-500">{t('home.atAGlance')}</h2>
        <div className="grid gap-4 md:grid-cols-3">
          <HoursCard storeId={store?.id} />
          {store && can('appointments.read') ? (
            <AppointmentsTodayCard store={store} staffId={me.staff.role === 'technician' ? me.staff.id : undefined} />
          ) : null}
          {store && (can('reports.read') || can('shifts.manage')) ? <SalesTodayCard store={store} currency={me.business.currency} /> : null}
        </div>
      </section>

      <Checklist storeId={store?.id} />

      {store ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <WeekCard storeId={store.id} />
          {me.permissions.includes('staff.read') ? <TeamCard storeId={store.id} /> : null}
        </div>
      ) : null}
    </div>
  );
}

function HoursCard({ storeId }: { storeId: string | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const store = useQuery({ ...storeQuery(storeId ?? ''), enabled: !!storeId });
  const today = store.data ? todayHours(store.data) : null;
  return (
    <Card className="flex flex-col" bodyClassName="flex flex-1 flex-col gap-3 p-5" testId="home-hours">
      <div className="flex items-center gap-2 text-sm font-medium text-zinc-500">
        <Icon name="clock" className="size-4" />
        {t('home.hoursToday')}
      </div>
      {!today ? (
        <p className="text-sm text-zinc-400">{store.isError ? t('home.hoursUnavailable') : t('common.loading')}</p>
      ) : today.kind === 'unset' ? (
        <>
          <p className="text-base font-semibold text-zinc-900">{t('home.hoursUnset')}</p>
          {me.permissions.includes('stores.write') && storeId ? (
            <LinkButton to="/stores/$storeId" params={{ storeId }} size="sm" className="self-start">
              {t('home.setHours')}
            </LinkButton>
          ) : null}
        </>
      ) : today.kind === 'closed' ? (
        <p className="text-xl font-semibold text-zinc-900">{t('home.closedToday')}</p>
      ) : (
        <div className="space-y-1">
          {today.shifts.map((s) => (
            <p key={`${s.open}-${s.close}`} className="text-xl font-semibold tabular-nums text-zinc-900">
              {format.hhmm(s.open)} – {format.hhmm(s.close)}
            </p>
          ))}
        </div>
      )}
      {today && today.kind !== 'unset' && today.special ? (
        <Badge tone="warning" className="self-start">
          {t('home.specialHours')}
        </Badge>
      ) : null}
    </Card>
  );
}

interface ChecklistItem {
  key: 'team' | 'hours' | 'pins' | 'terminal';
  done: boolean;
  to: '/staff' | '/stores/$storeId' | '/settings/terminal';
  params?: { storeId: string };
  icon: IconName;
}

function Checklist({ storeId }: { storeId: string | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const canStaff = me.permissions.includes('staff.read');
  const staff = useQuery({ ...staffQuery({ storeId }), enabled: canStaff });
  const store = useQuery({ ...storeQuery(storeId ?? ''), enabled: !!storeId });
  const people = staff.data?.data ?? [];
  const thisTerminal = useThisTerminal(me);
  const items: ChecklistItem[] = [];
  if (canStaff) items.push({ key: 'team', done: people.length > 1, to: '/staff', icon: 'users' });
  if (me.permissions.includes('stores.write') && storeId) {
    const hoursSet = !!store.data && todayHours(store.data).kind !== 'unset';
    items.push({ key: 'hours', done: hoursSet, to: '/stores/$storeId', params: { storeId }, icon: 'clock' });
  }
  if (canStaff) items.push({ key: 'pins', done: people.some((p) => p.hasPin), to: '/staff', icon: 'lock' });
  if (me.permissions.includes('terminals.manage')) {
    items.push({ key: 'terminal', done: thisTerminal.registered, to: '/settings/terminal', icon: 'monitor' });
  }

  if (items.length === 0) {
    return (
      <Card>
        <EmptyState icon="checkCircle" title={t('home.allSetTitle')} description={t('home.allSetBody')} />
      </Card>
    );
  }
  const done = items.filter((i) => i.done).length;
  // Once everything is done the list has served its purpose.
  if (done === items.length) return null;
  return (
    <Card
      title={t('home.checklist.title')}
      description={t('home.checklist.progress', { done, total: items.length })}
      bodyClassName="p-0"
      testId="home-checklist"
    >
      <ul className="divide-y divide-zinc-100">
        {items.map((item) => (
          <li key={item.key} className="flex items-center gap-4 px-5 py-4">
            <span
              className={cx(
                'flex size-9 shrink-0 items-center justify-center rounded-full',
                item.done ? 'bg-emerald-50 text-emerald-600' : 'bg-orchid-50 text-orchid-600',
              )}
            >
              <Icon name={item.done ? 'check' : item.icon} className="size-5" />
            </span>
            <div className="min-w-0 flex-1">
              <p className={cx('text-sm font-medium', item.done ? 'text-zinc-400 line-through' : 'text-zinc-900')}>
                {t(`home.checklist.${item.key}.title`)}
              </p>
              <p className="text-sm text-zinc-500">{t(`home.checklist.${item.key}.body`)}</p>
            </div>
            {!item.done ? (
              <LinkButton to={item.to} params={item.params} size="sm" className="shrink-0">
                {t(`home.checklist.${item.key}.action`)}
              </LinkButton>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
