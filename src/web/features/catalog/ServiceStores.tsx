import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Icon } from '../../components/icons.js';
import { useMe } from '../auth/session.js';
import { useCatalogFormat } from './format.js';
import type { Service, ServiceOverride } from './types.js';

/** The stores the reader works at, with what each sells the service for; a manager adjusts their own. */
export function ServiceStores({
  service,
  onOverride,
}: {
  service: Service & { overrides?: Array<ServiceOverride & { storeId: string }> };
  onOverride: (storeId: string) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.stores.length === 0) return null;
  const open = (f: 'price' | 'duration' | 'available') => !service.locks.includes(f);
  return (
    <section className="rounded-xl bg-orchid-50/60 p-4 ring-1 ring-inset ring-orchid-100" data-testid="service-stores">
      <h3 className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
        <Icon name="store" className="size-4 text-orchid-700" />
        {t('catalog.override.storesTitle')}
      </h3>
      <p className="mt-0.5 text-sm text-zinc-600">{t('catalog.override.storesHint')}</p>
      <ul className="mt-3 divide-y divide-orchid-100">
        {me.stores.map((store) => {
          const o = service.overrides?.find((x) => x.storeId === store.id);
          const price = o?.price != null && open('price') ? o.price : null;
          const duration = o?.durationMin != null && open('duration') ? o.durationMin : null;
          const hidden = o?.available === false && open('available');
          return (
            <StoreRow
              key={store.id}
              name={store.name}
              currency={store.currency}
              price={price ?? service.price}
              ownPrice={price !== null}
              duration={duration ?? service.durationMin}
              ownDuration={duration !== null}
              hidden={hidden}
              priceLocked={!open('price')}
              durationLocked={!open('duration')}
              onAdjust={() => onOverride(store.id)}
              adjustLabel={t('catalog.override.adjust')}
            />
          );
        })}
      </ul>
    </section>
  );
}

function StoreRow({
  name,
  currency,
  price,
  ownPrice,
  duration,
  ownDuration,
  hidden,
  priceLocked,
  durationLocked,
  onAdjust,
  adjustLabel,
}: {
  name: string;
  currency: 'USD' | 'CAD';
  price: number;
  ownPrice: boolean;
  duration: number;
  ownDuration: boolean;
  hidden: boolean;
  priceLocked: boolean;
  durationLocked: boolean;
  onAdjust: () => void;
  adjustLabel: string;
}) {
  const { t } = useTranslation();
  const fmt = useCatalogFormat(currency);
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 py-2.5" data-testid="service-store-row">
      <span className="min-w-0 flex-1 truncate text-sm font-medium text-zinc-900">{name}</span>
      <span className="flex items-center gap-2 text-sm tabular-nums text-zinc-700">
        {priceLocked ? <Icon name="lock" className="size-3.5 text-zinc-400" aria-label={t('catalog.override.locked')} /> : null}
        {fmt.money(price)}
        {ownPrice ? <Badge tone="accent">{t('catalog.override.storeValue')}</Badge> : null}
      </span>
      <span className="flex items-center gap-2 text-sm text-zinc-700">
        {durationLocked ? <Icon name="lock" className="size-3.5 text-zinc-400" aria-label={t('catalog.override.locked')} /> : null}
        {fmt.duration(duration)}
        {ownDuration ? <Badge tone="accent">{t('catalog.override.storeValue')}</Badge> : null}
      </span>
      {hidden ? <Badge tone="warning">{t('catalog.hiddenAtStore')}</Badge> : null}
      <Button size="sm" icon="sliders" onClick={onAdjust} data-testid="service-store-adjust">
        {adjustLabel}
      </Button>
    </li>
  );
}
