// The Balances tab of the client profile, loaded on demand (its own chunk). The clients feature renders
// <ClientBalancesTab clientId=… /> where the placeholder was.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Spinner.js';

const BalancesTab = lazy(() => import('./profile/BalancesTab.js').then((m) => ({ default: m.BalancesTab })));

export function ClientBalancesTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t('common.loading')} />}>
      <BalancesTab clientId={clientId} />
    </Suspense>
  );
}
