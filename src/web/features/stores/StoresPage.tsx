import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Icon } from '../../components/icons.js';
import { PageHeader } from '../../components/Page.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import type { Store } from '../../http/types.js';
import { useFormat } from '../../lib/format.js';
import { zoneOffset } from '../../lib/timezones.js';
import { todayHours } from '../home/todayHours.js';
import { Guard } from '../shell/Guard.js';
import { storesQuery } from './api.js';
import { NewStoreDialog } from './NewStoreDialog.js';

export function StoresPage() {
  return (
    <Guard allow="stores.write">
      <StoreList />
    </Guard>
  );
}

function StoreList() {
  const { t } = useTranslation();
  const stores = useQuery(storesQuery);
  const [adding, setAdding] = useState(false);
  return (
    <div data-testid="stores-page">
      <PageHeader
        title={t('stores.title')}
        description={t('stores.description')}
        actions={
          <Button variant="primary" icon="plus" onClick={() => setAdding(true)} data-testid="stores-add">
            {t('stores.add')}
          </Button>
        }
      />
      {stores.isPending ? (
        <Loading label={t('common.loading')} />
      ) : stores.isError ? (
        <ProblemAlert error={stores.error} />
      ) : stores.data.data.length === 0 ? (
        <EmptyState icon="store" title={t('stores.emptyTitle')} description={t('stores.emptyBody')} />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" data-testid="stores-list">
          {stores.data.data.map((store) => (
            <li key={store.id}>
              <StoreCard store={store} />
            </li>
          ))}
        </ul>
      )}
      <NewStoreDialog open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}

function StoreCard({ store }: { store: Store }) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayHours(store);
  return (
    <Link
      to="/stores/$storeId"
      params={{ storeId: store.id }}
      data-testid="store-card"
      className="group flex h-full flex-col gap-4 rounded-xl bg-white p-5 shadow-card ring-1 ring-zinc-200 transition hover:ring-orchid-300"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="flex min-w-0 items-center gap-3">
          <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-orchid-50 text-orchid-700">
            <Icon name="store" className="size-5" />
          </span>
          <div className="min-w-0">
            <p className="truncate font-semibold text-zinc-900">{store.name}</p>
            <p className="truncate text-xs text-zinc-500">
              {store.timeZone} · {zoneOffset(store.timeZone)}
            </p>
          </div>
        </div>
        {today.kind === 'open' ? (
          <Badge tone="success">{t('stores.openToday')}</Badge>
        ) : today.kind === 'closed' ? (
          <Badge>{t('stores.closedToday')}</Badge>
        ) : (
          <Badge tone="warning">{t('stores.hoursNotSet')}</Badge>
        )}
      </div>
      <dl className="space-y-1.5 text-sm text-zinc-600">
        <div className="flex items-center gap-2">
          <Icon name="mapPin" className="size-4 text-zinc-400" />
          <dd className="truncate">{store.address || <span className="text-zinc-400">{t('stores.noAddress')}</span>}</dd>
        </div>
        <div className="flex items-center gap-2">
          <Icon name="phone" className="size-4 text-zinc-400" />
          <dd>{store.phone || <span className="text-zinc-400">{t('stores.noPhone')}</span>}</dd>
        </div>
        {today.kind === 'open' ? (
          <div className="flex items-center gap-2">
            <Icon name="clock" className="size-4 text-zinc-400" />
            <dd className="tabular-nums">{today.shifts.map((s) => `${format.hhmm(s.open)} – ${format.hhmm(s.close)}`).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      <span className="mt-auto inline-flex items-center gap-1 text-sm font-medium text-orchid-700 group-hover:text-orchid-900">
        {t('stores.edit')}
        <Icon name="chevronRight" className="size-4" />
      </span>
    </Link>
  );
}
