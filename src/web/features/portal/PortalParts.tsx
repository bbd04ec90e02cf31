// What the client sees of her own course: packages with what is left, her visits (the records shared with
// her: readings, photos, aftercare; never internal notes).
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { daysUntil, STATUS_TONE, useDay, useTr } from '../packages/format.js';
import { ProgressRing, SessionPips } from '../packages/parts/Progress.js';
import type { ClientPackage } from '../packages/types.js';
import { labelIn } from '../treatments/labels.js';
import type { Series, TimelineRecord } from '../treatments/types.js';

export function PortalPackage({ pkg: p, link = true }: { pkg: ClientPackage; link?: boolean }) {
  const { t } = useTranslation();
  const tr = useTr();
  const day = useDay();
  const left = p.validThrough ? daysUntil(p.validThrough) : null;
  const body = (
    <>
      <div className="flex items-center gap-4">
        <ProgressRing
          used={p.sessions.used}
          total={p.sessions.total}
          label={t('packages.client.leftOf', { left: p.sessions.remaining, total: p.sessions.total })}
        />
        <div className="min-w-0 flex-1">
          <h3 className="font-semibold text-zinc-900" data-testid="portal-package-name">
            {tr(p.name, p.nameTranslations)}
          </h3>
          <p className="text-sm text-zinc-600">{t('packages.client.sessionsLeft', { count: p.sessions.remaining })}</p>
          {p.validThrough ? (
            <p className={`text-sm ${left !== null && left <= 30 ? 'font-medium text-amber-700' : 'text-zinc-500'}`}>
              {t('packages.client.validThrough', { date: day(p.validThrough) })}
            </p>
          ) : null}
        </div>
        {p.status !== 'active' ? <Badge tone={STATUS_TONE[p.status]}>{t(`packages.status.${p.status}`)}</Badge> : null}
      </div>
      <ul className="mt-3 space-y-2">
        {p.items.map((i) => (
          <li key={i.id}>
            <div className="mb-1 flex justify-between gap-2 text-sm">
              <span className="truncate text-zinc-700">{tr(i.label, i.labelTranslations)}</span>
              <span className="shrink-0 tabular-nums text-zinc-500">
                {t('packages.client.itemLeft', { left: i.remaining, total: i.sessions })}
              </span>
            </div>
            <SessionPips used={i.used} total={i.sessions} />
          </li>
        ))}
      </ul>
    </>
  );
  const cls = 'block rounded-2xl bg-white p-4 shadow-card ring-1 ring-zinc-200';
  return link ? (
    <Link
      to="/portal/packages/$packageId"
      params={{ packageId: p.id }}
      className={`${cls} transition hover:ring-orchid-300`}
      data-testid="portal-package"
    >
      {body}
    </Link>
  ) : (
    <div className={cls} data-testid="portal-package">
      {body}
    </div>
  );
}

export function PortalVisit({ record: r, series }: { record: TimelineRecord; series: Series[] }) {
  const { t, i18n } = useTranslation();
  const tr = useTr();
  const day = useDay();
  const readings = series.flatMap((s) => {
    const p = s.points.find((x) => x.recordId === r.id);
    return p ? [`${labelIn(s.label, i18n.language)} ${p.value}${s.type === 'scale' ? `/${s.max}` : s.unit ? ` ${s.unit}` : ''}`] : [];
  });
  return (
    <article className="rounded-2xl bg-white p-4 shadow-card ring-1 ring-zinc-200" data-testid="portal-visit">
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="font-semibold text-zinc-900">{tr(r.service.name, r.service.nameTranslations)}</h3>
        <span className="shrink-0 text-sm text-zinc-500">{day(r.date)}</span>
      </div>
      <p className="text-sm text-zinc-500">
        {r.staff.name} · {r.storeName}
        {r.packageSession ? ` · ${t('treatments.timeline.sessionN', { n: r.packageSession.sessionNumber })}` : ''}
      </p>
      {readings.length ? <p className="mt-2 text-sm text-zinc-800">{readings.join(' · ')}</p> : null}
      {r.photos?.length ? (
        <div className="mt-3 flex gap-2 overflow-x-auto">
          {r.photos.map((p) => (
            <a key={p.id} href={p.url} target="_blank" rel="noreferrer" className="shrink-0">
              <img
                src={p.thumbUrl}
                alt={t(`treatments.photos.kind.${p.kind}`)}
                className="h-24 w-32 rounded-lg object-cover ring-1 ring-zinc-200"
                loading="lazy"
              />
            </a>
          ))}
        </div>
      ) : null}
      {r.health?.aftercare ? (
        <div className="mt-3 rounded-xl bg-orchid-50 px-3 py-2 text-sm text-orchid-950 ring-1 ring-orchid-100">
          <p className="font-medium">{t('portal.aftercare')}</p>
          <p className="whitespace-pre-wrap">{r.health.aftercare}</p>
        </div>
      ) : null}
      {r.nextRecommendedOn ? (
        <p className="mt-2 text-sm text-zinc-600">{t('portal.nextAround', { date: day(r.nextRecommendedOn) })}</p>
      ) : null}
    </article>
  );
}
