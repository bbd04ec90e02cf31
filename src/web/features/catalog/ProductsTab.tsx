import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Select, Switch } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { Alert, ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../components/Table.js';
import { useDebounced } from '../../lib/useDebounced.js';
import { useMe } from '../auth/session.js';
import { useCurrentStore } from '../shell/CurrentStore.js';
import { findProductsByCode, productsQuery } from './api.js';
import { useCatalogAccess, useCatalogFormat } from './format.js';
import { OverrideDialog } from './OverrideDialog.js';
import { ProductDrawerLoader } from './ProductDrawer.js';
import { SearchBox } from './parts/SearchBox.js';
import { StoreSelect } from './parts/StoreSelect.js';
import { type AnyProduct, isStoreProduct, PRODUCT_USAGES, type ProductUsage } from './types.js';

type Editing = { id: string | null; barcode?: string };

export function ProductsTab() {
  const { t } = useTranslation();
  const me = useMe();
  const { store: currentStore } = useCurrentStore();
  const { canWrite, canOverride } = useCatalogAccess();
  const [storeId, setStoreId] = useState(() => (canWrite ? '' : (currentStore?.id ?? '')));
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 200);
  const [usage, setUsage] = useState<ProductUsage | ''>('');
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [override, setOverride] = useState<{ id: string; storeId: string } | null>(null);
  const [scan, setScan] = useState<{ code: string; state: 'looking' | 'missing' } | null>(null);
  const products = useQuery(
    productsQuery({ storeId: storeId || undefined, q: q || undefined, usage: usage || undefined, includeArchived: showArchived }),
  );
  const store = me.stores.find((s) => s.id === storeId);
  const fmt = useCatalogFormat(store?.currency);

  const open = (p: AnyProduct) => {
    if (storeId && canOverride) setOverride({ id: p.id, storeId });
    else setEditing({ id: p.id });
  };

  // A barcode scanner types the code and presses Enter: find that exact SKU or barcode and open it.
  const lookUp = async (text: string) => {
    const code = text.trim();
    if (!code || /\s/.test(code)) return;
    setScan({ code, state: 'looking' });
    try {
      const found = await findProductsByCode(code, storeId || undefined);
      const [first] = found.data;
      if (first && found.data.length === 1) {
        setScan(null);
        setSearch('');
        open(first);
      } else {
        setScan(found.data.length === 0 ? { code, state: 'missing' } : null);
      }
    } catch {
      setScan(null);
    }
  };

  const list = products.data ?? [];

  return (
    <div data-testid="catalog-products">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <SearchBox
          value={search}
          onChange={(v) => {
            setSearch(v);
            if (scan) setScan(null);
          }}
          onEnter={(v) => void lookUp(v)}
          placeholder={t('catalog.product.search')}
          testId="products-search"
          wide
        />
        <div className="grid w-full grid-cols-2 gap-3 sm:flex sm:w-auto">
          <Select
            value={usage}
            onChange={(e) => setUsage(e.target.value as ProductUsage | '')}
            aria-label={t('catalog.product.usage')}
            className="w-full sm:w-44"
            data-testid="products-usage"
          >
            <option value="">{t('catalog.product.allUsages')}</option>
            {PRODUCT_USAGES.filter((u) => u !== 'both').map((u) => (
              <option key={u} value={u}>
                {t(`catalog.product.usageFilter.${u}`)}
              </option>
            ))}
          </Select>
          <StoreSelect
            value={storeId}
            onChange={setStoreId}
            testId="products-store"
            allowHq={canWrite || me.stores.length === 0}
            className="w-full sm:w-56"
          />
        </div>
        <div className="flex w-full items-center justify-between gap-3 sm:w-auto sm:flex-1">
          <Switch
            checked={showArchived}
            onChange={setShowArchived}
            label={t('catalog.showArchived')}
            data-testid="products-show-archived"
          />
          {canWrite ? (
            <Button variant="primary" icon="plus" onClick={() => setEditing({ id: null })} data-testid="product-add">
              {t('catalog.product.add')}
            </Button>
          ) : null}
        </div>
      </div>
      {scan?.state === 'missing' ? (
        <Alert
          tone="warning"
          className="mb-4"
          testId="products-scan-missing"
          title={t('catalog.product.scanMissing', { code: scan.code })}
          action={
            canWrite ? (
              <Button size="sm" icon="plus" onClick={() => setEditing({ id: null, barcode: scan.code })} data-testid="products-scan-add">
                {t('catalog.product.scanAdd')}
              </Button>
            ) : undefined
          }
        >
          <p>{t('catalog.product.scanMissingBody')}</p>
        </Alert>
      ) : null}
      {store ? (
        <Alert tone="accent" className="mb-4">
          {canOverride
            ? t('catalog.storeView.noteOverrideProducts', { store: store.name })
            : t('catalog.storeView.note', { store: store.name })}
        </Alert>
      ) : null}

      {products.isPending ? (
        <Loading label={t('common.loading')} />
      ) : products.isError ? (
        <ProblemAlert error={products.error} />
      ) : list.length === 0 ? (
        scan?.state === 'missing' ? null : (
          <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
            <EmptyState
              icon="receipt"
              testId="products-empty"
              title={q || usage ? t('catalog.product.noMatches') : t('catalog.product.emptyTitle')}
              description={q || usage ? undefined : t('catalog.product.emptyBody')}
              action={
                !q && !usage && canWrite ? (
                  <Button variant="primary" icon="plus" onClick={() => setEditing({ id: null })}>
                    {t('catalog.product.add')}
                  </Button>
                ) : null
              }
            />
          </div>
        )
      ) : (
        <>
          <div className="hidden md:block">
            <Table data-testid="products-table">
              <THead>
                <tr>
                  <Th>{t('catalog.product.columns.product')}</Th>
                  <Th>{t('catalog.product.columns.codes')}</Th>
                  <Th>{t('catalog.product.columns.usage')}</Th>
                  <Th className="hidden lg:table-cell">{t('catalog.product.columns.size')}</Th>
                  <Th className="text-right">{t('catalog.product.columns.price')}</Th>
                  {canWrite ? <Th className="hidden text-right lg:table-cell">{t('catalog.product.columns.cost')}</Th> : null}
                </tr>
              </THead>
              <tbody>
                {list.map((p) => (
                  <Tr key={p.id} onClick={() => open(p)} data-testid="product-row" data-product-id={p.id}>
                    <Td>
                      <div className="flex items-center gap-2">
                        <span className="truncate font-medium text-zinc-900">{p.displayName}</span>
                        <ProductBadges p={p} />
                      </div>
                      {p.brand ? <p className="text-xs text-zinc-500">{p.brand}</p> : null}
                    </Td>
                    <Td>
                      <p className="font-mono text-xs text-zinc-700">{p.sku}</p>
                      {p.barcode ? <p className="font-mono text-xs text-zinc-400">{p.barcode}</p> : null}
                    </Td>
                    <Td>
                      <UsageBadge usage={p.usage} />
                    </Td>
                    <Td className="hidden lg:table-cell">{sizeText(p, t)}</Td>
                    <Td className="text-right">
                      <Price p={p} money={fmt.money} />
                    </Td>
                    {canWrite ? <Td className="hidden text-right tabular-nums text-zinc-500 lg:table-cell">{fmt.money(p.cost)}</Td> : null}
                  </Tr>
                ))}
              </tbody>
            </Table>
          </div>
          <ul className="space-y-2 md:hidden" data-testid="products-list">
            {list.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  onClick={() => open(p)}
                  data-testid="product-card"
                  className="flex w-full items-start gap-3 rounded-xl bg-white p-4 text-left shadow-card ring-1 ring-zinc-200"
                >
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium text-zinc-900">{p.displayName}</p>
                    <p className="truncate text-sm text-zinc-500">{[p.brand, sizeText(p, t)].filter(Boolean).join(' · ')}</p>
                    <p className="mt-1 font-mono text-xs text-zinc-400">{p.sku}</p>
                  </div>
                  <div className="flex flex-col items-end gap-1">
                    <Price p={p} money={fmt.money} />
                    <UsageBadge usage={p.usage} />
                    <ProductBadges p={p} />
                  </div>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {editing ? (
        <ProductDrawerLoader
          key={editing.id ?? `new:${editing.barcode ?? ''}`}
          productId={editing.id}
          barcode={editing.barcode}
          onClose={() => {
            setEditing(null);
            setScan(null);
          }}
          onOverride={
            editing.id && canOverride && me.stores.length > 0
              ? () => setOverride({ id: editing.id as string, storeId: storeId || currentStore?.id || me.stores[0]?.id || '' })
              : undefined
          }
        />
      ) : null}
      {override ? (
        <OverrideDialog kind="product" itemId={override.id} storeId={override.storeId} onClose={() => setOverride(null)} />
      ) : null}
    </div>
  );
}

function sizeText(p: AnyProduct, t: TFunction): string {
  if (p.size == null) return '';
  return t('catalog.product.sizeValue', {
    size: String(p.size),
    unit: p.unit ? t(`catalog.unitsShort.${p.unit}`, { count: p.size }) : '',
  }).trim();
}

function UsageBadge({ usage }: { usage: ProductUsage }) {
  const { t } = useTranslation();
  return (
    <Badge tone={usage === 'retail' ? 'success' : usage === 'backbar' ? 'info' : 'accent'}>{t(`catalog.product.usages.${usage}`)}</Badge>
  );
}

function ProductBadges({ p }: { p: AnyProduct }) {
  const { t } = useTranslation();
  return (
    <>
      {p.archived ? <Badge>{t('catalog.archivedBadge')}</Badge> : null}
      {isStoreProduct(p) && !p.available ? <Badge tone="warning">{t('catalog.hiddenAtStore')}</Badge> : null}
      {p.locks.length > 0 ? <Icon name="lock" className="size-3.5 text-zinc-400" aria-label={t('catalog.locks.title')} /> : null}
    </>
  );
}

function Price({ p, money }: { p: AnyProduct; money: (cents: number) => string }) {
  const { t } = useTranslation();
  return (
    <span className="font-medium tabular-nums text-zinc-900">
      {p.usage === 'backbar' && p.price === 0 ? (
        <span className="font-normal text-zinc-400">{t('catalog.product.notSold')}</span>
      ) : (
        money(p.price)
      )}
      {isStoreProduct(p) && p.overridden.price ? (
        <span className="block whitespace-nowrap text-xs font-normal text-orchid-700">
          {t('catalog.override.hqShort')} <span className="line-through decoration-orchid-400">{money(p.hq.price)}</span>
        </span>
      ) : null}
    </span>
  );
}
