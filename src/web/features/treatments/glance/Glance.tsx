import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Button, buttonClass } from '../../../components/Button.js';
import { useCan, useMe } from '../../auth/session.js';
import { daysUntil, useDay, useTr } from '../../packages/format.js';
import { PackageIcon } from '../../packages/icons.js';
import { SessionPips } from '../../packages/parts/Progress.js';
import { RedeemDialog } from '../../packages/profile/RedeemDialog.js';
import type { ClientPackage } from '../../packages/types.js';
import { clientTimelineQuery, treatmentTemplatesQuery } from '../api.js';
import { labelIn } from '../labels.js';
import { metricText } from '../record/metricText.js';
import type { TreatmentGlanceProps } from './TreatmentGlance.js';

export function Glance({ clientId, serviceId, storeId, staffId, appointmentLineId }: TreatmentGlanceProps) {
  const { t, i18n } = useTranslation();
  const tr = useTr();
  const day = useDay();
  const can = useCan();
  const me = useMe();
  const [redeeming, setRedeeming] = useState<ClientPackage | null>(null);
  const timeline = useQuery(clientTimelineQuery(clientId));
  const templates = useQuery(treatmentTemplatesQuery);
  if (!can('treatments.read') || !timeline.data) return null;
  const tl = timeline.data;
  const open = tl.packages.filter((p) => p.status === 'active' || p.status === 'frozen');
  const last = tl.records[tl.records.length - 1];
  const fields = templates.data?.data.find((x) => x.id === last?.templateId)?.fields ?? [];
  const next = tl.nextRecommended;
  const days = next ? daysUntil(next.date) : null;
  const yesNo: [string, string] = [t('treatments.form.yes'), t('treatments.form.no')];
  const health = last?.health && 'notes' in last.health ? last.health : null;
  // A session for this visit's line: the desk for anyone, a technician for her own line.
  const visit =
    appointmentLineId &&
    serviceId &&
    storeId &&
    staffId &&
    (can('packages.redeem') || (can('packages.redeem_own') && staffId === me.staff.id))
      ? { appointmentLineId, serviceId, storeId, staffId }
      : null;
  const usable = (p: ClientPackage) =>
    p.status === 'active' && p.items.some((i) => i.remaining > 0 && !!serviceId && i.serviceIds.includes(serviceId));
  return (
    <section className="space-y-3 rounded-xl bg-zinc-50 p-4 ring-1 ring-zinc-200" data-testid="treatment-glance">
      <div className="flex items-center justify-between gap-2">
        <h3 className="flex items-center gap-1.5 text-sm font-semibold text-zinc-900">
          <PackageIcon name="trend" className="size-4 text-orchid-600" />
          {t('treatments.glance.title')}
        </h3>
        {next ? (
          <Badge tone={next.overdue ? 'danger' : 'info'}>
            {t('treatments.glance.next', { date: day(next.date, 'short') })}
            {next.overdue && days !== null ? ` · ${t('treatments.timeline.overdue', { count: -days })}` : ''}
          </Badge>
        ) : null}
      </div>
      {open.map((p) => (
        <div key={p.id} className="space-y-1" data-testid="glance-package" data-package-id={p.id}>
          <div className="flex items-baseline justify-between gap-2 text-sm">
            <span className="truncate font-medium text-zinc-800">{tr(p.name, p.nameTranslations)}</span>
            <span className="shrink-0 tabular-nums text-zinc-600" data-testid="glance-package-left">
              {t('packages.client.leftOf', { left: p.sessions.remaining, total: p.sessions.total })}
            </span>
          </div>
          <SessionPips used={p.sessions.used} total={p.sessions.total} />
          {visit && usable(p) ? (
            <Button size="sm" onClick={() => setRedeeming(p)} data-testid="glance-redeem">
              {t('packages.redeem.title')}
            </Button>
          ) : null}
        </div>
      ))}
      {redeeming && visit ? <RedeemDialog pkg={redeeming} clientId={clientId} visit={visit} onClose={() => setRedeeming(null)} /> : null}
      {last ? (
        <div className="space-y-1 text-sm">
          <p className="text-zinc-500">
            {t('treatments.glance.last', {
              date: day(last.date),
              service: tr(last.service.name, last.service.nameTranslations),
              staff: last.staff.name,
            })}
          </p>
          {last.health && Object.keys(last.health.metrics).length ? (
            <p className="text-zinc-800">
              {fields
                .filter((f) => last.health!.metrics[f.key] !== undefined)
                .slice(0, 5)
                .map((f) => `${labelIn(f.label, i18n.language)} ${metricText(f, last.health!.metrics[f.key]!, i18n.language, yesNo)}`)
                .join(' · ')}
            </p>
          ) : null}
          {health?.reaction ? (
            <p className="text-zinc-800">
              {t('treatments.form.reaction')}: {health.reaction}
            </p>
          ) : null}
          {health?.notes ? (
            <p className="text-zinc-800">
              {t('treatments.form.notes')}: {health.notes}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-zinc-500">{t('treatments.glance.none')}</p>
      )}
      {tl.recommendations?.length ? (
        <p
          className="flex items-center gap-1.5 text-sm font-medium text-orchid-800"
          title={tr(tl.recommendations[0]!.ruleName, tl.recommendations[0]!.ruleNameTranslations)}
        >
          <PackageIcon name="sparkles" className="size-4" />
          {t('treatments.glance.suggest', {
            name: tr(tl.recommendations[0]!.templateName, tl.recommendations[0]!.templateNameTranslations),
          })}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2 pt-1">
        <Link
          to="/clients/$clientId/timeline"
          params={{ clientId }}
          className={buttonClass('secondary', 'sm')}
          data-testid="glance-open-timeline"
        >
          {t('treatments.timeline.openPage')}
        </Link>
        {can('treatments.write') ? (
          <Link
            to="/clients/$clientId/records/new"
            params={{ clientId }}
            search={{
              ...(serviceId ? { serviceId } : {}),
              ...(storeId ? { storeId } : {}),
              ...(staffId ? { staffId } : {}),
              ...(appointmentLineId ? { appointmentLineId } : {}),
            }}
            className={buttonClass('primary', 'sm')}
            data-testid="glance-write-record"
          >
            {t('treatments.timeline.newRecord')}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
