// The package templates HQ sells: what each contains, costs and how long it lasts.
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Switch } from '../../../components/Input.js';
import { LinkButton } from '../../../components/LinkButton.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useCan, useMe } from '../../auth/session.js';
import { templatesQuery } from '../api.js';
import { useMoney, useTr, useValidityText } from '../format.js';
import { PackageIcon } from '../icons.js';
import type { PackageTemplate } from '../types.js';
import { useServices } from '../useCatalog.js';

export function TemplatesTab() {
  const can = useCan();
  if (!can('packages.manage')) return <Navigate to="/packages/reports" replace />;
  return <Templates />;
}

function Templates() {
  const { t } = useTranslation();
  const [inactive, setInactive] = useState(false);
  const templates = useQuery(templatesQuery({ includeInactive: true }));
  if (templates.isPending) return <Loading label={t('common.loading')} />;
  if (templates.isError) return <ProblemAlert error={templates.error} />;
  const all = templates.data.data;
  const shown = inactive ? all : all.filter((x) => x.active);
  return (
    <div className="space-y-4" data-testid="templates-tab">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Switch checked={inactive} onChange={setInactive} label={t('packages.templates.showInactive')} data-testid="templates-inactive" />
        <LinkButton to="/packages/templates/new" variant="primary" icon="plus" data-testid="template-new">
          {t('packages.templates.new')}
        </LinkButton>
      </div>
      {shown.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState
            icon="copy"
            title={t('packages.templates.emptyTitle')}
            description={t('packages.templates.emptyBody')}
            testId="templates-empty"
            action={
              <LinkButton to="/packages/templates/new" variant="primary" icon="plus">
                {t('packages.templates.new')}
              </LinkButton>
            }
          />
        </div>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {shown.map((x) => (
            <li key={x.id}>
              <TemplateCard template={x} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function TemplateCard({ template: x }: { template: PackageTemplate }) {
  const { t } = useTranslation();
  const tr = useTr();
  const money = useMoney();
  const validity = useValidityText();
  const me = useMe();
  const services = useServices();
  const perSession = x.sessionsTotal ? Math.round(x.price / x.sessionsTotal) : 0;
  const stores =
    x.storeIds === null ? t('common.allStores') : x.storeIds.map((id) => me.stores.find((s) => s.id === id)?.name ?? '…').join(', ');
  return (
    <Link
      to="/packages/templates/$templateId"
      params={{ templateId: x.id }}
      className="block h-full rounded-xl bg-white p-5 shadow-card ring-1 ring-zinc-200 transition hover:ring-orchid-300 hover:shadow-md"
      data-testid="template-card"
    >
      <div className="flex items-start gap-4">
        <span className="flex size-11 shrink-0 items-center justify-center rounded-xl bg-orchid-50 text-orchid-700 ring-1 ring-orchid-100">
          <PackageIcon name="layers" className="size-6" />
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-base font-semibold text-zinc-900" data-testid="template-name">
              {tr(x.name, x.nameTranslations)}
            </h3>
            {x.active ? null : <Badge>{t('packages.templates.inactive')}</Badge>}
            {x.stepped ? <Badge tone="accent">{t('packages.templates.staged')}</Badge> : null}
          </div>
          <p className="mt-1 text-sm text-zinc-500">
            <span className="font-semibold text-zinc-900" data-testid="template-price">
              {money(x.price)}
            </span>
            {' · '}
            {t('packages.templates.sessions', { count: x.sessionsTotal })}
            {' · '}
            {t('packages.templates.perSession', { amount: money(perSession) })}
          </p>
        </div>
      </div>
      <ul className="mt-4 space-y-1.5 text-sm text-zinc-700">
        {x.items.map((i) => (
          <li key={i.key} className="flex gap-2">
            <span className="w-10 shrink-0 text-right font-medium tabular-nums text-zinc-900">{i.sessions}×</span>
            <span className="min-w-0">
              {i.step !== null ? <span className="mr-1 text-zinc-400">{t('packages.client.step', { step: i.step })} ·</span> : null}
              {tr(i.label, i.labelTranslations)}
              {i.serviceIds.length > 1 ? (
                <span className="text-zinc-500">
                  {' '}
                  (
                  {t('packages.templates.poolOf', {
                    services: i.serviceIds.map((id) => services.byId.get(id)?.displayName ?? '…').join(' / '),
                  })}
                  )
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      <div className="mt-4 flex flex-wrap gap-x-4 gap-y-1 border-t border-zinc-100 pt-3 text-xs text-zinc-500">
        <span>{validity(x.validity)}</span>
        <span>{stores}</span>
        {x.freeze.allowed ? <span>{t('packages.templates.freezeUpTo', { count: x.freeze.maxDays })}</span> : null}
        {x.sharing.shareable ? <span>{t('packages.templates.shareWith', { count: x.sharing.maxMembers })}</span> : null}
      </div>
    </Link>
  );
}
