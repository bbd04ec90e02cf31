// A row of days to choose from (store-local), scrolling sideways on a phone.
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';

export function DateStrip({
  dates,
  value,
  available,
  onChange,
}: {
  dates: string[];
  value: string;
  /** Days known to have free times (undefined while loading: all enabled). */
  available: Set<string> | undefined;
  onChange: (date: string) => void;
}) {
  const { i18n } = useTranslation();
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' });
  return (
    <div className="-mx-4 overflow-x-auto px-4 pb-1" data-testid="date-strip">
      <div className="flex gap-2">
        {dates.map((d) => {
          const at = Date.parse(`${d}T00:00:00Z`);
          const on = d === value;
          const none = available !== undefined && !available.has(d);
          return (
            <button
              key={d}
              type="button"
              onClick={() => onChange(d)}
              aria-pressed={on}
              data-testid="date-option"
              data-date={d}
              className={cx(
                'flex w-16 shrink-0 flex-col items-center rounded-xl py-2 ring-1 ring-inset transition-colors',
                on
                  ? 'bg-orchid-700 text-white ring-orchid-700'
                  : none
                    ? 'bg-white text-zinc-300 ring-zinc-200'
                    : 'bg-white text-zinc-800 ring-zinc-300 hover:ring-orchid-400',
              )}
            >
              <span className={cx('text-xs', on ? 'text-orchid-100' : none ? '' : 'text-zinc-500')}>{weekday.format(at)}</span>
              <span className="text-lg font-semibold leading-tight">{new Date(at).getUTCDate()}</span>
              <span className={cx('text-[11px]', on ? 'text-orchid-100' : none ? '' : 'text-zinc-500')}>{month.format(at)}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
