// The Treatments tab of the client profile, loaded on demand (its own chunk). The clients feature renders
// <ClientTreatmentsTab clientId=… /> for the "treatments" tab.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Spinner.js';

const TreatmentsTab = lazy(() => import('./TreatmentsTab.js').then((m) => ({ default: m.TreatmentsTab })));

export function ClientTreatmentsTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t('common.loading')} />}>
      <TreatmentsTab clientId={clientId} />
    </Suspense>
  );
}
