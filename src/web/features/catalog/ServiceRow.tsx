import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { IconButton } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { Icon } from '../../components/icons.js';
import type { Currency } from '../../http/types.js';
import { useCatalogFormat } from './format.js';
import { useKeyLabels } from './labels.js';
import { type AnyService, isStoreService } from './types.js';

/** One service in the grouped list: colour, name, what it involves, duration and price. */
export function ServiceRow({
  service,
  fallbackColor,
  currency,
  onOpen,
  onEdit,
}: {
  service: AnyService;
  fallbackColor: string | null;
  currency: Currency;
  onOpen: () => void;
  /** In a store view, the HQ editor is a second action. */
  onEdit?: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useCatalogFormat(currency);
  const labels = useKeyLabels();
  const store = isStoreService(service) ? service : null;
  const color = service.color ?? fallbackColor;
  const meta = [
    service.processingMin ? t('catalog.service.gapShort', { duration: fmt.duration(service.processingMin) }) : null,
    service.resourceType ? labels.resourceType(service.resourceType) : null,
    service.staff.length ? t('catalog.service.staffCount', { count: service.staff.length }) : null,
    service.addOnIds.length ? t('catalog.service.addOnCount', { count: service.addOnIds.length }) : null,
  ].filter(Boolean);
  return (
    <li
      className={cx(
        'group relative flex items-stretch transition-colors hover:bg-orchid-50/50',
        service.archived || (store && !store.available) ? 'bg-zinc-50/70' : '',
      )}
      data-testid="service-row"
      data-service-id={service.id}
    >
      <button
        type="button"
        onClick={onOpen}
        className="flex min-w-0 flex-1 items-center gap-3 py-3 pl-4 pr-2 text-left focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-orchid-600"
      >
        <span
          aria-hidden="true"
          className={cx('w-1.5 self-stretch rounded-full', color ? '' : 'bg-zinc-200')}
          style={color ? { backgroundColor: color } : undefined}
        />
        <span className="min-w-0 flex-1">
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span
              className={cx('truncate font-medium', service.archived ? 'text-zinc-500' : 'text-zinc-900')}
              data-testid="service-row-name"
            >
              {service.displayName}
            </span>
            {service.archived ? <Badge>{t('catalog.archivedBadge')}</Badge> : null}
            {store && !store.available ? <Badge tone="warning">{t('catalog.hiddenAtStore')}</Badge> : null}
            {!service.onlineBookable ? <Badge tone="neutral">{t('catalog.service.notOnline')}</Badge> : null}
            {service.locks.length > 0 ? (
              <span
                className="inline-flex items-center text-zinc-400"
                title={t('catalog.locks.summary', { fields: service.locks.map((l) => t(`catalog.locks.short.${l}`)).join(', ') })}
                data-testid="service-row-locked"
              >
                <Icon name="lock" className="size-3.5" />
                <span className="sr-only">
                  {t('catalog.locks.summary', { fields: service.locks.map((l) => t(`catalog.locks.short.${l}`)).join(', ') })}
                </span>
              </span>
            ) : null}
          </span>
          {meta.length ? <span className="mt-0.5 block truncate text-sm text-zinc-500">{meta.join(' · ')}</span> : null}
        </span>
        <span className="flex shrink-0 flex-col items-end gap-0.5 text-right sm:flex-row sm:items-center sm:gap-6">
          <span className="text-sm text-zinc-600 sm:min-w-28" data-testid="service-row-duration">
            {fmt.duration(service.durationMin)}
            {store?.overridden.duration ? <Changed hq={fmt.duration(store.hq.durationMin)} /> : null}
          </span>
          <span className="font-medium tabular-nums text-zinc-900 sm:min-w-24" data-testid="service-row-price">
            {fmt.money(service.price)}
            {store?.overridden.price ? <Changed hq={fmt.money(store.hq.price)} /> : null}
          </span>
        </span>
        <Icon name="chevronRight" className="hidden size-4 text-zinc-300 group-hover:text-zinc-500 sm:block" />
      </button>
      {onEdit ? (
        <div className="flex items-center pr-2">
          <IconButton icon="pencil" size="sm" label={t('catalog.service.editHq')} onClick={onEdit} data-testid="service-row-edit" />
        </div>
      ) : null}
    </li>
  );
}

/** The store changed this value: show head office's beside it, struck through. */
function Changed({ hq }: { hq: string }) {
  const { t } = useTranslation();
  return (
    <span className="block whitespace-nowrap text-xs font-normal text-orchid-700" title={t('catalog.override.hqValue', { value: hq })}>
      {t('catalog.override.hqShort')} <span className="line-through decoration-orchid-400">{hq}</span>
    </span>
  );
}
