// A chart per template metric (hydration, sensitivity, tension…), with the change from the first visit to
// the latest read as better or worse. ECharts is loaded only when a chart is on screen.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { Spinner } from '../../../components/Spinner.js';
import { useDay } from '../../packages/format.js';
import { PackageIcon } from '../../packages/icons.js';
import { useLabel } from '../labels.js';
import type { Series } from '../types.js';

const LineChart = lazy(() => import('./LineChart.js'));

export function MetricCharts({ series }: { series: Series[] }) {
  const { t } = useTranslation();
  const charted = series.filter((s) => s.points.length > 0);
  if (!charted.length) return null;
  return (
    <section className="space-y-3" data-testid="metric-charts">
      <h2 className="flex items-center gap-2 text-base font-semibold text-zinc-900">
        <PackageIcon name="trend" className="size-5 text-orchid-600" />
        {t('treatments.timeline.charts')}
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        {charted.map((s) => (
          <MetricChart key={`${s.templateId}:${s.key}`} series={s} />
        ))}
      </div>
    </section>
  );
}

function MetricChart({ series: s }: { series: Series }) {
  const { t } = useTranslation();
  const label = useLabel();
  const day = useDay();
  const first = s.points[0]!.value;
  const last = s.points[s.points.length - 1]!.value;
  const delta = Math.round((last - first) * 100) / 100;
  const better = s.higherIsBetter === null || delta === 0 ? null : delta > 0 === s.higherIsBetter;
  const name = label(s.label);
  return (
    <article className="rounded-xl bg-white p-4 shadow-card ring-1 ring-zinc-200" data-testid="metric-chart" data-metric={s.key}>
      <header className="mb-2 flex items-start justify-between gap-3">
        <div>
          <h3 className="text-sm font-semibold text-zinc-900">{name}</h3>
          <p className="text-xs text-zinc-500">{t('treatments.timeline.visits', { count: s.points.length })}</p>
        </div>
        <div className="text-right">
          <p className="text-lg font-semibold tabular-nums text-zinc-900" data-testid="metric-latest">
            {first !== last && s.points.length > 1 ? <span className="mr-1 text-sm font-normal text-zinc-400">{first} →</span> : null}
            {last}
            {s.unit ? <span className="ml-0.5 text-xs font-normal text-zinc-500">{s.unit}</span> : null}
          </p>
          {better !== null ? (
            <p className={cx('text-xs font-medium', better ? 'text-emerald-700' : 'text-amber-700')} data-testid="metric-trend">
              {better ? t('treatments.timeline.better') : t('treatments.timeline.worse')}
            </p>
          ) : null}
        </div>
      </header>
      {s.points.length < 2 ? (
        <p className="flex h-16 items-center justify-center rounded-lg bg-zinc-50 text-sm text-zinc-500" data-testid="metric-one-reading">
          {t('treatments.timeline.oneReading', { date: day(s.points[0]!.date) })}
        </p>
      ) : (
        <Suspense
          fallback={
            <div className="flex h-[180px] items-center justify-center">
              <Spinner className="size-5 text-orchid-600" />
            </div>
          }
        >
          <LineChart
            labels={s.points.map((p) => day(p.date, 'short'))}
            values={s.points.map((p) => p.value)}
            min={s.min}
            max={s.max}
            whole={s.type === 'scale'}
            unit={s.unit}
            name={name}
          />
        </Suspense>
      )}
    </article>
  );
}
