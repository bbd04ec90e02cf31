import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { isApiError } from '../../../http/problem.js';
import { useCan } from '../../auth/session.js';
import { ClientBalancesTab } from '../../balances/ClientBalancesTab.js';
import { ClientVisitsTab } from '../../calendar/client/ClientVisitsTab.js';
import { ClientPackagesTab } from '../../packages/profile/ClientPackagesTab.js';
import { Guard } from '../../shell/Guard.js';
import { NotFoundPage } from '../../shell/StatusPages.js';
import { ClientTreatmentsTab } from '../../treatments/profile/ClientTreatmentsTab.js';
import { clientQuery } from '../api.js';
import { ClientDrawer } from '../ClientDrawer.js';
import { ConsentTab } from './ConsentTab.js';
import { DetailsTab } from './DetailsTab.js';
import { HealthTab } from './HealthTab.js';
import { LaterTab } from './LaterTab.js';
import { NotesTab } from './NotesTab.js';
import { ProfileHeader } from './ProfileHeader.js';
import { type ProfileTab, ProfileTabs, tabsFor } from './ProfileTabs.js';

export function ClientProfilePage() {
  return (
    <Guard allow="clients.read">
      <Profile />
    </Guard>
  );
}

function Profile() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { clientId } = useParams({ strict: false }) as { clientId: string };
  const search = useSearch({ strict: false }) as { tab?: string };
  const client = useQuery(clientQuery(clientId));
  const [editing, setEditing] = useState(false);
  const tabs = tabsFor(can('clients.health'), can('treatments.read'));
  const tab: ProfileTab = tabs.find((x) => x === search.tab) ?? 'details';
  const setTab = (next: ProfileTab) =>
    void navigate({ to: '/clients/$clientId', params: { clientId }, search: next === 'details' ? {} : { tab: next }, replace: true });

  if (client.isPending) return <Loading label={t('common.loading')} />;
  if (client.isError)
    return isApiError(client.error) && client.error.status === 404 ? <NotFoundPage /> : <ProblemAlert error={client.error} />;
  const c = client.data;

  return (
    <div data-testid="client-profile" data-client-id={c.id} className="space-y-6">
      <Link
        to="/clients"
        className="inline-flex items-center gap-1 text-sm font-medium text-zinc-500 hover:text-zinc-800"
        data-testid="client-back"
      >
        <Icon name="chevronLeft" className="size-4" />
        {t('clients.title')}
      </Link>
      <ProfileHeader client={c} onEdit={can('clients.write') && !c.mergedIntoId ? () => setEditing(true) : undefined} />
      <div>
        <ProfileTabs tabs={tabs} active={tab} onChange={setTab} />
        <div className="pt-6" role="tabpanel" id={`client-tab-${tab}`} aria-labelledby={`client-tab-button-${tab}`}>
          {tab === 'details' ? (
            <DetailsTab client={c} onEdit={can('clients.write') && !c.mergedIntoId ? () => setEditing(true) : undefined} />
          ) : tab === 'consent' ? (
            <ConsentTab client={c} />
          ) : tab === 'notes' ? (
            <NotesTab client={c} />
          ) : tab === 'health' ? (
            <HealthTab client={c} />
          ) : tab === 'balances' ? (
            <ClientBalancesTab clientId={c.id} />
          ) : tab === 'packages' ? (
            <ClientPackagesTab clientId={c.id} />
          ) : tab === 'treatments' ? (
            <ClientTreatmentsTab clientId={c.id} />
          ) : tab === 'visits' && can('appointments.read') ? (
            <ClientVisitsTab clientId={c.id} />
          ) : (
            <LaterTab kind={tab} />
          )}
        </div>
      </div>
      {editing ? <ClientDrawer client={c} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
