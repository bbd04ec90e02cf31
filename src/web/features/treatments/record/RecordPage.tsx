// A treatment record (护理记录): a new one (from a redeemed session, an appointment, or the client's
// profile), one still open to its author (24 hours), or a locked one with its addenda.
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { isApiError } from '../../../http/problem.js';
import { useCan } from '../../auth/session.js';
import { clientQuery } from '../../clients/api.js';
import { Guard } from '../../shell/Guard.js';
import { ForbiddenPage, NotFoundPage } from '../../shell/StatusPages.js';
import { recordQuery, treatmentTemplatesQuery } from '../api.js';
import { RecordEditor } from './RecordEditor.js';
import { RecordView } from './RecordView.js';
import type { NewRecordSearch } from './search.js';

export function NewRecordPage() {
  return (
    <Guard allow="treatments.write">
      <Loader />
    </Guard>
  );
}

export function RecordPage() {
  return (
    <Guard allow="treatments.read">
      <Loader />
    </Guard>
  );
}

function Loader() {
  const { t } = useTranslation();
  const can = useCan();
  const { clientId, recordId } = useParams({ strict: false }) as { clientId: string; recordId?: string };
  const search = useSearch({ strict: false }) as NewRecordSearch;
  const client = useQuery(clientQuery(clientId));
  const templates = useQuery(treatmentTemplatesQuery);
  const record = useQuery({ ...recordQuery(recordId ?? ''), enabled: !!recordId });
  if (client.isPending || templates.isPending || (recordId && record.isPending)) return <Loading label={t('common.loading')} />;
  const error = client.error ?? templates.error ?? record.error;
  if (error) return isApiError(error) && error.status === 404 ? <NotFoundPage /> : <ProblemAlert error={error} />;
  const tpls = templates.data?.data ?? [];
  if (!recordId) return <RecordEditor client={client.data!} record={null} search={search} templates={tpls} />;
  const r = record.data!;
  if (r.clientId !== clientId) return <NotFoundPage />;
  if (r.canEdit && can('treatments.write'))
    return <RecordEditor key={r.id} client={client.data!} record={r} search={{}} templates={tpls} />;
  if (!can('treatments.read')) return <ForbiddenPage />;
  return <RecordView client={client.data!} record={r} templates={tpls} />;
}
