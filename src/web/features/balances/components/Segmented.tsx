import { useId } from 'react';
import { cx } from '../../../components/cx.js';

/** A small set of choices side by side (radio buttons underneath). */
export function Segmented<T extends string>({
  value,
  onChange,
  options,
  label,
  testId,
  className,
  size = 'md',
}: {
  value: T;
  onChange: (value: T) => void;
  options: readonly { value: T; label: string; testId?: string | undefined }[];
  label: string;
  testId?: string;
  className?: string;
  size?: 'sm' | 'md';
}) {
  const name = useId();
  return (
    <div
      role="radiogroup"
      aria-label={label}
      data-testid={testId}
      className={cx('inline-flex max-w-full gap-1 overflow-x-auto rounded-lg bg-zinc-100 p-1', className)}
    >
      {options.map((o) => {
        const selected = o.value === value;
        return (
          <label key={o.value} data-testid={o.testId} data-selected={selected || undefined} className="relative shrink-0 cursor-pointer">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={selected}
              onChange={() => onChange(o.value)}
              className="peer sr-only"
            />
            <span
              className={cx(
                'block whitespace-nowrap rounded-md font-medium transition-colors peer-focus-visible:outline-2 peer-focus-visible:outline-orchid-500',
                size === 'sm' ? 'px-2.5 py-1 text-xs' : 'px-3 py-1.5 text-sm',
                selected ? 'bg-white text-zinc-900 shadow-sm ring-1 ring-zinc-200' : 'text-zinc-600 hover:text-zinc-900',
              )}
            >
              {o.label}
            </span>
          </label>
        );
      })}
    </div>
  );
}
