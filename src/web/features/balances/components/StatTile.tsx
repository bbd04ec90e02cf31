import type { ReactNode } from 'react';
import { cx } from '../../../components/cx.js';

/** A labelled figure inside a card. */
export function StatTile({
  label,
  value,
  hint,
  tone = 'neutral',
  testId,
  rawValue,
  className,
}: {
  label: ReactNode;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'neutral' | 'accent' | 'amber';
  testId?: string;
  /** The figure as a number (cents, points), for tests. */
  rawValue?: number;
  className?: string;
}) {
  return (
    <div
      className={cx(
        'rounded-lg px-3.5 py-3 ring-1 ring-inset',
        tone === 'accent'
          ? 'bg-orchid-50/60 ring-orchid-100'
          : tone === 'amber'
            ? 'bg-amber-50/70 ring-amber-100'
            : 'bg-zinc-50 ring-zinc-100',
        className,
      )}
      data-testid={testId}
      data-value={rawValue}
    >
      <p className="text-xs font-medium text-zinc-500">{label}</p>
      <p className="mt-0.5 text-lg font-semibold tabular-nums text-zinc-900">{value}</p>
      {hint ? <p className="mt-0.5 text-xs text-zinc-500">{hint}</p> : null}
    </div>
  );
}
