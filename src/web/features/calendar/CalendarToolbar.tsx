import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { Icon } from '../../components/icons.js';
import { Menu, MenuItem, MenuSeparator } from '../../components/Menu.js';
import type { ColorBy } from './colors.js';
import type { CalendarMode } from './events.js';
import { useWide } from './prefs.js';
import { addDays, mondayOf } from './time.js';

export interface ViewPrefs {
  colorBy: ColorBy;
  showCancelled: boolean;
  allStaff: boolean;
}

function Segmented<T extends string>({
  value,
  options,
  onChange,
  label,
  testId,
}: {
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  label: string;
  testId: string;
}) {
  return (
    <fieldset aria-label={label} className="inline-flex rounded-lg bg-zinc-100 p-0.5" data-testid={testId}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={value === o.value}
          data-testid={`${testId}-${o.value}`}
          onClick={() => onChange(o.value)}
          className={cx(
            'h-8 rounded-md px-2.5 text-sm font-medium transition-colors',
            value === o.value ? 'bg-white text-zinc-900 shadow-sm' : 'text-zinc-600 hover:text-zinc-900',
          )}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}

export function CalendarToolbar({
  date,
  today,
  view,
  mode,
  staffOptions,
  staffId,
  prefs,
  waitlistCount,
  canBook,
  onDate,
  onView,
  onMode,
  onStaff,
  onPrefs,
  onWaitlist,
  onNew,
}: {
  date: string;
  today: string;
  view: 'day' | 'week';
  mode: CalendarMode;
  staffOptions: { id: string; name: string }[];
  staffId: string | undefined;
  prefs: ViewPrefs;
  waitlistCount: number;
  canBook: boolean;
  onDate: (date: string) => void;
  onView: (view: 'day' | 'week') => void;
  onMode: (mode: CalendarMode) => void;
  onStaff: (id: string) => void;
  onPrefs: (prefs: ViewPrefs) => void;
  onWaitlist: () => void;
  onNew: () => void;
}) {
  const { t, i18n } = useTranslation();
  const step = view === 'week' ? 7 : 1;
  const compact = !useWide(1440);
  const title =
    view === 'week'
      ? new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' }).formatRange(
          Date.parse(`${mondayOf(date)}T00:00:00Z`),
          Date.parse(`${addDays(mondayOf(date), 6)}T00:00:00Z`),
        )
      : new Intl.DateTimeFormat(i18n.language, {
          weekday: compact ? 'short' : 'long',
          month: compact ? 'short' : 'long',
          day: 'numeric',
          timeZone: 'UTC',
        }).format(Date.parse(`${date}T00:00:00Z`));
  return (
    <div className="mb-3 flex flex-wrap items-center gap-x-2 gap-y-2" data-testid="calendar-toolbar">
      <div className="flex items-center gap-1">
        <Button
          size="sm"
          onClick={() => onDate(today)}
          disabled={date === today && view === 'day'}
          className={date === today && view === 'day' ? 'max-sm:hidden' : undefined}
          data-testid="calendar-today"
        >
          {t('calendar.today')}
        </Button>
        <IconButton
          size="sm"
          icon="chevronLeft"
          label={t('calendar.previous')}
          onClick={() => onDate(addDays(date, -step))}
          data-testid="calendar-prev"
        />
        <IconButton
          size="sm"
          icon="chevronRight"
          label={t('calendar.next')}
          onClick={() => onDate(addDays(date, step))}
          data-testid="calendar-next"
        />
        <label className="relative ml-1 flex cursor-pointer items-center gap-1.5 rounded-lg px-2 py-1 hover:bg-zinc-100">
          <h1 className="whitespace-nowrap text-lg font-semibold tracking-tight text-zinc-900" data-testid="calendar-title">
            {title}
          </h1>
          <Icon name="chevronDown" className="size-4 text-zinc-400" />
          <input
            type="date"
            value={date}
            aria-label={t('calendar.pickDate')}
            data-testid="calendar-date"
            onChange={(e) => e.target.value && onDate(e.target.value)}
            className="absolute inset-0 cursor-pointer opacity-0"
          />
        </label>
      </div>

      <div className="flex flex-wrap items-center gap-2 max-sm:order-2">
        <Segmented
          value={view}
          onChange={onView}
          label={t('calendar.viewLabel')}
          testId="calendar-view"
          options={[
            { value: 'day', label: t('calendar.day') },
            { value: 'week', label: t('calendar.week') },
          ]}
        />
        {view === 'day' ? (
          <Segmented
            value={mode}
            onChange={onMode}
            label={t('calendar.columnsLabel')}
            testId="calendar-mode"
            options={[
              { value: 'staff', label: t('calendar.byStaff') },
              { value: 'rooms', label: t('calendar.byRoom') },
            ]}
          />
        ) : (
          <label className="relative">
            <span className="sr-only">{t('calendar.staffMember')}</span>
            <select
              value={staffId ?? ''}
              onChange={(e) => onStaff(e.target.value)}
              data-testid="calendar-week-staff"
              className="h-9 appearance-none rounded-lg bg-white pl-3 pr-8 text-sm font-medium text-zinc-800 shadow-sm ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-orchid-600"
            >
              {staffOptions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            <Icon name="chevronDown" className="pointer-events-none absolute right-2.5 top-1/2 size-4 -translate-y-1/2 text-zinc-500" />
          </label>
        )}
      </div>

      <div className="ml-auto flex items-center gap-2 max-sm:order-1">
        <Menu
          label={t('calendar.viewOptions')}
          testId="calendar-options"
          trigger={() => (
            <span className="flex h-9 items-center gap-1.5 px-2.5 text-sm font-medium text-zinc-700">
              <Icon name="sliders" className="size-4" />
              <span className="max-xl:sr-only">{t('calendar.viewOptions')}</span>
            </span>
          )}
        >
          {(close) => (
            <>
              <p className="px-3 pb-1 pt-2 text-xs font-medium text-zinc-500">{t('calendar.colourBy')}</p>
              <MenuItem
                selected={prefs.colorBy === 'status'}
                onSelect={() => {
                  onPrefs({ ...prefs, colorBy: 'status' });
                  close();
                }}
                testId="calendar-colour-status"
              >
                {t('calendar.colourStatus')}
              </MenuItem>
              <MenuItem
                selected={prefs.colorBy === 'category'}
                onSelect={() => {
                  onPrefs({ ...prefs, colorBy: 'category' });
                  close();
                }}
                testId="calendar-colour-category"
              >
                {t('calendar.colourCategory')}
              </MenuItem>
              <MenuSeparator />
              <MenuItem
                selected={prefs.showCancelled}
                onSelect={() => {
                  onPrefs({ ...prefs, showCancelled: !prefs.showCancelled });
                  close();
                }}
              >
                {t('calendar.showCancelled')}
              </MenuItem>
              <MenuItem
                selected={prefs.allStaff}
                onSelect={() => {
                  onPrefs({ ...prefs, allStaff: !prefs.allStaff });
                  close();
                }}
              >
                {t('calendar.showAllStaff')}
              </MenuItem>
            </>
          )}
        </Menu>
        <Button size="sm" icon="clock" onClick={onWaitlist} data-testid="calendar-waitlist" className="relative h-9">
          <span className="max-xl:sr-only">{t('calendar.waitlist')}</span>
          {waitlistCount > 0 ? (
            <span className="absolute -right-1.5 -top-1.5 flex size-5 items-center justify-center rounded-full bg-orchid-700 text-[11px] font-semibold text-white">
              {waitlistCount}
            </span>
          ) : null}
        </Button>
        {canBook ? (
          <Button size="sm" variant="primary" icon="plus" onClick={onNew} data-testid="calendar-new" className="h-9">
            <span className="max-sm:sr-only xl:hidden">{t('calendar.new')}</span>
            <span className="max-xl:hidden">{t('calendar.newAppointment')}</span>
          </Button>
        ) : null}
      </div>
    </div>
  );
}
