// The roster by week: staff down the side, days across, each cell the hours that apply that day (split
// shifts, time off, extra shifts, blocked time). Tap a name for the usual week, a cell for that date.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar.js';
import { Button, IconButton } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Icon } from '../../components/icons.js';
import { PageHeader } from '../../components/Page.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import type { StoreSummary } from '../../http/types.js';
import { useCan } from '../auth/session.js';
import { hhmmFormatter } from '../calendar/grid/CalendarGrid.js';
import { addDays, dateIn, mondayOf } from '../calendar/time.js';
import { useCurrentStore } from '../shell/CurrentStore.js';
import { rosterWeekQuery } from './api.js';
import { DayDrawer } from './DayDrawer.js';
import type { RosterDay, RosterStaff } from './types.js';
import { WeeklyHoursDrawer } from './WeeklyHoursDrawer.js';

/** Roles that take clients come first; the others are listed after them. */
const SERVICE_ROLES = new Set(['technician', 'owner', 'manager']);

export function RosterPage() {
  const { t } = useTranslation();
  const { store } = useCurrentStore();
  if (!store) return <EmptyState icon="store" title={t('calendar.noStore')} className="py-24" />;
  return <StoreRoster key={store.id} store={store} />;
}

function StoreRoster({ store }: { store: StoreSummary }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const today = dateIn(store.timeZone);
  const [monday, setMonday] = useState(mondayOf(today));
  const [weekly, setWeekly] = useState<string | null>(null);
  const [cell, setCell] = useState<{ staffId: string; date: string } | null>(null);
  const week = useQuery(rosterWeekQuery(store.id, monday));
  const clock = hhmmFormatter(i18n.language);
  const short = (v: string) => (i18n.language.startsWith('en') ? clock(v).replace(':00', '') : clock(v));
  const range = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' }).formatRange(
    Date.parse(`${monday}T00:00:00Z`),
    Date.parse(`${addDays(monday, 6)}T00:00:00Z`),
  );
  const staff = [...(week.data?.staff ?? [])].sort(
    (a, b) => Number(SERVICE_ROLES.has(b.role)) - Number(SERVICE_ROLES.has(a.role)) || a.rotationOrder - b.rotationOrder,
  );
  const days = week.data?.store.days ?? [];
  const person = (id: string | null) => staff.find((s) => s.staffId === id);
  const open = cell ? person(cell.staffId) : undefined;
  const openDay = open?.days.find((d) => d.date === cell?.date);
  const writable = can('rosters.write');

  return (
    <div data-testid="roster-page">
      <PageHeader
        title={t('rosters.title')}
        description={t('rosters.description', { store: store.name })}
        actions={
          <div className="flex items-center gap-1">
            <Button size="sm" onClick={() => setMonday(mondayOf(today))} disabled={monday === mondayOf(today)}>
              {t('rosters.thisWeek')}
            </Button>
            <IconButton
              size="sm"
              icon="chevronLeft"
              label={t('calendar.previous')}
              onClick={() => setMonday(addDays(monday, -7))}
              data-testid="roster-prev"
            />
            <IconButton
              size="sm"
              icon="chevronRight"
              label={t('calendar.next')}
              onClick={() => setMonday(addDays(monday, 7))}
              data-testid="roster-next"
            />
            <span className="ml-2 text-base font-semibold text-zinc-900" data-testid="roster-range">
              {range}
            </span>
          </div>
        }
      />
      {week.error ? <ProblemAlert error={week.error} /> : null}
      {!week.data && !week.error ? <Loading label={t('common.loading')} /> : null}
      {week.data ? (
        <div className="overflow-x-auto rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <table className="w-full min-w-[56rem] border-collapse text-sm" data-testid="roster-grid">
            <thead>
              <tr className="border-b border-zinc-200 bg-zinc-50/80">
                <th className="sticky left-0 z-10 w-52 bg-zinc-50 px-4 py-2.5 text-left text-xs font-medium uppercase tracking-wide text-zinc-500">
                  {t('rosters.staff')}
                </th>
                {days.map((d) => (
                  <th
                    key={d.date}
                    className={cx('px-2 py-2 text-left font-medium', d.date === today ? 'text-orchid-800' : 'text-zinc-700')}
                  >
                    <span className="block">
                      {new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', timeZone: 'UTC' }).format(
                        Date.parse(`${d.date}T00:00:00Z`),
                      )}
                    </span>
                    <span className={cx('block text-xs font-normal', d.closed ? 'text-red-700' : 'text-zinc-500')}>
                      {d.closed ? t('rosters.storeClosed') : d.hours.map((h) => `${short(h.open)}–${short(h.close)}`).join(', ')}
                      {d.special ? ` · ${t('rosters.special')}` : ''}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {staff.map((s) => (
                <tr key={s.staffId} data-testid="roster-row" data-staff={s.displayName}>
                  <th scope="row" className="sticky left-0 z-10 bg-white px-4 py-2 text-left font-normal">
                    <button
                      type="button"
                      onClick={() => setWeekly(s.staffId)}
                      disabled={!writable}
                      className="group flex w-full items-center gap-2.5 rounded-lg text-left disabled:cursor-default"
                      data-testid="roster-edit-weekly"
                    >
                      <Avatar name={s.displayName || s.name} seed={s.staffId} className="size-8 text-xs" />
                      <span className="min-w-0 flex-1">
                        <span className="block truncate font-medium text-zinc-900 group-enabled:group-hover:text-orchid-700">
                          {s.displayName || s.name}
                        </span>
                        <span className="block text-xs text-zinc-500">
                          {t(`roles.${s.role}`)} · {t('rosters.hoursShort', { hours: weekHours(s) })}
                        </span>
                      </span>
                      {writable ? <Icon name="pencil" className="size-4 text-zinc-300 group-hover:text-orchid-600" /> : null}
                    </button>
                  </th>
                  {s.days.map((d) => (
                    <td key={d.date} className={cx('p-1 align-top', d.date === today && 'bg-orchid-50/40')}>
                      <DayCell day={d} short={short} onOpen={() => setCell({ staffId: s.staffId, date: d.date })} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {weekly && person(weekly) ? (
        <WeeklyHoursDrawer storeId={store.id} person={person(weekly) as RosterStaff} onClose={() => setWeekly(null)} />
      ) : null}
      {open && openDay ? (
        <DayDrawer storeId={store.id} timeZone={store.timeZone} person={open} day={openDay} onClose={() => setCell(null)} />
      ) : null}
    </div>
  );
}

function DayCell({ day, short, onOpen }: { day: RosterDay; short: (v: string) => string; onOpen: () => void }) {
  const { t } = useTranslation();
  const timeOff = day.exceptions.some((e) => e.kind === 'time_off');
  const changed = day.exceptions.filter((e) => e.kind !== 'time_off');
  return (
    <button
      type="button"
      onClick={onOpen}
      data-testid="roster-cell"
      data-date={day.date}
      className="flex min-h-14 w-full flex-col items-stretch gap-1 rounded-lg p-1.5 text-left transition-colors hover:bg-zinc-50 hover:ring-1 hover:ring-zinc-200"
    >
      {day.hours.map((h) => (
        <span
          key={h.open}
          className="rounded-md bg-orchid-50 px-1.5 py-0.5 text-xs font-medium tabular-nums text-orchid-800 ring-1 ring-inset ring-orchid-100"
        >
          {short(h.open)}–{short(h.close)}
        </span>
      ))}
      {day.hours.length === 0 ? (
        <span className={cx('px-1 text-xs', timeOff ? 'font-medium text-amber-700' : 'text-zinc-400')}>
          {timeOff ? t('rosters.kinds.time_off') : t('rosters.off')}
        </span>
      ) : null}
      {timeOff && day.hours.length > 0 ? (
        <span className="px-1 text-[11px] font-medium text-amber-700">{t('rosters.partTimeOff')}</span>
      ) : null}
      {changed.length ? (
        <span className="px-1 text-[11px] text-sky-700">{changed.map((e) => t(`rosters.kinds.${e.kind}`)).join(', ')}</span>
      ) : null}
      {day.blocked.map((b) => (
        <span key={b.id} className="rounded-md bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-600">
          {t(`calendar.blockReasons.${b.reason}`)} {short(b.start.slice(11, 16))}
        </span>
      ))}
    </button>
  );
}

function weekHours(s: RosterStaff): number {
  const min = s.days.reduce((sum, d) => sum + d.hours.reduce((m, h) => m + (Date.parse(h.end) - Date.parse(h.start)) / 60_000, 0), 0);
  return Math.round((min / 60) * 10) / 10;
}
