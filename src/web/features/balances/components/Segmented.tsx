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
  options: readonly { value: T; label: string; testId?: string }[];
  label: string;
  testId?: string;
  className?: string;
  size?: 'sm' | 'md';
}) {
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
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={selected}
            data-testid={o.testId}
            onClick={() => onChange(o.value)}
            className={cx(
              'shrink-0 whitespace-nowrap rounded-md font-medium transition-colors focus-visible:outline-2 focus-visible:outline-orchid-500',
              size === 'sm' ? 'px-2.5 py-1 text-xs' : 'px-3 py-1.5 text-sm',
              selected ? 'bg-white text-zinc-900 shadow-sm ring-1 ring-zinc-200' : 'text-zinc-600 hover:text-zinc-900',
            )}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
