import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Switch } from '../../components/Input.js';
import { Alert, ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { useDebounced } from '../../lib/useDebounced.js';
import { useMe } from '../auth/session.js';
import { useCurrentStore } from '../shell/CurrentStore.js';
import { categoriesQuery, servicesQuery } from './api.js';
import { CategoryDialog } from './CategoryDialog.js';
import { useCatalogAccess } from './format.js';
import { OverrideDialog } from './OverrideDialog.js';
import { ColorChip } from './parts/ColorChip.js';
import { SearchBox } from './parts/SearchBox.js';
import { StoreSelect } from './parts/StoreSelect.js';
import { ServiceDetailsDrawer } from './ServiceDetails.js';
import { ServiceDrawer } from './ServiceDrawer.js';
import { ServiceRow } from './ServiceRow.js';
import type { AnyService, Category } from './types.js';

interface Group {
  key: string;
  category: Category | null;
  services: AnyService[];
}

/** Services in their categories (API order), uncategorised last; empty categories only when asked. */
export function groupServices(services: AnyService[], categories: Category[], keepEmpty: boolean): Group[] {
  const groups: Group[] = categories.map((c) => ({ key: c.id, category: c, services: services.filter((s) => s.categoryId === c.id) }));
  const known = new Set(categories.map((c) => c.id));
  const loose = services.filter((s) => !s.categoryId || !known.has(s.categoryId));
  groups.push({ key: 'none', category: null, services: loose });
  return groups.filter((g) => g.services.length > 0 || (keepEmpty && g.category !== null && !g.category.archived));
}

export function ServicesTab() {
  const { t } = useTranslation();
  const me = useMe();
  const { store: currentStore } = useCurrentStore();
  const { canWrite, canOverride } = useCatalogAccess();
  // Head office edits the HQ catalog; everyone else mostly cares how their store sells it.
  const [storeId, setStoreId] = useState(() => (canWrite ? '' : (currentStore?.id ?? '')));
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 200);
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<{ id: string | null; categoryId?: string } | null>(null);
  const [override, setOverride] = useState<{ id: string; storeId: string } | null>(null);
  const [addingCategory, setAddingCategory] = useState(false);
  const services = useQuery(servicesQuery({ storeId: storeId || undefined, q: q || undefined, includeArchived: showArchived }));
  const categories = useQuery(categoriesQuery({ includeArchived: true }));
  const store = me.stores.find((s) => s.id === storeId);
  const currency = store?.currency ?? me.business.currency;
  const groups = useMemo(
    () => groupServices(services.data ?? [], categories.data ?? [], canWrite && !q && !storeId),
    [services.data, categories.data, canWrite, q, storeId],
  );
  const nextSortOrder = Math.max(0, ...(categories.data ?? []).map((c) => c.sortOrder)) + 10;

  const open = (s: AnyService) => {
    if (storeId && canOverride) setOverride({ id: s.id, storeId });
    else setEditing({ id: s.id });
  };

  return (
    <div data-testid="catalog-services">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <SearchBox value={search} onChange={setSearch} placeholder={t('catalog.service.search')} testId="services-search" />
        <div className="flex w-full items-center gap-3 sm:w-auto">
          <StoreSelect
            value={storeId}
            onChange={setStoreId}
            testId="services-store"
            allowHq={canWrite || me.stores.length === 0}
            className="min-w-0 flex-1 sm:w-56 sm:flex-none"
          />
          <Switch
            checked={showArchived}
            onChange={setShowArchived}
            label={t('catalog.showArchived')}
            data-testid="services-show-archived"
            className="shrink-0"
          />
        </div>
        {canWrite ? (
          <div className="grid w-full grid-cols-2 gap-2 sm:ml-auto sm:flex sm:w-auto">
            <Button icon="plus" onClick={() => setAddingCategory(true)} data-testid="category-add">
              {t('catalog.category.add')}
            </Button>
            <Button variant="primary" icon="plus" onClick={() => setEditing({ id: null })} data-testid="service-add">
              {t('catalog.service.add')}
            </Button>
          </div>
        ) : null}
      </div>
      {store ? (
        <Alert tone="accent" className="mb-4" testId="services-store-note">
          {canOverride ? t('catalog.storeView.noteOverride', { store: store.name }) : t('catalog.storeView.note', { store: store.name })}
        </Alert>
      ) : null}

      {services.isPending || categories.isPending ? (
        <Loading label={t('common.loading')} />
      ) : services.isError ? (
        <ProblemAlert error={services.error} />
      ) : groups.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState
            icon="sliders"
            testId="services-empty"
            title={q ? t('catalog.service.noMatches') : t('catalog.service.emptyTitle')}
            description={
              q ? t('catalog.service.noMatchesBody') : canWrite ? t('catalog.service.emptyBody') : t('catalog.service.emptyBodyReadOnly')
            }
            action={
              !q && canWrite ? (
                <Button variant="primary" icon="plus" onClick={() => setEditing({ id: null })}>
                  {t('catalog.service.add')}
                </Button>
              ) : null
            }
          />
        </div>
      ) : (
        <div className="space-y-6" data-testid="services-list">
          {groups.map((g) => (
            <section key={g.key} data-testid="service-group" data-category-id={g.category?.id ?? ''}>
              <header className="mb-2 flex items-center gap-2.5 px-1">
                <ColorChip color={g.category?.color} className="size-3 rounded-full" />
                <h2 className="text-sm font-semibold text-zinc-900" data-testid="service-group-name">
                  {g.category?.displayName ?? t('catalog.uncategorised')}
                </h2>
                <span className="text-sm text-zinc-400">{g.services.length}</span>
                {g.category && canWrite && !storeId ? (
                  <button
                    type="button"
                    className="ml-auto text-sm font-medium text-orchid-700 hover:text-orchid-900"
                    onClick={() => setEditing({ id: null, categoryId: g.category?.id })}
                    data-testid="service-group-add"
                  >
                    + {t('catalog.service.addHere')}
                  </button>
                ) : null}
              </header>
              {g.services.length ? (
                <ul className="divide-y divide-zinc-100 overflow-hidden rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
                  {g.services.map((s) => (
                    <ServiceRow
                      key={s.id}
                      service={s}
                      fallbackColor={g.category?.color ?? null}
                      currency={currency}
                      onOpen={() => open(s)}
                      onEdit={storeId && canOverride && canWrite ? () => setEditing({ id: s.id }) : undefined}
                    />
                  ))}
                </ul>
              ) : (
                <p className="rounded-xl border border-dashed border-zinc-300 px-4 py-5 text-center text-sm text-zinc-500">
                  {t('catalog.service.groupEmpty')}
                </p>
              )}
            </section>
          ))}
        </div>
      )}

      {editing?.id && !canWrite ? (
        <ServiceDetailsDrawer
          serviceId={editing.id}
          storeId={storeId || undefined}
          onClose={() => setEditing(null)}
          onOverride={(id, sid) => setOverride({ id, storeId: sid })}
        />
      ) : editing ? (
        <ServiceDrawer
          serviceId={editing.id}
          categoryId={editing.categoryId}
          onClose={() => setEditing(null)}
          onOverride={(id, sid) => setOverride({ id, storeId: sid })}
        />
      ) : null}
      {override ? (
        <OverrideDialog kind="service" itemId={override.id} storeId={override.storeId} onClose={() => setOverride(null)} />
      ) : null}
      {addingCategory ? <CategoryDialog category={null} nextSortOrder={nextSortOrder} onClose={() => setAddingCategory(false)} /> : null}
    </div>
  );
}
