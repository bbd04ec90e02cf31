import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Drawer } from '../../components/Drawer.js';
import { Icon } from '../../components/icons.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { useMe } from '../auth/session.js';
import { addOnsQuery, categoriesQuery, serviceQuery, storeServiceQuery } from './api.js';
import { useCatalogAccess, useCatalogFormat } from './format.js';
import { useKeyLabels } from './labels.js';
import { TimelineBar } from './parts/TimelineBar.js';
import { assignableStaffQuery } from './ServiceStaff.js';
import { ServiceStores } from './ServiceStores.js';
import { type AnyService, isStoreService } from './types.js';

/**
 * What staff who cannot edit the HQ catalog see: the service as a menu card (at their store when one
 * is chosen), who performs it and for how much, its add-ons; managers adjust their stores from here.
 */
export function ServiceDetailsDrawer({
  serviceId,
  storeId,
  onClose,
  onOverride,
}: {
  serviceId: string;
  storeId?: string;
  onClose: () => void;
  onOverride: (serviceId: string, storeId: string) => void;
}) {
  const { t } = useTranslation();
  const { canOverride } = useCatalogAccess();
  const hq = useQuery({ ...serviceQuery(serviceId), enabled: !storeId || canOverride });
  const atStore = useQuery({ ...storeServiceQuery(serviceId, storeId ?? ''), enabled: !!storeId });
  const service: AnyService | undefined = storeId ? atStore.data : hq.data;
  const error = storeId ? atStore.error : hq.error;
  return (
    <Drawer
      open
      onClose={onClose}
      testId="service-details"
      width="max-w-2xl"
      title={service?.displayName ?? t('catalog.service.loading')}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      {service ? (
        <div className="space-y-6">
          {canOverride && hq.data ? <ServiceStores service={hq.data} onOverride={(sid) => onOverride(serviceId, sid)} /> : null}
          <Details service={service} />
        </div>
      ) : error ? (
        <ProblemAlert error={error} />
      ) : (
        <Loading label={t('common.loading')} />
      )}
    </Drawer>
  );
}

function Details({ service }: { service: AnyService }) {
  const { t } = useTranslation();
  const me = useMe();
  const store = isStoreService(service) ? me.stores.find((s) => s.id === service.storeId) : undefined;
  const fmt = useCatalogFormat(store?.currency);
  const labels = useKeyLabels();
  const categories = useQuery(categoriesQuery({ includeArchived: true }));
  const addOns = useQuery(addOnsQuery({ includeArchived: true }));
  const staff = useQuery(assignableStaffQuery);
  const category = categories.data?.find((c) => c.id === service.categoryId);
  const color = service.color ?? category?.color ?? null;
  const people = service.staff.map((link) => ({ link, person: staff.data?.data.find((s) => s.id === link.staffId) }));
  const attached = (addOns.data ?? []).filter((a) => service.addOnIds.includes(a.id) && !a.archived);

  return (
    <>
      <section className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          {category ? <Badge>{category.displayName}</Badge> : null}
          {service.archived ? <Badge>{t('catalog.archivedBadge')}</Badge> : null}
          {isStoreService(service) && !service.available ? <Badge tone="warning">{t('catalog.hiddenAtStore')}</Badge> : null}
          <Badge tone={service.onlineBookable ? 'success' : 'neutral'}>
            {service.onlineBookable ? t('catalog.service.onlineBookable') : t('catalog.service.notOnline')}
          </Badge>
        </div>
        {service.displayDescription ? <p className="text-sm text-zinc-600">{service.displayDescription}</p> : null}
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <Fact label={store ? t('catalog.details.priceAt', { store: store.name }) : t('catalog.service.price')}>
            <span className="text-lg font-semibold tabular-nums text-zinc-900" data-testid="service-details-price">
              {fmt.money(service.price)}
            </span>
          </Fact>
          <Fact label={t('catalog.service.duration')}>
            <span className="text-lg font-semibold text-zinc-900">{fmt.duration(service.durationMin)}</span>
          </Fact>
          {service.resourceType ? <Fact label={t('catalog.service.resourceType')}>{labels.resourceType(service.resourceType)}</Fact> : null}
        </dl>
        <TimelineBar
          timing={{
            bufferBeforeMin: service.bufferBeforeMin,
            durationMin: service.durationMin,
            bufferAfterMin: service.bufferAfterMin,
            processingStartMin: service.processingStartMin,
            processingMin: service.processingMin,
          }}
          color={color}
        />
      </section>
      <section className="space-y-2">
        <h3 className="text-sm font-semibold text-zinc-900">{t('catalog.service.sections.staff')}</h3>
        {people.length === 0 ? (
          <p className="text-sm text-zinc-500">{t('catalog.details.noStaff')}</p>
        ) : (
          <ul className="divide-y divide-zinc-100 rounded-xl ring-1 ring-zinc-200" data-testid="service-details-staff">
            {people.map(({ link, person }) => (
              <li key={link.staffId} className="flex items-center gap-3 px-4 py-2.5">
                <Avatar name={person?.displayName ?? '?'} seed={link.staffId} className="size-8 text-xs" />
                <span className="min-w-0 flex-1 truncate text-sm font-medium text-zinc-900">{person?.displayName ?? '—'}</span>
                <span className="text-sm text-zinc-600">{fmt.duration(link.durationMin ?? service.durationMin)}</span>
                <span className="w-20 text-right text-sm font-medium tabular-nums text-zinc-900">
                  {fmt.money(link.price ?? service.price)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {attached.length ? (
        <section className="space-y-2">
          <h3 className="text-sm font-semibold text-zinc-900">{t('catalog.service.sections.addOns')}</h3>
          <ul className="grid gap-2 sm:grid-cols-2">
            {attached.map((a) => (
              <li
                key={a.id}
                className="flex items-center justify-between gap-3 rounded-lg bg-zinc-50 px-3 py-2 text-sm ring-1 ring-inset ring-zinc-200"
              >
                <span className="truncate text-zinc-800">{a.displayName}</span>
                <span className="shrink-0 tabular-nums text-zinc-600">
                  {fmt.money(a.price, { sign: true })}
                  {a.extraMin ? ` · +${fmt.duration(a.extraMin)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {service.locks.length ? (
        <p className="flex items-center gap-1.5 text-sm text-zinc-500">
          <Icon name="lock" className="size-4" />
          {t('catalog.locks.summary', { fields: service.locks.map((l) => t(`catalog.locks.short.${l}`)).join(', ') })}
        </p>
      ) : null}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-xl bg-zinc-50 px-4 py-3 ring-1 ring-inset ring-zinc-200">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-zinc-800">{children}</dd>
    </div>
  );
}
