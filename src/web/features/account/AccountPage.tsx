import { useTranslation } from 'react-i18next';
import { Card, PageHeader } from '../../components/Page.js';
import { useMe } from '../auth/session.js';
import { CalendarFeedSection } from './CalendarFeed.js';

/** The signed-in person's own page: who they are, and their private calendar feed. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div data-testid="account-page" className="max-w-3xl space-y-6">
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Card title={t('account.details')}>
        <dl className="grid gap-3 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-zinc-500">{t('account.name')}</dt>
          <dd className="text-zinc-900">{me.staff.name}</dd>
          <dt className="text-zinc-500">{t('account.email')}</dt>
          <dd className="text-zinc-900">{me.staff.email}</dd>
          <dt className="text-zinc-500">{t('account.role')}</dt>
          <dd className="text-zinc-900">{t(`roles.${me.staff.role}`)}</dd>
        </dl>
      </Card>
      <Card>
        <CalendarFeedSection staffId={me.staff.id} />
      </Card>
    </div>
  );
}
