// /clients/:id/timeline — the progress page (the appointment drawer links here before a visit).
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { Icon } from '../../../components/icons.js';
import { LinkButton } from '../../../components/LinkButton.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { isApiError } from '../../../http/problem.js';
import { useCan } from '../../auth/session.js';
import { clientQuery } from '../../clients/api.js';
import { avatarName, fullName } from '../../clients/format.js';
import { Guard } from '../../shell/Guard.js';
import { NotFoundPage } from '../../shell/StatusPages.js';
import { ClientTimeline } from './ClientTimeline.js';

export function ClientTimelinePage() {
  return (
    <Guard allow="treatments.read">
      <Page />
    </Guard>
  );
}

function Page() {
  const { t } = useTranslation();
  const can = useCan();
  const { clientId } = useParams({ strict: false }) as { clientId: string };
  const client = useQuery(clientQuery(clientId));
  if (client.isPending) return <Loading label={t('common.loading')} />;
  if (client.isError)
    return isApiError(client.error) && client.error.status === 404 ? <NotFoundPage /> : <ProblemAlert error={client.error} />;
  const c = client.data;
  return (
    <div className="space-y-6" data-testid="timeline-page">
      <Link
        to="/clients/$clientId"
        params={{ clientId }}
        className="inline-flex items-center gap-1 text-sm font-medium text-zinc-500 hover:text-zinc-800"
      >
        <Icon name="chevronLeft" className="size-4" />
        {t('treatments.timeline.backToClient')}
      </Link>
      <div className="flex flex-wrap items-center gap-4">
        <Avatar name={avatarName(c)} seed={c.id} className="size-14 text-lg" />
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-orchid-700">{t('treatments.timeline.title')}</p>
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900" data-testid="timeline-client-name">
            {fullName(c)}
          </h1>
        </div>
        {can('treatments.write') ? (
          <LinkButton
            to="/clients/$clientId/records/new"
            params={{ clientId }}
            variant="primary"
            size="lg"
            icon="plus"
            data-testid="timeline-new-record"
          >
            {t('treatments.timeline.newRecord')}
          </LinkButton>
        ) : null}
      </div>
      {c.allergyReminder ? (
        <div className="flex items-start gap-2 rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200">
          <Icon name="alert" className="mt-0.5 size-4 text-red-600" />
          <span>{c.allergyReminder}</span>
        </div>
      ) : null}
      <ClientTimeline clientId={clientId} />
    </div>
  );
}
