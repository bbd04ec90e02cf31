// Packages (HQ): templates, recommendation rules, reports and settings, as route-driven tabs.
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader, type TabItem, Tabs } from '../../../components/Page.js';
import { useCan } from '../../auth/session.js';
import { Guard } from '../../shell/Guard.js';

export const canSeePackagesAdmin = (permissions: readonly string[]) =>
  permissions.includes('packages.manage') || permissions.includes('reports.read');

export function PackagesAdminPage() {
  return (
    <Guard allow={(me) => canSeePackagesAdmin(me.permissions)}>
      <Layout />
    </Guard>
  );
}

function Layout() {
  const { t } = useTranslation();
  const can = useCan();
  const tabs: TabItem[] = [];
  if (can('packages.manage')) {
    tabs.push({ to: '/packages', label: t('packages.tabs.templates'), testId: 'packages-tab-templates' });
    tabs.push({ to: '/packages/rules', label: t('packages.tabs.rules'), testId: 'packages-tab-rules' });
  }
  if (can('reports.read')) tabs.push({ to: '/packages/reports', label: t('packages.tabs.reports'), testId: 'packages-tab-reports' });
  if (can('packages.manage')) tabs.push({ to: '/packages/settings', label: t('packages.tabs.settings'), testId: 'packages-tab-settings' });
  return (
    <div data-testid="packages-admin">
      <PageHeader title={t('packages.title')} description={t('packages.description')}>
        <div className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0 [&_a]:whitespace-nowrap">
          <Tabs label={t('packages.title')} items={tabs} />
        </div>
      </PageHeader>
      <Outlet />
    </div>
  );
}
