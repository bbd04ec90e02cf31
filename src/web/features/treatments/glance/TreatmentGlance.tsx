// For the calendar's appointment drawer (features/calendar renders it; this feature only provides it):
//   import { TreatmentGlance } from '../../treatments/glance/TreatmentGlance.js';
//   <TreatmentGlance clientId={a.client.id} serviceId={line.serviceId} storeId={a.storeId} appointmentLineId={line.id} />
// What the technician needs before the visit, compactly: sessions left, the next recommended date, the last
// visit's readings and notes, open suggestions, and links to the full progress page and a new record.
// Loaded on demand (its own chunk), like the profile tabs.
import { lazy, Suspense } from 'react';
import { Spinner } from '../../../components/Spinner.js';

const Glance = lazy(() => import('./Glance.js').then((m) => ({ default: m.Glance })));

export interface TreatmentGlanceProps {
  clientId: string;
  /** The appointment line being prepared: "Write record" starts from it. */
  serviceId?: string | undefined;
  storeId?: string | undefined;
  staffId?: string | undefined;
  appointmentLineId?: string | undefined;
}

export function TreatmentGlance(props: TreatmentGlanceProps) {
  return (
    <Suspense fallback={<Spinner className="size-5 text-orchid-600" />}>
      <Glance {...props} />
    </Suspense>
  );
}
