// One visit on the timeline: when, what, who, the package session it used, the key readings, photos, and
// what the technician noted — enough to prepare the next visit without opening it.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Icon } from '../../../components/icons.js';
import { useDay, useTr } from '../../packages/format.js';
import { PackageIcon } from '../../packages/icons.js';
import { metricText } from '../record/metricText.js';
import type { FieldDef, TimelineRecord } from '../types.js';

export function RecordCard({ record: r, clientId, fields }: { record: TimelineRecord; clientId: string; fields: FieldDef[] }) {
  const { t, i18n } = useTranslation();
  const tr = useTr();
  const day = useDay();
  const [y, m, d] = r.date.split('-').map(Number);
  const month = new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d));
  const metrics = r.health?.metrics ?? {};
  const yesNo: [string, string] = [t('treatments.form.yes'), t('treatments.form.no')];
  const health = r.health && 'notes' in r.health ? r.health : null;
  return (
    <article className="flex gap-4" data-testid="timeline-record" data-record-id={r.id}>
      <div className="flex w-14 shrink-0 flex-col items-center">
        <div className="w-14 rounded-xl bg-white py-1.5 text-center shadow-card ring-1 ring-zinc-200">
          <p className="text-[11px] font-medium uppercase text-orchid-700">{month}</p>
          <p className="text-xl font-semibold leading-tight tabular-nums text-zinc-900">{d}</p>
          <p className="text-[10px] text-zinc-400">{y}</p>
        </div>
        <div className="mt-2 w-px flex-1 bg-zinc-200" />
      </div>
      <Link
        to="/clients/$clientId/records/$recordId"
        params={{ clientId, recordId: r.id }}
        className="mb-4 min-w-0 flex-1 rounded-xl bg-white p-4 shadow-card ring-1 ring-zinc-200 transition hover:ring-orchid-300"
      >
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h3 className="font-semibold text-zinc-900">{tr(r.service.name, r.service.nameTranslations)}</h3>
            <p className="text-sm text-zinc-500">
              {r.staff.name} · {r.storeName}
            </p>
          </div>
          <div className="flex flex-wrap gap-1.5">
            {r.packageSession ? (
              <Badge tone="accent">
                <PackageIcon name="layers" className="size-3.5" />
                {t('treatments.timeline.sessionN', { n: r.packageSession.sessionNumber })}
              </Badge>
            ) : null}
            {r.locked ? (
              <Badge>
                <Icon name="lock" className="size-3" />
                {t('treatments.form.locked')}
              </Badge>
            ) : null}
            {r.addenda ? <Badge tone="info">{t('treatments.timeline.addenda', { count: r.addenda })}</Badge> : null}
          </div>
        </div>
        {Object.keys(metrics).length ? (
          <dl className="mt-3 flex flex-wrap gap-1.5">
            {fields
              .filter((f) => metrics[f.key] !== undefined)
              .map((f) => (
                <div key={f.key} className="rounded-lg bg-zinc-50 px-2.5 py-1 text-sm ring-1 ring-zinc-200">
                  <dt className="inline text-zinc-500">{f.label[i18n.language as 'en'] || f.label.en}: </dt>
                  <dd className="inline font-medium text-zinc-900">{metricText(f, metrics[f.key]!, i18n.language, yesNo)}</dd>
                </div>
              ))}
          </dl>
        ) : null}
        {r.photos?.length ? (
          <div className="mt-3 flex gap-2 overflow-x-auto">
            {r.photos.slice(0, 4).map((p) => (
              <img
                key={p.id}
                src={p.thumbUrl}
                alt={t(`treatments.photos.kind.${p.kind}`)}
                className="h-20 w-28 shrink-0 rounded-lg object-cover ring-1 ring-zinc-200"
                loading="lazy"
              />
            ))}
          </div>
        ) : null}
        <div className="mt-3 space-y-1 text-sm text-zinc-700">
          {r.technique ? (
            <p>
              <span className="text-zinc-500">{t('treatments.form.technique')}: </span>
              {r.technique}
            </p>
          ) : null}
          {health?.reaction ? (
            <p>
              <span className="text-zinc-500">{t('treatments.form.reaction')}: </span>
              {health.reaction}
            </p>
          ) : null}
          {health?.notes ? (
            <p>
              <span className="text-zinc-500">{t('treatments.form.notes')}: </span>
              {health.notes}
            </p>
          ) : null}
          {r.health?.aftercare ? (
            <p>
              <span className="text-zinc-500">{t('treatments.form.aftercare')}: </span>
              {r.health.aftercare}
            </p>
          ) : null}
          {r.nextRecommendedOn ? (
            <p className="text-orchid-800">
              <span className="text-zinc-500">{t('treatments.form.next')}: </span>
              {day(r.nextRecommendedOn)}
            </p>
          ) : null}
        </div>
      </Link>
    </article>
  );
}
