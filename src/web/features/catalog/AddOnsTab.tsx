import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Switch } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { useDebounced } from '../../lib/useDebounced.js';
import { AddOnDrawer } from './AddOnDrawer.js';
import { addOnsQuery, servicesQuery } from './api.js';
import { useCatalogAccess, useCatalogFormat } from './format.js';
import { SearchBox } from './parts/SearchBox.js';
import type { AddOn } from './types.js';

export function AddOnsTab() {
  const { t } = useTranslation();
  const fmt = useCatalogFormat();
  const { canWrite } = useCatalogAccess();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 200);
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<AddOn | 'new' | null>(null);
  const addOns = useQuery(addOnsQuery({ includeArchived: showArchived, q: q || undefined }));
  const services = useQuery(servicesQuery({ includeArchived: true }));
  const serviceName = (id: string) => services.data?.find((s) => s.id === id)?.displayName;

  return (
    <div data-testid="catalog-add-ons">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <SearchBox value={search} onChange={setSearch} placeholder={t('catalog.addOn.search')} testId="add-ons-search" />
        <Switch checked={showArchived} onChange={setShowArchived} label={t('catalog.showArchived')} data-testid="add-ons-show-archived" />
        {canWrite ? (
          <Button
            variant="primary"
            icon="plus"
            className="w-full sm:ml-auto sm:w-auto"
            onClick={() => setEditing('new')}
            data-testid="add-on-add"
          >
            {t('catalog.addOn.add')}
          </Button>
        ) : null}
      </div>
      {addOns.isPending ? (
        <Loading label={t('common.loading')} />
      ) : addOns.isError ? (
        <ProblemAlert error={addOns.error} />
      ) : addOns.data.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState
            icon="plus"
            testId="add-ons-empty"
            title={q ? t('catalog.addOn.noMatches') : t('catalog.addOn.emptyTitle')}
            description={q ? undefined : t('catalog.addOn.emptyBody')}
            action={
              !q && canWrite ? (
                <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
                  {t('catalog.addOn.add')}
                </Button>
              ) : null
            }
          />
        </div>
      ) : (
        <ul
          className="divide-y divide-zinc-100 overflow-hidden rounded-xl bg-white shadow-card ring-1 ring-zinc-200"
          data-testid="add-ons-list"
        >
          {addOns.data.map((a) => {
            const names = a.serviceIds.map(serviceName).filter((n): n is string => !!n);
            return (
              <li key={a.id}>
                <button
                  type="button"
                  onClick={() => setEditing(a)}
                  data-testid="add-on-row"
                  className="group flex w-full items-center gap-3 px-4 py-3 text-left transition-colors hover:bg-orchid-50/50"
                >
                  <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-orchid-50 text-orchid-700">
                    <Icon name="plus" className="size-4" />
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="flex items-center gap-2">
                      <span className="truncate font-medium text-zinc-900">{a.displayName}</span>
                      {a.archived ? <Badge>{t('catalog.archivedBadge')}</Badge> : null}
                    </span>
                    <span className="block truncate text-sm text-zinc-500" title={names.join('\n')}>
                      {names.length
                        ? t('catalog.addOn.withServices', { count: names.length, names: names.slice(0, 3).join(', ') })
                        : t('catalog.addOn.noServices')}
                    </span>
                  </span>
                  <span className="flex shrink-0 flex-col items-end gap-0.5 sm:flex-row sm:items-center sm:gap-6">
                    <span className="text-sm text-zinc-600 sm:w-24">{a.extraMin ? `+${fmt.duration(a.extraMin)}` : '—'}</span>
                    <span className="font-medium tabular-nums text-zinc-900 sm:w-24 sm:text-right">
                      {fmt.money(a.price, { sign: true })}
                    </span>
                  </span>
                  <Icon name="chevronRight" className="hidden size-4 text-zinc-300 group-hover:text-zinc-500 sm:block" />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {editing ? (
        <AddOnDrawer
          key={editing === 'new' ? 'new' : editing.id}
          addOn={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
