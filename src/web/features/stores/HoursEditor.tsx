import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Switch } from '../../components/Input.js';
import { WEEKDAYS, type WeeklyHours } from '../../http/types.js';
import { MAX_SHIFTS, nextShift } from '../../lib/hours.js';
import { ShiftList } from './ShiftList.js';

/** The weekly opening hours, with split shifts per day. */
export function HoursEditor({
  hours,
  onChange,
  errorAt,
}: {
  hours: WeeklyHours;
  onChange: (hours: WeeklyHours) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const copyMonday = () => {
    const next = { ...hours };
    for (const day of WEEKDAYS) next[day] = hours.mon.map((s) => ({ ...s }));
    onChange(next);
  };
  return (
    <div className="space-y-1" data-testid="hours-editor">
      <div className="mb-3 flex justify-end">
        <Button size="sm" variant="ghost" icon="copy" onClick={copyMonday} data-testid="hours-copy-monday">
          {t('stores.hours.copyMonday')}
        </Button>
      </div>
      <ul className="divide-y divide-zinc-100">
        {WEEKDAYS.map((day) => {
          const shifts = hours[day];
          const open = shifts.length > 0;
          return (
            <li key={day} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-start" data-testid={`hours-${day}`}>
              <div className="flex w-full items-center justify-between gap-3 sm:w-52 sm:pt-2">
                <span className="w-20 text-sm font-medium text-zinc-900">{t(`weekdays.${day}`)}</span>
                <Switch
                  checked={open}
                  onChange={(on) => onChange({ ...hours, [day]: on ? [nextShift([])] : [] })}
                  label={open ? t('stores.hours.open') : t('stores.hours.closed')}
                  data-testid={`hours-${day}-toggle`}
                  className="w-28"
                />
              </div>
              <div className="flex flex-1 flex-col gap-2">
                {open ? (
                  <>
                    <ShiftList
                      shifts={shifts}
                      testId={`hours-${day}`}
                      errorAt={(i) => errorAt(`hours.${day}.${i}`)}
                      onChange={(list) => onChange({ ...hours, [day]: list })}
                    />
                    {shifts.length < MAX_SHIFTS ? (
                      <button
                        type="button"
                        onClick={() => onChange({ ...hours, [day]: [...shifts, nextShift(shifts)] })}
                        className="self-start text-sm font-medium text-orchid-700 hover:text-orchid-900"
                        data-testid={`hours-${day}-add`}
                      >
                        + {t('stores.hours.addShift')}
                      </button>
                    ) : null}
                  </>
                ) : (
                  <p className="text-sm text-zinc-400 sm:pt-2.5">{t('stores.hours.closedAllDay')}</p>
                )}
                {errorAt(`hours.${day}`) && !shifts.some((_, i) => errorAt(`hours.${day}.${i}`)) ? (
                  <p className="text-sm text-red-700">{errorAt(`hours.${day}`)}</p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
