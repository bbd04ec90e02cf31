// When she should come back: one tap for the usual intervals, or any date.
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { Input } from '../../../components/Input.js';
import { useDay } from '../../packages/format.js';
import { dayAfter } from './recordForm.js';

const WEEKS = [1, 2, 3, 4, 6];

export function NextVisit({
  from,
  value,
  onChange,
  error,
}: {
  from: string;
  value: string;
  onChange: (ymd: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const day = useDay();
  return (
    <div className="space-y-3" data-testid="next-visit">
      <div className="flex flex-wrap gap-2">
        {WEEKS.map((w) => {
          const ymd = dayAfter(from, w * 7);
          const on = value === ymd;
          return (
            <button
              key={w}
              type="button"
              aria-pressed={on}
              onClick={() => onChange(on ? '' : ymd)}
              data-testid={`next-visit-${w}w`}
              className={cx(
                'flex min-h-14 flex-col items-center justify-center rounded-xl px-4 ring-1 ring-inset transition-colors',
                on ? 'bg-orchid-700 text-white ring-orchid-700' : 'bg-white text-zinc-800 ring-zinc-300 hover:bg-zinc-50',
              )}
            >
              <span className="text-base font-semibold">{t('treatments.form.inWeeks', { count: w })}</span>
              <span className={cx('text-xs', on ? 'text-orchid-100' : 'text-zinc-500')}>{day(ymd, 'short')}</span>
            </button>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Input
          type="date"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className="h-12 w-48 text-base"
          invalid={!!error}
          data-testid="next-visit-date"
        />
        {value ? (
          <span className="text-sm text-zinc-600">{day(value, 'long')}</span>
        ) : (
          <span className="text-sm text-zinc-400">{t('treatments.form.noNext')}</span>
        )}
      </div>
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
