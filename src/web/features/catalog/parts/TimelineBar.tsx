import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { formatDuration } from '../duration.js';
import { handsOnMinutes, type SegmentKind, type Timing, timelineSegments, totalMinutes } from '../timeline.js';

const STRIPES = 'repeating-linear-gradient(135deg, rgb(0 0 0 / 0.07) 0 6px, transparent 6px 12px)';

const segmentClass: Record<SegmentKind, string> = {
  before: 'bg-zinc-200 text-zinc-600',
  service: 'text-white',
  processing: 'bg-amber-100 text-amber-900 ring-1 ring-inset ring-amber-300',
  after: 'bg-zinc-200 text-zinc-600',
};

/** prep buffer | service | processing gap | clean-up buffer, to scale, with a legend. */
export function TimelineBar({ timing, color }: { timing: Timing; color: string | null }) {
  const { t } = useTranslation();
  const segments = timelineSegments(timing);
  const total = totalMinutes(timing);
  const label = (kind: SegmentKind) => t(`catalog.timeline.${kind}`);
  return (
    <figure className="space-y-2" data-testid="service-timeline">
      <div
        className="flex h-9 w-full overflow-hidden rounded-lg bg-zinc-100"
        role="img"
        aria-label={segments.map((s) => `${label(s.kind)} ${formatDuration(s.lengthMin, t)}`).join(', ')}
      >
        {segments.map((s, i) => (
          <div
            key={`${s.kind}-${s.startMin}`}
            data-testid={`timeline-${s.kind}`}
            title={`${label(s.kind)} · ${formatDuration(s.lengthMin, t)}`}
            className={cx(
              'flex min-w-0 items-center justify-center overflow-hidden whitespace-nowrap px-1 text-xs font-medium tabular-nums',
              segmentClass[s.kind],
              i > 0 && 'border-l-2 border-white',
            )}
            style={{
              width: `${s.percent}%`,
              ...(s.kind === 'service' ? { backgroundColor: color ?? 'var(--color-orchid-600)' } : {}),
              ...(s.kind === 'before' || s.kind === 'after' || s.kind === 'processing' ? { backgroundImage: STRIPES } : {}),
            }}
          >
            {s.percent >= 11 ? formatDuration(s.lengthMin, t) : null}
          </div>
        ))}
      </div>
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-500">
        {(['before', 'service', 'processing', 'after'] as const)
          .filter((k) => segments.some((s) => s.kind === k))
          .map((k) => (
            <span key={k} className="inline-flex items-center gap-1.5">
              <span
                className={cx('inline-block size-2.5 rounded-sm', segmentClass[k])}
                style={k === 'service' ? { backgroundColor: color ?? 'var(--color-orchid-600)' } : { backgroundImage: STRIPES }}
              />
              {label(k)}
            </span>
          ))}
        <span className="ml-auto font-medium text-zinc-700" data-testid="timeline-total">
          {t('catalog.timeline.total', { total: formatDuration(total, t), handsOn: formatDuration(handsOnMinutes(timing), t) })}
        </span>
      </figcaption>
    </figure>
  );
}
