// The Packages tab of the client profile, loaded on demand (its own chunk). The clients feature renders
// <ClientPackagesTab clientId=… /> where the placeholder was.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Spinner.js';

const PackagesTab = lazy(() => import('./PackagesTab.js').then((m) => ({ default: m.PackagesTab })));

export function ClientPackagesTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t('common.loading')} />}>
      <PackagesTab clientId={clientId} />
    </Suspense>
  );
}
