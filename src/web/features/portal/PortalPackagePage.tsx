// /portal/packages/:id — one of her packages: what is left and the visits it paid for.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { isApiError } from '../../http/problem.js';
import { MetricCharts } from '../treatments/timeline/MetricCharts.js';
import { PhotoCompare } from '../treatments/timeline/PhotoCompare.js';
import { portalPackageQuery } from './api.js';
import { PortalLayout } from './PortalLayout.js';
import { PortalPackage, PortalVisit } from './PortalParts.js';

export function PortalPackagePage() {
  const { t } = useTranslation();
  const { packageId } = useParams({ strict: false }) as { packageId: string };
  const q = useQuery(portalPackageQuery(packageId));
  const back = (
    <Link
      to="/portal"
      className="inline-flex items-center gap-1 text-sm font-medium text-zinc-500 hover:text-zinc-800"
      data-testid="portal-back"
    >
      <Icon name="chevronLeft" className="size-4" />
      {t('portal.back')}
    </Link>
  );
  if (q.isPending)
    return (
      <PortalLayout>
        <Loading label={t('common.loading')} />
      </PortalLayout>
    );
  if (q.isError)
    return (
      <PortalLayout>
        <div className="space-y-4">
          {back}
          {isApiError(q.error) && q.error.status === 401 ? (
            <p className="text-zinc-600">{t('portal.signInAgain')}</p>
          ) : (
            <ProblemAlert error={q.error} />
          )}
        </div>
      </PortalLayout>
    );
  const tl = q.data;
  const pkg = tl.packages[0];
  return (
    <PortalLayout>
      <div className="space-y-6" data-testid="portal-package-page">
        {back}
        {pkg ? <PortalPackage pkg={pkg} link={false} /> : null}
        {tl.photoComparison ? <PhotoCompare pair={tl.photoComparison} records={tl.records} /> : null}
        {tl.metrics?.length ? <MetricCharts series={tl.metrics} /> : null}
        <section className="space-y-3">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-500">{t('portal.visits')}</h2>
          {tl.records.length ? (
            [...tl.records].reverse().map((r) => <PortalVisit key={r.id} record={r} series={tl.metrics ?? []} />)
          ) : (
            <p className="rounded-2xl bg-white p-6 text-center text-sm text-zinc-500 shadow-card ring-1 ring-zinc-200">
              {t('portal.noVisits')}
            </p>
          )}
        </section>
      </div>
    </PortalLayout>
  );
}
