// The left half of the register: who is doing the work, a search / scan box, category tiles and item
// tiles (services, add-ons, products, packages). One tap adds an item; a barcode scanner types a code and Enter.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Icon } from '../../../components/icons.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import type { Currency } from '../../../http/types.js';
import { formatDuration } from '../../catalog/duration.js';
import type { AddOn } from '../../catalog/types.js';
import { useTr } from '../../packages/format.js';
import { PackageIcon } from '../../packages/icons.js';
import type { PackageTemplate } from '../../packages/types.js';
import { CIcon } from '../icons.js';
import { useMoney } from '../lib/money.js';
import type { StoreStaff } from '../lib/staff.js';
import { matchesText, productByCode, type RegisterCatalog, type SellableProduct, type SellableService } from './catalog.js';
import { ScanBox } from './ScanBox.js';
import { TechnicianBar } from './TechnicianBar.js';

export type Pick =
  | { kind: 'service'; service: SellableService }
  | { kind: 'product'; product: SellableProduct }
  | { kind: 'add_on'; addOn: AddOn }
  | { kind: 'package'; template: PackageTemplate }
  | { kind: 'code'; code: string };

const PRODUCTS = 'products';
const ADD_ONS = 'add-ons';
const PACKAGES = 'packages';
const ALL = 'all';

export function CatalogPicker({
  catalog,
  staff,
  currency,
  technicianId,
  onTechnician,
  onPick,
  scanError,
}: {
  catalog: RegisterCatalog;
  staff: StoreStaff;
  currency: Currency;
  technicianId: string | null;
  onTechnician: (id: string | null) => void;
  onPick: (pick: Pick) => void;
  scanError: string | null;
}) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  const tr = useTr();
  const [tab, setTab] = useState<string>(ALL);
  const [q, setQ] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);

  const searching = q.trim().length > 0;
  const services = useMemo(() => {
    if (searching) return catalog.services.filter((s) => matchesText(q, [s.name, s.displayName, ...Object.values(s.nameTranslations)]));
    if (tab === PRODUCTS || tab === ADD_ONS || tab === PACKAGES) return [];
    return tab === ALL ? catalog.services : catalog.services.filter((s) => s.categoryId === tab);
  }, [catalog.services, q, searching, tab]);
  const products = useMemo(() => {
    if (searching)
      return catalog.products.filter((p) =>
        matchesText(q, [p.name, p.displayName, p.sku, p.barcode, p.brand, ...Object.values(p.nameTranslations)]),
      );
    return tab === PRODUCTS ? catalog.products : [];
  }, [catalog.products, q, searching, tab]);
  const addOns = useMemo(() => {
    if (searching) return catalog.addOns.filter((a) => matchesText(q, [a.name, a.displayName, ...Object.values(a.nameTranslations)]));
    return tab === ADD_ONS ? catalog.addOns : [];
  }, [catalog.addOns, q, searching, tab]);
  const packages = useMemo(() => {
    if (searching) return catalog.packages.filter((p) => matchesText(q, [p.name, ...Object.values(p.nameTranslations)]));
    return tab === PACKAGES ? catalog.packages : [];
  }, [catalog.packages, q, searching, tab]);

  const submit = () => {
    const code = q.trim();
    if (!code) return;
    const exact = productByCode(catalog.products, code);
    if (exact) onPick({ kind: 'product', product: exact });
    else if (services.length + products.length + addOns.length + packages.length === 1) {
      if (services[0]) onPick({ kind: 'service', service: services[0] });
      else if (products[0]) onPick({ kind: 'product', product: products[0] });
      else if (addOns[0]) onPick({ kind: 'add_on', addOn: addOns[0] });
      else if (packages[0]) onPick({ kind: 'package', template: packages[0] });
    } else if (/^\S+$/.test(code)) onPick({ kind: 'code', code });
    else return;
    setQ('');
  };

  const tabs = [
    { id: ALL, label: t('checkout.catalog.allServices'), color: null as string | null },
    ...catalog.categories.map((c) => ({ id: c.id, label: c.displayName, color: c.color })),
    ...(catalog.products.length ? [{ id: PRODUCTS, label: t('checkout.catalog.products'), color: null }] : []),
    ...(catalog.addOns.length ? [{ id: ADD_ONS, label: t('checkout.catalog.addOns'), color: null }] : []),
    ...(catalog.packages.length ? [{ id: PACKAGES, label: t('checkout.catalog.packages'), color: null }] : []),
  ];
  const empty = services.length + products.length + addOns.length + packages.length === 0;

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="catalog-picker">
      <div className="space-y-3 border-b border-zinc-200 bg-white px-4 py-3">
        <TechnicianBar staff={staff} selected={technicianId} onSelect={onTechnician} />
        <ScanBox ref={searchRef} value={q} onChange={setQ} onSubmit={submit} />
        {scanError ? (
          <Alert tone="danger" testId="scan-error">
            {scanError}
          </Alert>
        ) : null}
      </div>
      {!searching ? (
        <div
          className="flex gap-2 overflow-x-auto border-b border-zinc-200 bg-white px-4 py-3 md:grid md:grid-cols-[repeat(auto-fill,minmax(8rem,1fr))] md:overflow-visible"
          role="tablist"
          aria-label={t('checkout.catalog.categories')}
        >
          {tabs.map((c) => (
            <button
              key={c.id}
              type="button"
              role="tab"
              aria-selected={tab === c.id}
              data-testid="catalog-category"
              data-category={c.label}
              onClick={() => setTab(c.id)}
              className={cx(
                'relative flex h-12 min-w-28 shrink-0 items-center justify-center overflow-hidden rounded-xl px-3 text-sm font-semibold transition-colors',
                tab === c.id ? 'bg-orchid-700 text-white shadow-sm' : 'bg-zinc-100 text-zinc-700 hover:bg-zinc-200',
              )}
            >
              {c.color ? <span className="absolute inset-x-0 top-0 h-1" style={{ backgroundColor: c.color }} aria-hidden="true" /> : null}
              <span className="line-clamp-2 text-center leading-tight">{c.label}</span>
            </button>
          ))}
        </div>
      ) : null}
      <div className="min-h-0 flex-1 overflow-y-auto p-4">
        {catalog.isLoading ? (
          <Loading label={t('common.loading')} />
        ) : catalog.error ? (
          <ProblemAlert error={catalog.error} />
        ) : empty ? (
          <EmptyState
            icon="search"
            title={searching ? t('checkout.catalog.noMatches') : t('checkout.catalog.empty')}
            description={searching ? t('checkout.catalog.noMatchesHint') : undefined}
            testId="catalog-empty"
          />
        ) : (
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4">
            {services.map((s) => (
              <Tile
                key={`s-${s.id}`}
                testId="catalog-service"
                name={s.displayName}
                meta={formatDuration(s.durationMin, t)}
                price={money(s.price)}
                color={catalog.categories.find((c) => c.id === s.categoryId)?.color ?? null}
                onClick={() => onPick({ kind: 'service', service: s })}
              />
            ))}
            {addOns.map((a) => (
              <Tile
                key={`a-${a.id}`}
                testId="catalog-add-on"
                name={a.displayName}
                meta={t('checkout.catalog.addOn')}
                price={money(a.price)}
                color={null}
                onClick={() => onPick({ kind: 'add_on', addOn: a })}
              />
            ))}
            {products.map((p) => (
              <Tile
                key={`p-${p.id}`}
                testId="catalog-product"
                name={p.displayName}
                meta={p.brand ?? p.sku}
                price={money(p.price)}
                color={null}
                icon="tag"
                onClick={() => onPick({ kind: 'product', product: p })}
              />
            ))}
            {packages.map((p) => (
              <Tile
                key={`k-${p.id}`}
                testId="catalog-package"
                name={tr(p.name, p.nameTranslations)}
                meta={t('packages.templates.sessions', { count: p.sessionsTotal })}
                price={money(p.price)}
                color={null}
                icon="layers"
                onClick={() => onPick({ kind: 'package', template: p })}
              />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

function Tile({
  name,
  meta,
  price,
  color,
  icon,
  onClick,
  testId,
}: {
  name: string;
  meta: string;
  price: string;
  color: string | null;
  /** What the meta line is: a duration (the default), a product or a package's sessions. */
  icon?: 'tag' | 'layers';
  onClick: () => void;
  testId: string;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      data-name={name}
      onClick={onClick}
      className="group relative flex min-h-24 flex-col justify-between overflow-hidden rounded-xl bg-white p-3 text-left shadow-card ring-1 ring-zinc-200 transition hover:ring-orchid-300 active:scale-[0.98] active:bg-orchid-50"
    >
      {color ? <span className="absolute inset-y-0 left-0 w-1" style={{ backgroundColor: color }} aria-hidden="true" /> : null}
      <span className="line-clamp-2 text-[15px] font-medium leading-snug text-zinc-900">{name}</span>
      <span className="mt-2 flex items-end justify-between gap-2">
        <span className="flex min-w-0 items-center gap-1 truncate text-xs text-zinc-500">
          {icon === 'tag' ? (
            <CIcon name="tag" className="size-3.5" />
          ) : icon === 'layers' ? (
            <PackageIcon name="layers" className="size-3.5" />
          ) : (
            <Icon name="clock" className="size-3.5" />
          )}
          <span className="truncate">{meta}</span>
        </span>
        <span className="shrink-0 text-sm font-semibold tabular-nums text-zinc-900">{price}</span>
      </span>
    </button>
  );
}
