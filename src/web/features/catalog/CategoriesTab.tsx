import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button, IconButton } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Switch } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import type { Language } from '../../http/types.js';
import { LANGUAGES } from '../../i18n/languages.js';
import { categoriesQuery, servicesQuery, updateCategory } from './api.js';
import { CategoryDialog } from './CategoryDialog.js';
import { moveCategory } from './categoryOrder.js';
import { useCatalogAccess } from './format.js';
import { ColorChip } from './parts/ColorChip.js';
import type { Category } from './types.js';

export function CategoriesTab() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { canWrite } = useCatalogAccess();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const categories = useQuery(categoriesQuery({ includeArchived: showArchived }));
  const services = useQuery(servicesQuery({}));
  const list = categories.data ?? [];
  const count = (id: string) => (services.data ?? []).filter((s) => s.categoryId === id).length;
  const nextSortOrder = Math.max(0, ...list.map((c) => c.sortOrder)) + 10;

  const move = useMutation({
    mutationFn: async ({ index, direction }: { index: number; direction: -1 | 1 }) => {
      for (const { item, sortOrder } of moveCategory(list, index, direction))
        await updateCategory(item.id, { version: item.version, sortOrder });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['catalog'] }),
  });

  // The other languages' names, so an owner sees at a glance which translations exist.
  const others = (c: Category) =>
    LANGUAGES.filter((l: Language) => l !== i18n.language)
      .map((l) => c.nameTranslations[l])
      .filter((v, i, all): v is string => !!v && v !== c.displayName && all.indexOf(v) === i);

  return (
    <div data-testid="catalog-categories">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <p className="text-sm text-zinc-500">{t('catalog.category.hint')}</p>
        <Switch
          checked={showArchived}
          onChange={setShowArchived}
          label={t('catalog.showArchived')}
          data-testid="categories-show-archived"
        />
        {canWrite ? (
          <Button
            variant="primary"
            icon="plus"
            className="w-full sm:ml-auto sm:w-auto"
            onClick={() => setEditing('new')}
            data-testid="category-add"
          >
            {t('catalog.category.add')}
          </Button>
        ) : null}
      </div>
      {move.error ? <ProblemAlert error={move.error} className="mb-4" /> : null}
      {categories.isPending ? (
        <Loading label={t('common.loading')} />
      ) : categories.isError ? (
        <ProblemAlert error={categories.error} />
      ) : list.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState
            icon="sliders"
            testId="categories-empty"
            title={t('catalog.category.emptyTitle')}
            description={t('catalog.category.emptyBody')}
            action={
              canWrite ? (
                <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
                  {t('catalog.category.add')}
                </Button>
              ) : null
            }
          />
        </div>
      ) : (
        <ul
          className="divide-y divide-zinc-100 overflow-hidden rounded-xl bg-white shadow-card ring-1 ring-zinc-200"
          data-testid="categories-list"
        >
          {list.map((c, i) => (
            <li key={c.id} className="flex items-center gap-2 pr-2" data-testid="category-row" data-category-id={c.id}>
              <button
                type="button"
                onClick={() => setEditing(c)}
                className="group flex min-w-0 flex-1 items-center gap-3 px-4 py-3 text-left hover:bg-orchid-50/50"
              >
                <ColorChip color={c.color} className="size-8 rounded-lg" />
                <span className="min-w-0 flex-1">
                  <span className="flex items-center gap-2">
                    <span className="truncate font-medium text-zinc-900" data-testid="category-row-name">
                      {c.displayName}
                    </span>
                    {c.archived ? <Badge>{t('catalog.archivedBadge')}</Badge> : null}
                  </span>
                  <span className="block truncate text-sm text-zinc-500">
                    {[t('catalog.category.serviceCount', { count: count(c.id) }), ...others(c)].join(' · ')}
                  </span>
                </span>
                <Icon name="chevronRight" className="size-4 text-zinc-300 group-hover:text-zinc-500" />
              </button>
              {canWrite && !showArchived ? (
                <div className="flex shrink-0 flex-col sm:flex-row">
                  <IconButton
                    icon="chevronLeft"
                    className="rotate-90"
                    size="sm"
                    label={t('catalog.category.moveUp')}
                    disabled={i === 0 || move.isPending}
                    onClick={() => move.mutate({ index: i, direction: -1 })}
                    data-testid="category-up"
                  />
                  <IconButton
                    icon="chevronRight"
                    className="rotate-90"
                    size="sm"
                    label={t('catalog.category.moveDown')}
                    disabled={i === list.length - 1 || move.isPending}
                    onClick={() => move.mutate({ index: i, direction: 1 })}
                    data-testid="category-down"
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <CategoryDialog
          key={editing === 'new' ? 'new' : editing.id}
          category={editing === 'new' ? null : editing}
          nextSortOrder={nextSortOrder}
          readOnly={!canWrite}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
