import { Input } from '../../../components/Input.js';

/** A whole number (points, months, days, uses); null when blank. A NaN value (blank where a number is required) shows as invalid. */
export function IntInput({
  value,
  onChange,
  className,
  testId,
  id,
  placeholder,
  suffix,
  invalid,
}: {
  value: number | null;
  onChange: (value: number | null) => void;
  className?: string;
  testId?: string;
  id?: string;
  placeholder?: string;
  suffix?: string;
  invalid?: boolean;
}) {
  return (
    <div className={`relative ${className ?? 'w-32'}`}>
      <Input
        id={id}
        value={value === null || Number.isNaN(value) ? '' : String(value)}
        onChange={(e) => {
          const digits = e.target.value.replace(/\D/g, '').slice(0, 10);
          onChange(digits === '' ? null : Number(digits));
        }}
        inputMode="numeric"
        className={`tabular-nums ${suffix ? 'pr-14' : ''}`}
        data-testid={testId}
        placeholder={placeholder}
        invalid={invalid || (value !== null && Number.isNaN(value))}
      />
      {suffix ? (
        <span className="pointer-events-none absolute right-3 top-1/2 -translate-y-1/2 text-sm text-zinc-500">{suffix}</span>
      ) : null}
    </div>
  );
}
