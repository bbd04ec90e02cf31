import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button, IconButton } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Switch } from '../../components/Input.js';
import { ProblemAlert, useProblemText } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { useToast } from '../../components/Toast.js';
import { useMe } from '../auth/session.js';
import { useCurrentStore } from '../shell/CurrentStore.js';
import { resourcesQuery, updateResource } from './api.js';
import { useCatalogAccess } from './format.js';
import { RESOURCE_TYPES, useKeyLabels } from './labels.js';
import { StoreSelect } from './parts/StoreSelect.js';
import { ResourceDialog } from './ResourceDialog.js';
import type { Resource } from './types.js';

/** Resources grouped by type: known types in a sensible order, the business's own after. */
export function groupResources(list: Resource[]): Array<{ type: string; items: Resource[] }> {
  const types = [...new Set(list.map((r) => r.type))].sort((a, b) => {
    const ia = (RESOURCE_TYPES as readonly string[]).indexOf(a);
    const ib = (RESOURCE_TYPES as readonly string[]).indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  return types.map((type) => ({ type, items: list.filter((r) => r.type === type) }));
}

/** Each store's rooms, beds and chairs, with an on/off switch. */
export function ResourcesTab() {
  const { t } = useTranslation();
  const me = useMe();
  const { store: currentStore } = useCurrentStore();
  const { canOverride } = useCatalogAccess();
  const [storeId, setStoreId] = useState(currentStore?.id ?? me.stores[0]?.id ?? '');
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const resources = useQuery({ ...resourcesQuery(storeId), enabled: !!storeId });
  const store = me.stores.find((s) => s.id === storeId);
  const list = resources.data ?? [];
  const groups = groupResources(list);
  const labels = useKeyLabels();

  if (me.stores.length === 0) {
    return <EmptyState icon="store" title={t('catalog.resource.noStores')} />;
  }

  return (
    <div data-testid="catalog-resources">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <StoreSelect value={storeId} onChange={setStoreId} allowHq={false} testId="resources-store" />
        <p className="text-sm text-zinc-500">{t('catalog.resource.hint')}</p>
        {canOverride ? (
          <Button
            variant="primary"
            icon="plus"
            className="w-full sm:ml-auto sm:w-auto"
            onClick={() => setEditing('new')}
            data-testid="resource-add"
          >
            {t('catalog.resource.add')}
          </Button>
        ) : null}
      </div>
      {resources.isPending ? (
        <Loading label={t('common.loading')} />
      ) : resources.isError ? (
        <ProblemAlert error={resources.error} />
      ) : list.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState
            icon="store"
            testId="resources-empty"
            title={t('catalog.resource.emptyTitle', { store: store?.name ?? '' })}
            description={t('catalog.resource.emptyBody')}
            action={
              canOverride ? (
                <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
                  {t('catalog.resource.add')}
                </Button>
              ) : null
            }
          />
        </div>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2" data-testid="resources-list">
          {groups.map((g) => (
            <section key={g.type} className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200" data-testid="resource-group">
              <header className="flex items-center justify-between border-b border-zinc-100 px-4 py-3">
                <h2 className="text-sm font-semibold text-zinc-900">{labels.resourceTypePlural(g.type)}</h2>
                <span className="text-sm text-zinc-500">
                  {t('catalog.resource.activeCount', { active: g.items.filter((r) => r.active).length, total: g.items.length })}
                </span>
              </header>
              <ul className="divide-y divide-zinc-100">
                {g.items.map((r) => (
                  <ResourceRow key={r.id} resource={r} canEdit={canOverride} onEdit={() => setEditing(r)} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {editing && store ? (
        <ResourceDialog
          resource={editing === 'new' ? null : editing}
          storeId={store.id}
          storeName={store.name}
          usedTypes={list.map((r) => r.type)}
          nextSortOrder={Math.max(0, ...list.map((r) => r.sortOrder)) + 10}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

function ResourceRow({ resource, canEdit, onEdit }: { resource: Resource; canEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const toggle = useMutation({
    mutationFn: (active: boolean) => updateResource(resource.id, { version: resource.version, active }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['catalog', 'resources'] });
      toast(saved.active ? t('catalog.resource.activated', { name: saved.name }) : t('catalog.resource.deactivated', { name: saved.name }));
    },
    onError: (error) => {
      const { title, detail } = problemText(error);
      toast(detail ?? title, 'error');
      void queryClient.invalidateQueries({ queryKey: ['catalog', 'resources'] });
    },
  });
  return (
    <li className="flex items-center gap-3 px-4 py-2.5" data-testid="resource-row" data-resource-id={resource.id}>
      <span className={cx('size-2 shrink-0 rounded-full', resource.active ? 'bg-emerald-500' : 'bg-zinc-300')} aria-hidden="true" />
      <span className={cx('min-w-0 flex-1 truncate text-sm font-medium', resource.active ? 'text-zinc-900' : 'text-zinc-400')}>
        {resource.name}
      </span>
      {canEdit ? (
        <>
          <Switch
            checked={resource.active}
            onChange={(on) => toggle.mutate(on)}
            disabled={toggle.isPending}
            label={resource.active ? t('catalog.resource.inUse') : t('catalog.resource.outOfUse')}
            data-testid="resource-active"
          />
          <IconButton icon="pencil" size="sm" label={t('common.edit')} onClick={onEdit} data-testid="resource-edit" />
        </>
      ) : (
        <Badge tone={resource.active ? 'success' : 'neutral'}>
          {resource.active ? t('catalog.resource.inUse') : t('catalog.resource.outOfUse')}
        </Badge>
      )}
    </li>
  );
}
