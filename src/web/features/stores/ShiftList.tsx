import { useTranslation } from 'react-i18next';
import { IconButton } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { Input } from '../../components/Input.js';
import type { Shift } from '../../http/types.js';

/** One day's shifts as time ranges; several shifts make a split day (e.g. lunch break). */
export function ShiftList({
  shifts,
  onChange,
  errorAt,
  testId,
}: {
  shifts: Shift[];
  onChange: (shifts: Shift[]) => void;
  errorAt: (index: number) => string | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<Shift>) => onChange(shifts.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <div className="space-y-2">
      {shifts.map((shift, index) => {
        const error = errorAt(index);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: shifts have no identity; the inputs are controlled
          <div key={index}>
            <div className="flex items-center gap-2">
              <Input
                type="time"
                step={300}
                value={shift.open}
                invalid={!!error}
                aria-label={t('stores.hours.opens')}
                onChange={(e) => update(index, { open: e.target.value })}
                className="w-32 tabular-nums"
                data-testid={`${testId}-${index}-open`}
              />
              <span className="text-zinc-400">–</span>
              <Input
                type="time"
                step={300}
                value={shift.close}
                invalid={!!error}
                aria-label={t('stores.hours.closes')}
                onChange={(e) => update(index, { close: e.target.value })}
                className="w-32 tabular-nums"
                data-testid={`${testId}-${index}-close`}
              />
              <IconButton
                icon="x"
                size="sm"
                label={t('stores.hours.removeShift')}
                onClick={() => onChange(shifts.filter((_, i) => i !== index))}
                className={cx('text-zinc-400')}
                data-testid={`${testId}-${index}-remove`}
              />
            </div>
            {error ? (
              <p className="mt-1 text-sm text-red-700" role="alert">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
