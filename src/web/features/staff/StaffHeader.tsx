import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader, Tabs } from '../../components/Page.js';

export function StaffHeader({ actions }: { actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <PageHeader title={t('staff.title')} description={t('staff.description')} actions={actions}>
      <Tabs
        label={t('staff.title')}
        items={[
          { to: '/staff', label: t('staff.tabs.team'), testId: 'staff-tab-team' },
          { to: '/staff/roles', label: t('staff.tabs.roles'), testId: 'staff-tab-roles' },
        ]}
      />
    </PageHeader>
  );
}
