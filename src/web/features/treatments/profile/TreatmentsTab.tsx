import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons.js';
import { LinkButton } from '../../../components/LinkButton.js';
import { useCan } from '../../auth/session.js';
import { ClientTimeline } from '../timeline/ClientTimeline.js';

/** Records and progress on the client's profile, with the way to the full-page timeline and a new record. */
export function TreatmentsTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('treatments.read')) return <p className="py-10 text-center text-sm text-zinc-500">{t('treatments.timeline.noAccess')}</p>;
  return (
    <div className="space-y-5" data-testid="client-treatments">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <LinkButton to="/clients/$clientId/timeline" params={{ clientId }} data-testid="treatments-open-timeline">
          <Icon name="panel" className="size-4" />
          {t('treatments.timeline.openPage')}
        </LinkButton>
        {can('treatments.write') ? (
          <LinkButton
            to="/clients/$clientId/records/new"
            params={{ clientId }}
            variant="primary"
            icon="plus"
            data-testid="treatments-new-record"
          >
            {t('treatments.timeline.newRecord')}
          </LinkButton>
        ) : null}
      </div>
      <ClientTimeline clientId={clientId} />
    </div>
  );
}
