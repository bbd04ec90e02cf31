// Sessions left at a glance: a ring for the whole package, pips (or a bar for long ones) per item.
import { cx } from '../../../components/cx.js';

/** A ring filled by the sessions used, the sessions left written in the middle. */
export function ProgressRing({
  used,
  total,
  size = 72,
  muted = false,
  label,
  testId,
}: {
  used: number;
  total: number;
  size?: number;
  muted?: boolean;
  label: string;
  testId?: string;
}) {
  const stroke = size >= 64 ? 7 : 5;
  const r = (size - stroke) / 2;
  const c = 2 * Math.PI * r;
  const share = total > 0 ? Math.min(1, used / total) : 0;
  const left = Math.max(0, total - used);
  return (
    <div
      className="relative inline-flex shrink-0 items-center justify-center"
      style={{ width: size, height: size }}
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} className="-rotate-90" aria-hidden="true">
        <circle cx={size / 2} cy={size / 2} r={r} fill="none" strokeWidth={stroke} className="stroke-zinc-100" />
        <circle
          cx={size / 2}
          cy={size / 2}
          r={r}
          fill="none"
          strokeWidth={stroke}
          strokeLinecap="round"
          strokeDasharray={c}
          strokeDashoffset={c * (1 - share)}
          className={cx('transition-[stroke-dashoffset] duration-500', muted ? 'stroke-zinc-300' : 'stroke-orchid-600')}
        />
      </svg>
      <span className="absolute inset-0 flex flex-col items-center justify-center leading-none">
        <span className={cx('font-semibold tabular-nums', size >= 64 ? 'text-xl' : 'text-base', muted ? 'text-zinc-400' : 'text-zinc-900')}>
          {left}
        </span>
        {size >= 56 ? <span className="mt-0.5 text-[11px] tabular-nums text-zinc-400">/{total}</span> : null}
      </span>
    </div>
  );
}

/** One pip per session (filled = used) up to 12; a bar beyond that. */
export function SessionPips({ used, total, muted = false, testId }: { used: number; total: number; muted?: boolean; testId?: string }) {
  if (total > 12) {
    const pct = total ? Math.round((used / total) * 100) : 0;
    return (
      <div className="h-2 w-full overflow-hidden rounded-full bg-zinc-100" data-testid={testId}>
        <div className={cx('h-full rounded-full', muted ? 'bg-zinc-300' : 'bg-orchid-500')} style={{ width: `${pct}%` }} />
      </div>
    );
  }
  return (
    <div className="flex flex-wrap gap-1" aria-hidden="true" data-testid={testId}>
      {Array.from({ length: total }, (_, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: pips are positions
          key={i}
          className={cx(
            'size-3 rounded-full ring-1 ring-inset',
            i < used ? (muted ? 'bg-zinc-300 ring-zinc-300' : 'bg-orchid-500 ring-orchid-500') : 'bg-white ring-zinc-300',
          )}
        />
      ))}
    </div>
  );
}
