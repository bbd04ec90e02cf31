import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Select } from '../../../components/Input.js';
import { formatDuration, minuteSteps, withCurrent } from '../duration.js';

/**
 * Minutes in steps of 5, shown as "1 h 15 min". `emptyLabel` adds a first choice for "none / default"
 * (value null).
 */
export function DurationSelect({
  value,
  onChange,
  min,
  max,
  emptyLabel,
  zeroLabel,
  ...rest
}: {
  value: number | null;
  onChange: (value: number | null) => void;
  min: number;
  max: number;
  emptyLabel?: string;
  /** How to show 0 (e.g. "None" for a buffer). */
  zeroLabel?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'min' | 'max'>) {
  const { t } = useTranslation();
  const options = withCurrent(minuteSteps(min, max), value);
  return (
    <Select
      {...rest}
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
    >
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {options.map((m) => (
        <option key={m} value={m}>
          {m === 0 && zeroLabel ? zeroLabel : formatDuration(m, t)}
        </option>
      ))}
    </Select>
  );
}
