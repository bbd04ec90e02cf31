// HQ loyalty settings: top-up bonus rules, stored value, points, tiers, coupons, gift cards and balance
// reminders — the rules every store follows.
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader, Tabs } from '../../components/Page.js';
import { Guard } from '../shell/Guard.js';

export function LoyaltyPage() {
  return (
    <Guard allow="ledgers.rules">
      <Layout />
    </Guard>
  );
}

function Layout() {
  const { t } = useTranslation();
  return (
    <div data-testid="loyalty-page">
      <PageHeader title={t('loyalty.title')} description={t('loyalty.description')}>
        <div className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0 [&_a]:whitespace-nowrap">
          <Tabs
            label={t('loyalty.title')}
            items={[
              { to: '/settings/loyalty', label: t('loyalty.tabs.bonuses'), testId: 'loyalty-tab-bonuses' },
              { to: '/settings/loyalty/stored-value', label: t('loyalty.tabs.storedValue'), testId: 'loyalty-tab-stored-value' },
              { to: '/settings/loyalty/points', label: t('loyalty.tabs.points'), testId: 'loyalty-tab-points' },
              { to: '/settings/loyalty/tiers', label: t('loyalty.tabs.tiers'), testId: 'loyalty-tab-tiers' },
              { to: '/settings/loyalty/coupons', label: t('loyalty.tabs.coupons'), testId: 'loyalty-tab-coupons' },
              { to: '/settings/loyalty/gift-cards', label: t('loyalty.tabs.giftCards'), testId: 'loyalty-tab-gift-cards' },
              { to: '/settings/loyalty/reminders', label: t('loyalty.tabs.reminders'), testId: 'loyalty-tab-reminders' },
            ]}
          />
        </div>
      </PageHeader>
      <Outlet />
    </div>
  );
}
