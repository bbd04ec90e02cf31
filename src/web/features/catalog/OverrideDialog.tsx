import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { Dialog } from '../../components/Dialog.js';
import { Field } from '../../components/Field.js';
import { Switch } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { useToast } from '../../components/Toast.js';
import { isApiError } from '../../http/problem.js';
import { useMe } from '../auth/session.js';
import { setProductOverride, setServiceOverride, storeProductQuery, storeServiceQuery } from './api.js';
import { type CatalogErrors, fromServer, useErrText } from './errors.js';
import { useCatalogFormat } from './format.js';
import { centsToInput, parseMoney } from './money.js';
import { DurationSelect } from './parts/DurationSelect.js';
import { MoneyInput } from './parts/MoneyInput.js';
import { StoreSelect } from './parts/StoreSelect.js';
import type { StoreProduct, StoreService } from './types.js';

type Item = StoreService | StoreProduct;
type Lock = 'price' | 'duration' | 'available';

interface OverrideForm {
  ownPrice: boolean;
  price: string;
  ownDuration: boolean;
  durationMin: number;
  offered: boolean;
}

function toForm(item: Item): OverrideForm {
  const locked = (f: Lock) => (item.locks as string[]).includes(f);
  const ownPrice = item.overridden.price && !locked('price');
  const service = 'durationMin' in item ? item : null;
  return {
    ownPrice,
    price: centsToInput(ownPrice ? item.price : item.hq.price),
    ownDuration: !!service && service.overridden.duration && !locked('duration'),
    durationMin: service ? service.durationMin : 30,
    offered: item.available,
  };
}

/**
 * A store's own price, duration (services) and availability, where head office has not locked them.
 * Locked fields are shown, disabled, with the reason.
 */
export function OverrideDialog({
  kind,
  itemId,
  storeId: initialStore,
  onClose,
}: {
  kind: 'service' | 'product';
  itemId: string;
  storeId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [storeId, setStoreId] = useState(initialStore);
  const store = me.stores.find((s) => s.id === storeId);
  const serviceItem = useQuery({ ...storeServiceQuery(itemId, storeId), enabled: kind === 'service' });
  const productItem = useQuery({ ...storeProductQuery(itemId, storeId), enabled: kind === 'product' });
  const item = kind === 'service' ? serviceItem : productItem;
  return (
    <Dialog
      open
      onClose={onClose}
      icon="store"
      title={item.data ? t('catalog.override.title', { name: item.data.displayName }) : t('catalog.override.titleLoading')}
      testId="override-dialog"
    >
      {me.stores.length > 1 ? (
        <div className="mb-4">
          <StoreSelect value={storeId} onChange={setStoreId} allowHq={false} testId="override-store" className="w-full" />
        </div>
      ) : null}
      {item.isPending ? (
        <Loading label={t('common.loading')} />
      ) : item.isError ? (
        <ProblemAlert error={item.error} />
      ) : (
        <OverrideForm
          key={`${item.data.id}:${storeId}`}
          kind={kind}
          item={item.data}
          storeName={store?.name ?? ''}
          currency={store?.currency}
          onClose={onClose}
          refetch={() => void item.refetch()}
        />
      )}
    </Dialog>
  );
}

function OverrideForm({
  kind,
  item,
  storeName,
  currency,
  onClose,
  refetch,
}: {
  kind: 'service' | 'product';
  item: Item;
  storeName: string;
  currency: 'USD' | 'CAD' | undefined;
  onClose: () => void;
  refetch: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const err = useErrText();
  const fmt = useCatalogFormat(currency);
  const [form, setForm] = useState<OverrideForm>(() => toForm(item));
  const [errors, setErrors] = useState<CatalogErrors>({});
  const locked = (f: Lock) => (item.locks as string[]).includes(f);
  const service = kind === 'service' ? (item as StoreService) : null;

  // Head office may lock a field while the dialog is open: the 422 reloads the item, and a locked
  // field then shows as following head office whatever was typed.
  const own = { price: form.ownPrice && !locked('price'), duration: form.ownDuration && !locked('duration') };

  const save = useMutation({
    mutationFn: (reset: boolean): Promise<Item> => {
      const price = !reset && own.price ? parseMoney(form.price) : null;
      const available = reset || locked('available') || form.offered ? null : false;
      if (service) {
        const durationMin = !reset && own.duration ? form.durationMin : null;
        return setServiceOverride(item.id, item.storeId, { price, durationMin, available });
      }
      return setProductOverride(item.id, item.storeId, { price, available });
    },
    onSuccess: (_saved, reset) => {
      void queryClient.invalidateQueries({ queryKey: ['catalog'] });
      toast(reset ? t('catalog.override.resetDone', { store: storeName }) : t('catalog.override.saved', { store: storeName }));
      onClose();
    },
    onError: (error) => {
      setErrors(fromServer(error));
      if (isApiError(error) && error.code === 'field_locked') refetch();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: CatalogErrors = {};
    if (own.price && parseMoney(form.price) === null) found.price = { key: 'catalog.validation.money' };
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(false);
  };

  const anyOverride = item.overridden.price || item.overridden.available || (service?.overridden.duration ?? false);

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="override-form">
      <p>{t(kind === 'service' ? 'catalog.override.bodyService' : 'catalog.override.bodyProduct', { store: storeName })}</p>
      {save.error ? <ProblemAlert error={save.error} testId="override-error" /> : null}
      <OverrideRow
        title={t('catalog.override.price')}
        hq={t('catalog.override.hqValue', { value: fmt.money(item.hq.price) })}
        locked={locked('price')}
        testId="override-price"
      >
        <Switch
          checked={own.price}
          disabled={locked('price')}
          onChange={(on) => setForm({ ...form, ownPrice: on })}
          label={t('catalog.override.ownPrice')}
          data-testid="override-price-switch"
        />
        {own.price ? (
          <Field label={<span className="sr-only">{t('catalog.override.price')}</span>} error={err(errors.price)}>
            <MoneyInput
              data-testid="override-price-input"
              currency={fmt.currency}
              value={form.price}
              onChange={(v) => setForm({ ...form, price: v })}
              className="max-w-40"
            />
          </Field>
        ) : null}
      </OverrideRow>
      {service ? (
        <OverrideRow
          title={t('catalog.override.duration')}
          hq={t('catalog.override.hqValue', { value: fmt.duration(service.hq.durationMin) })}
          locked={locked('duration')}
          testId="override-duration"
        >
          <Switch
            checked={own.duration}
            disabled={locked('duration')}
            onChange={(on) => setForm({ ...form, ownDuration: on, durationMin: on ? form.durationMin : service.hq.durationMin })}
            label={t('catalog.override.ownDuration')}
            data-testid="override-duration-switch"
          />
          {own.duration ? (
            <Field label={<span className="sr-only">{t('catalog.override.duration')}</span>} error={err(errors.durationMin)}>
              <DurationSelect
                data-testid="override-duration-input"
                min={5}
                max={600}
                value={form.durationMin}
                onChange={(v) => setForm({ ...form, durationMin: v ?? service.hq.durationMin })}
                className="max-w-48"
              />
            </Field>
          ) : null}
        </OverrideRow>
      ) : null}
      <OverrideRow title={t('catalog.override.available')} locked={locked('available')} testId="override-available">
        <Switch
          checked={locked('available') ? true : form.offered}
          disabled={locked('available')}
          onChange={(on) => setForm({ ...form, offered: on })}
          label={t(kind === 'service' ? 'catalog.override.offeredService' : 'catalog.override.offeredProduct', { store: storeName })}
          data-testid="override-available-switch"
        />
        {errors.available ? <p className="text-sm text-red-700">{err(errors.available)}</p> : null}
      </OverrideRow>
      <div className="flex flex-wrap items-center justify-end gap-2 pt-2">
        {anyOverride ? (
          <Button
            variant="ghost"
            icon="refresh"
            className="mr-auto"
            onClick={() => save.mutate(true)}
            disabled={save.isPending}
            data-testid="override-reset"
          >
            {t('catalog.override.reset')}
          </Button>
        ) : null}
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" loading={save.isPending && !save.variables} data-testid="override-save">
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}

function OverrideRow({
  title,
  hq,
  locked,
  children,
  testId,
}: {
  title: string;
  hq?: string;
  locked: boolean;
  children: React.ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset
      data-testid={testId}
      data-locked={locked || undefined}
      className={cx('space-y-3 rounded-xl p-4 ring-1 ring-inset', locked ? 'bg-zinc-50 ring-zinc-200' : 'bg-white ring-zinc-200')}
    >
      <legend className="sr-only">{title}</legend>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-semibold text-zinc-900">{title}</p>
        <div className="flex items-center gap-2">
          {hq ? <span className="text-sm text-zinc-500 tabular-nums">{hq}</span> : null}
          {locked ? (
            <Badge tone="warning">
              <Icon name="lock" className="size-3" />
              {t('catalog.override.locked')}
            </Badge>
          ) : null}
        </div>
      </div>
      <div className={cx('space-y-3', locked && 'pointer-events-none opacity-60')}>{children}</div>
      {locked ? (
        <p className="flex items-start gap-1.5 text-sm text-zinc-500" data-testid={`${testId}-lock-reason`}>
          <Icon name="lock" className="mt-0.5 size-4 text-zinc-400" />
          {t('catalog.override.lockedReason')}
        </p>
      ) : null}
    </fieldset>
  );
}
