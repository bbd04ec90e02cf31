// A client's progress: what the technician reads before the visit — next date, packages left, suggestions,
// first vs latest photo, the charts, every record.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../../components/LinkButton.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useCan } from '../../auth/session.js';
import { Recommendations } from '../../packages/profile/Recommendations.js';
import { clientTimelineQuery } from '../api.js';
import { NextVisitCard, PackagesSummary } from './Summary.js';
import { TimelineBody } from './TimelineBody.js';

export function ClientTimeline({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const timeline = useQuery(clientTimelineQuery(clientId));
  if (timeline.isPending) return <Loading label={t('common.loading')} />;
  if (timeline.isError) return <ProblemAlert error={timeline.error} />;
  const tl = timeline.data;
  const write = can('treatments.write') ? (
    <LinkButton to="/clients/$clientId/records/new" params={{ clientId }} variant="primary" icon="plus" data-testid="timeline-new-record">
      {t('treatments.timeline.newRecord')}
    </LinkButton>
  ) : null;
  return (
    <div className="space-y-6" data-testid="client-timeline">
      <div className="grid gap-4 md:grid-cols-2">
        <NextVisitCard next={tl.nextRecommended} />
        <PackagesSummary packages={tl.packages} clientId={clientId} />
      </div>
      {can('packages.sell') || can('clients.read') ? <Recommendations clientId={clientId} /> : null}
      {!can('clients.health') ? <p className="text-sm text-zinc-500">{t('treatments.timeline.noHealth')}</p> : null}
      <TimelineBody timeline={tl} clientId={clientId} emptyAction={write} />
    </div>
  );
}
