// A client's packages: sessions left per item, validity, status, and what staff may do with them (redeem a
// session, extend, freeze, family members, refund), each by permission. Suggested next packages on top.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useCan } from '../../auth/session.js';
import { clientPackagesQuery } from '../api.js';
import type { ClientPackage } from '../types.js';
import { OpenPackageDialog } from './OpenPackageDialog.js';
import { PackageActions } from './PackageActions.js';
import { PackageCard } from './PackageCard.js';
import { Recommendations } from './Recommendations.js';

const isOpen = (p: ClientPackage) => p.status === 'active' || p.status === 'frozen';

export function PackagesTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const packages = useQuery(clientPackagesQuery(clientId));
  const [showClosed, setShowClosed] = useState(false);
  const [opening, setOpening] = useState(false);

  if (packages.isPending) return <Loading label={t('common.loading')} />;
  if (packages.isError) return <ProblemAlert error={packages.error} />;
  const all = packages.data.data;
  const open = all.filter(isOpen);
  const closed = all.filter((p) => !isOpen(p));
  const shown = showClosed ? all : open;

  return (
    <div className="space-y-5" data-testid="client-packages">
      <Recommendations clientId={clientId} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="inline-flex rounded-lg bg-zinc-100 p-0.5 text-sm">
          {[false, true].map((closedToo) => (
            <button
              key={String(closedToo)}
              type="button"
              aria-pressed={showClosed === closedToo}
              onClick={() => setShowClosed(closedToo)}
              data-testid={closedToo ? 'packages-filter-all' : 'packages-filter-open'}
              className={cx(
                'rounded-md px-3 py-1.5 font-medium transition-colors',
                showClosed === closedToo ? 'bg-white text-zinc-900 shadow-sm' : 'text-zinc-500 hover:text-zinc-800',
              )}
            >
              {closedToo ? t('packages.client.all', { count: all.length }) : t('packages.client.open', { count: open.length })}
            </button>
          ))}
        </div>
        {can('packages.adjust') ? (
          <Button icon="plus" onClick={() => setOpening(true)} data-testid="package-open">
            {t('packages.client.openPackage')}
          </Button>
        ) : null}
      </div>

      {shown.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState
            icon="copy"
            title={all.length ? t('packages.client.noneOpenTitle') : t('packages.client.emptyTitle')}
            description={all.length ? t('packages.client.noneOpenBody', { count: closed.length }) : t('packages.client.emptyBody')}
            testId="packages-empty"
            className="py-14"
          />
        </div>
      ) : (
        <ul className="space-y-4">
          {shown.map((p) => (
            <li key={p.id}>
              <PackageCard pkg={p} viewerId={clientId}>
                <PackageActions pkg={p} clientId={clientId} />
              </PackageCard>
            </li>
          ))}
        </ul>
      )}
      {opening ? <OpenPackageDialog clientId={clientId} onClose={() => setOpening(false)} /> : null}
    </div>
  );
}
