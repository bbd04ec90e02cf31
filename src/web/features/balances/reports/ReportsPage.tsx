// Reports: the first pages are the balance reports (what the business owes its clients). Other reports
// add their cards here.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons.js';
import { PageHeader } from '../../../components/Page.js';
import { useCan } from '../../auth/session.js';
import { ForbiddenPage } from '../../shell/StatusPages.js';
import { BalanceIcon, type BalanceIconName } from '../icons.js';

const REPORTS = [
  { to: '/reports/stored-value', key: 'storedValue', icon: 'wallet' },
  { to: '/reports/gift-cards', key: 'giftCards', icon: 'gift' },
  { to: '/reports/points', key: 'points', icon: 'star' },
  { to: '/reports/coupons', key: 'coupons', icon: 'ticket' },
] as const satisfies readonly { to: string; key: string; icon: BalanceIconName }[];

export function ReportsPage() {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('ledgers.read')) return <ForbiddenPage />;
  return (
    <div data-testid="reports-page">
      <PageHeader title={t('balances.reports.title')} description={t('balances.reports.body')} />
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-zinc-500">{t('balances.reports.balancesSection')}</h2>
      <ul className="grid gap-4 sm:grid-cols-2">
        {REPORTS.map((r) => (
          <li key={r.key}>
            <Link
              to={r.to}
              data-testid={`report-link-${r.key}`}
              className="group flex h-full items-start gap-4 rounded-xl bg-white p-5 shadow-card ring-1 ring-zinc-200 transition hover:ring-orchid-300"
            >
              <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-orchid-50 text-orchid-700">
                <BalanceIcon name={r.icon} className="size-5" />
              </span>
              <span className="min-w-0 flex-1">
                <span className="block font-semibold text-zinc-900">{t(`balances.reports.${r.key}.title`)}</span>
                <span className="mt-0.5 block text-sm text-zinc-500">{t(`balances.reports.${r.key}.body`)}</span>
              </span>
              <Icon name="chevronRight" className="mt-1 size-4 text-zinc-400 group-hover:text-orchid-700" />
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
