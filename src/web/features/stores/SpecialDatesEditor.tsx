import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../components/Button.js';
import { Input, Switch } from '../../components/Input.js';
import type { SpecialDate } from '../../http/types.js';
import { useFormat } from '../../lib/format.js';
import { dateIn, MAX_SHIFTS, nextShift } from '../../lib/hours.js';
import { ShiftList } from './ShiftList.js';

/** Holidays and one-off hours that override the weekly schedule. */
export function SpecialDatesEditor({
  dates,
  timeZone,
  onChange,
  errorAt,
}: {
  dates: SpecialDate[];
  timeZone: string;
  onChange: (dates: SpecialDate[]) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = (index: number, patch: Partial<SpecialDate>) => onChange(dates.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const add = () => {
    let today = '';
    try {
      today = dateIn(timeZone);
    } catch {
      today = new Date().toISOString().slice(0, 10);
    }
    onChange([...dates, { date: today, closed: true, hours: [] }]);
  };
  return (
    <div className="space-y-3" data-testid="special-dates">
      {dates.length === 0 ? <p className="text-sm text-zinc-500">{t('stores.special.empty')}</p> : null}
      {dates.map((special, index) => {
        const dateError = errorAt(`specialDates.${index}.date`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved; the inputs are controlled
          <div key={index} className="rounded-xl bg-zinc-50 p-4 ring-1 ring-inset ring-zinc-200" data-testid={`special-${index}`}>
            <div className="flex flex-wrap items-center gap-3">
              <Input
                type="date"
                value={special.date}
                invalid={!!dateError}
                aria-label={t('stores.special.date')}
                onChange={(e) => update(index, { date: e.target.value })}
                className="w-44"
                data-testid={`special-${index}-date`}
              />
              <Input
                value={special.note ?? ''}
                maxLength={120}
                placeholder={t('stores.special.notePlaceholder')}
                aria-label={t('stores.special.note')}
                onChange={(e) => update(index, { note: e.target.value })}
                className="min-w-40 max-w-64 flex-1"
                data-testid={`special-${index}-note`}
              />
              <Switch
                checked={special.closed}
                onChange={(closed) => update(index, { closed, hours: closed ? [] : [nextShift([])] })}
                label={t('stores.special.closedAllDay')}
                data-testid={`special-${index}-closed`}
              />
              <IconButton
                icon="trash"
                size="sm"
                label={t('stores.special.remove')}
                onClick={() => onChange(dates.filter((_, i) => i !== index))}
                className="ml-auto text-zinc-500"
                data-testid={`special-${index}-remove`}
              />
            </div>
            {dateError ? (
              <p className="mt-1 text-sm text-red-700">{dateError}</p>
            ) : /^\d{4}-\d{2}-\d{2}$/.test(special.date) ? (
              <p className="mt-1.5 text-xs text-zinc-500">{format.calendarDate(special.date)}</p>
            ) : null}
            {!special.closed ? (
              <div className="mt-3 space-y-2">
                <ShiftList
                  shifts={special.hours}
                  testId={`special-${index}-hours`}
                  errorAt={(i) => errorAt(`specialDates.${index}.hours.${i}`)}
                  onChange={(hours) => update(index, { hours })}
                />
                {special.hours.length < MAX_SHIFTS ? (
                  <button
                    type="button"
                    onClick={() => update(index, { hours: [...special.hours, nextShift(special.hours)] })}
                    className="text-sm font-medium text-orchid-700 hover:text-orchid-900"
                  >
                    + {t('stores.hours.addShift')}
                  </button>
                ) : null}
                {errorAt(`specialDates.${index}.hours`) && !special.hours.some((_, i) => errorAt(`specialDates.${index}.hours.${i}`)) ? (
                  <p className="text-sm text-red-700">{errorAt(`specialDates.${index}.hours`)}</p>
                ) : null}
              </div>
            ) : null}
          </div>
        );
      })}
      <Button size="sm" icon="plus" onClick={add} data-testid="special-add">
        {t('stores.special.add')}
      </Button>
    </div>
  );
}
