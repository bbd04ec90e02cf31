// The Visits tab of the client profile, loaded on demand (its own chunk).
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Spinner.js';

const VisitsTab = lazy(() => import('./VisitsTab.js').then((m) => ({ default: m.VisitsTab })));

export function ClientVisitsTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t('common.loading')} />}>
      <VisitsTab clientId={clientId} />
    </Suspense>
  );
}
