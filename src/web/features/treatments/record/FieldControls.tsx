// Template fields as controls a technician can tap with one hand in the treatment room: scales as big
// segmented buttons, choices and body areas as chips, numbers with steppers. Tapping a chosen value again
// clears it.
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { Input } from '../../../components/Input.js';
import { useLabel } from '../labels.js';
import type { FieldDef, MetricValue } from '../types.js';

const chip = (on: boolean) =>
  cx(
    'inline-flex min-h-12 items-center justify-center rounded-xl px-4 text-base font-medium ring-1 ring-inset transition-colors select-none',
    on ? 'bg-orchid-700 text-white ring-orchid-700 shadow-sm' : 'bg-white text-zinc-800 ring-zinc-300 hover:bg-zinc-50 active:bg-zinc-100',
  );

export function MetricField({
  field: f,
  value,
  onChange,
  error,
}: {
  field: FieldDef;
  value: MetricValue | undefined;
  onChange: (value: MetricValue | undefined) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const id = `metric-${f.key}`;
  return (
    <div className="space-y-2.5" data-testid={id} data-field-type={f.type}>
      <div className="flex items-baseline justify-between gap-3">
        <span id={`${id}-label`} className="text-[15px] font-semibold text-zinc-900">
          {label(f.label)}
          {f.required ? <span className="ml-1 text-red-600">*</span> : null}
        </span>
        {f.type === 'scale' && f.higherIsBetter !== undefined ? (
          <span className="text-xs text-zinc-500">
            {f.higherIsBetter ? t('treatments.form.higherBetter') : t('treatments.form.lowerBetter')}
          </span>
        ) : null}
      </div>
      <Control field={f} value={value} onChange={onChange} labelledBy={`${id}-label`} invalid={!!error} />
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Control({
  field: f,
  value,
  onChange,
  labelledBy,
  invalid,
}: {
  field: FieldDef;
  value: MetricValue | undefined;
  onChange: (value: MetricValue | undefined) => void;
  labelledBy: string;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  switch (f.type) {
    case 'scale': {
      const steps = Array.from({ length: f.max - f.min + 1 }, (_, i) => f.min + i);
      return (
        <div>
          <div className="grid gap-2" style={{ gridTemplateColumns: `repeat(${Math.min(steps.length, 10)}, minmax(0, 1fr))` }}>
            {steps.map((n) => (
              <button
                key={n}
                type="button"
                aria-pressed={value === n}
                onClick={() => onChange(value === n ? undefined : n)}
                data-testid={`metric-${f.key}-${n}`}
                className={cx(chip(value === n), 'h-14 text-lg tabular-nums')}
              >
                {n}
              </button>
            ))}
          </div>
          <div className="mt-1 flex justify-between text-xs text-zinc-400">
            <span>{t('treatments.form.low')}</span>
            <span>{t('treatments.form.high')}</span>
          </div>
        </div>
      );
    }
    case 'choice':
      return (
        <div className="flex flex-wrap gap-2">
          {f.options.map((o) => (
            <button
              key={o.value}
              type="button"
              aria-pressed={value === o.value}
              onClick={() => onChange(value === o.value ? undefined : o.value)}
              data-testid={`metric-${f.key}-${o.value}`}
              className={chip(value === o.value)}
            >
              {label(o.label)}
            </button>
          ))}
        </div>
      );
    case 'multi': {
      const list = Array.isArray(value) ? value : [];
      return (
        <div className="flex flex-wrap gap-2">
          {f.options.map((o) => {
            const on = list.includes(o.value);
            return (
              <button
                key={o.value}
                type="button"
                aria-pressed={on}
                onClick={() => onChange(on ? list.filter((x) => x !== o.value) : [...list, o.value])}
                data-testid={`metric-${f.key}-${o.value}`}
                className={chip(on)}
              >
                {on ? (
                  <span aria-hidden="true" className="mr-1.5">
                    ✓
                  </span>
                ) : null}
                {label(o.label)}
              </button>
            );
          })}
        </div>
      );
    }
    case 'number': {
      const text = value === undefined ? '' : String(value);
      const step = f.max - f.min > 20 ? 1 : 0.5;
      const bump = (by: number) => {
        const n = Number(text.replace(',', '.'));
        const next = Number.isFinite(n) && text !== '' ? n + by : by > 0 ? f.min : f.max;
        onChange(String(Math.min(f.max, Math.max(f.min, Math.round(next * 100) / 100))));
      };
      return (
        <div className="flex items-center gap-2">
          <button
            type="button"
            className={cx(chip(false), 'size-14 px-0 text-2xl')}
            onClick={() => bump(-step)}
            aria-label={t('treatments.form.less')}
          >
            −
          </button>
          <div className="relative w-32">
            <Input
              inputMode="decimal"
              value={text}
              onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
              aria-labelledby={labelledBy}
              invalid={invalid}
              className="h-14 text-center text-lg tabular-nums"
              data-testid={`metric-${f.key}-input`}
            />
          </div>
          <button
            type="button"
            className={cx(chip(false), 'size-14 px-0 text-2xl')}
            onClick={() => bump(step)}
            aria-label={t('treatments.form.more')}
          >
            +
          </button>
          <span className="text-sm text-zinc-500">
            {f.unit ? `${f.unit} · ` : ''}
            {f.min}–{f.max}
          </span>
        </div>
      );
    }
    case 'boolean':
      return (
        <div className="flex gap-2">
          {[true, false].map((b) => (
            <button
              key={String(b)}
              type="button"
              aria-pressed={value === b}
              onClick={() => onChange(value === b ? undefined : b)}
              className={cx(chip(value === b), 'w-28')}
            >
              {b ? t('treatments.form.yes') : t('treatments.form.no')}
            </button>
          ))}
        </div>
      );
    case 'text':
      return (
        <Input
          value={typeof value === 'string' ? value : ''}
          maxLength={f.maxLength ?? 500}
          onChange={(e) => onChange(e.target.value)}
          aria-labelledby={labelledBy}
          invalid={invalid}
          className="h-12 text-base"
          data-testid={`metric-${f.key}-input`}
        />
      );
  }
}
