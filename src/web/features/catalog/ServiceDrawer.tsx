import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Drawer } from '../../components/Drawer.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { isApiError, unplacedErrors } from '../../http/problem.js';
import { focusFirstError } from '../../lib/validation.js';
import {
  addOnsQuery,
  archiveService,
  categoriesQuery,
  createService,
  deleteService,
  resourcesQuery,
  serviceQuery,
  setServiceStaff,
  updateService,
} from './api.js';
import { ArchivedLine, CatalogFormButtons, CatalogItemActions, useCatalogLifecycle } from './CatalogItemActions.js';
import { fromServer } from './errors.js';
import { useCatalogAccess, useCatalogFormat } from './format.js';
import { ServiceBasics } from './ServiceBasics.js';
import { ServiceAddOns, ServiceLocks } from './ServiceExtras.js';
import { ServicePricing } from './ServicePricing.js';
import { assignable, assignableStaffQuery, ServiceStaff } from './ServiceStaff.js';
import { ServiceStores } from './ServiceStores.js';
import { ServiceTiming } from './ServiceTiming.js';
import {
  SERVICE_FIELDS,
  type ServiceForm,
  staffChanged,
  staffErrorsById,
  staffList,
  toServiceBody,
  toServiceForm,
  validateService,
} from './serviceForm.js';
import type { Service, ServiceOverride, StaffLink } from './types.js';
import { useCatalogForm } from './useCatalogForm.js';

type ServiceWithOverrides = Service & { overrides?: Array<ServiceOverride & { storeId: string }> };

/** Create (serviceId null) or edit a service of the HQ catalog; read-only without catalog.write. */
export function ServiceDrawer({
  serviceId,
  categoryId,
  onClose,
  onOverride,
}: {
  serviceId: string | null;
  categoryId?: string;
  onClose: () => void;
  onOverride: (serviceId: string, storeId: string) => void;
}) {
  const { t } = useTranslation();
  const service = useQuery({ ...serviceQuery(serviceId ?? ''), enabled: !!serviceId });
  if (serviceId && !service.data) {
    return (
      <Drawer open onClose={onClose} title={t('catalog.service.loading')} testId="service-drawer" width="max-w-3xl">
        {service.isError ? <ProblemAlert error={service.error} /> : <Loading label={t('common.loading')} />}
      </Drawer>
    );
  }
  return (
    <ServiceEditor
      key={service.data?.id ?? 'new'}
      service={service.data ?? null}
      categoryId={categoryId}
      onClose={onClose}
      onOverride={onOverride}
      reload={async () => (await service.refetch()).data ?? null}
    />
  );
}

function ServiceEditor({
  service,
  categoryId,
  onClose,
  onOverride,
  reload,
}: {
  service: ServiceWithOverrides | null;
  categoryId?: string;
  onClose: () => void;
  onOverride: (serviceId: string, storeId: string) => void;
  reload: () => Promise<ServiceWithOverrides | null>;
}) {
  const { t } = useTranslation();
  const { canWrite, canOverride } = useCatalogAccess();
  const [current, setCurrent] = useState<Service | null>(service);
  const { formRef, form, setForm, errors, setErrors, set, handleSubmit } = useCatalogForm<ServiceForm>(
    () => toServiceForm(service, { categoryId }),
    validateService,
  );
  const categories = useQuery(categoriesQuery({ includeArchived: true }));
  const addOns = useQuery(addOnsQuery({ includeArchived: true }));
  const staff = useQuery(assignableStaffQuery);
  const resources = useQuery(resourcesQuery(undefined));
  const staffOrder = assignable(staff.data?.data).map((s) => s.id);
  const readOnly = !canWrite;
  const currency = useCatalogFormat().currency;

  const lifecycle = useCatalogLifecycle({
    kind: 'service',
    restore: () => updateService(current?.id ?? '', { version: current?.version ?? 0, archived: false }),
    archive: () => archiveService(current?.id ?? ''),
    onClose,
  });
  const { finish, restore, archive } = lifecycle;

  // The staff list goes in its own request when editing; remember which part failed to place errors.
  const sent = useRef<{ phase: 'service' | 'staff'; staff: StaffLink[] }>({ phase: 'service', staff: [] });
  const save = useMutation({
    mutationFn: async () => {
      const body = toServiceBody(form);
      const links = staffList(form, staffOrder);
      sent.current = { phase: 'service', staff: links };
      if (!current) return createService({ ...body, staff: links });
      let saved = await updateService(current.id, { ...body, version: current.version });
      setCurrent(saved);
      const before = current.staff.filter((s) => staffOrder.includes(s.staffId));
      if (staffChanged(before, links)) {
        sent.current.phase = 'staff';
        saved = await setServiceStaff(current.id, links);
        setCurrent(saved);
      }
      return saved;
    },
    onSuccess: (saved) =>
      finish(current ? t('catalog.service.saved', { name: saved.displayName }) : t('catalog.service.created', { name: saved.displayName })),
    onError: (error) => {
      const raw = fromServer(error, sent.current.phase === 'staff' ? { prefix: 'staff' } : {});
      setErrors(staffErrorsById(raw, sent.current.staff));
      focusFirstError(formRef.current);
    },
  });

  const stale = isApiError(save.error) && save.error.code === 'stale_version';
  const reloadFresh = async () => {
    const fresh = await reload();
    if (fresh) {
      setCurrent(fresh);
      setForm(toServiceForm(fresh));
    }
    save.reset();
    setErrors({});
  };

  // A manager's business here is their stores: first. An owner edits HQ first, stores after.
  const stores =
    current && canOverride && service ? (
      <ServiceStores service={service} onOverride={(storeId) => onOverride(service.id, storeId)} />
    ) : null;
  const category = categories.data?.find((c) => c.id === current?.categoryId);
  const bannerError = save.error ?? restore.error ?? archive.error;

  return (
    <Drawer
      open
      onClose={onClose}
      testId="service-drawer"
      width="max-w-3xl"
      title={current ? current.displayName : t('catalog.service.addTitle')}
      description={
        current ? (
          <ArchivedLine archived={current.archived}>{category?.displayName ?? t('catalog.uncategorised')}</ArchivedLine>
        ) : (
          t('catalog.service.addDescription')
        )
      }
      footer={
        <>
          {current && canWrite ? (
            <CatalogItemActions
              kind="service"
              item={current}
              lifecycle={lifecycle}
              remove={() => deleteService(current.id)}
              archiveNow={() => archiveService(current.id)}
            />
          ) : null}
          <CatalogFormButtons
            kind="service"
            readOnly={readOnly}
            saving={save.isPending}
            label={current ? t('common.save') : t('catalog.service.add')}
            onClose={onClose}
          />
        </>
      }
    >
      <form id="service-form" ref={formRef} onSubmit={handleSubmit(() => save.mutate())} noValidate className="space-y-6">
        {bannerError ? (
          <ProblemAlert
            error={bannerError}
            extra={save.error ? unplacedErrors(save.error, [...SERVICE_FIELDS, ...staffOrder.map((_, i) => String(i))]) : undefined}
            action={
              stale ? (
                <Button size="sm" icon="refresh" onClick={() => void reloadFresh()}>
                  {t('common.reload')}
                </Button>
              ) : undefined
            }
          />
        ) : null}
        {readOnly ? stores : null}
        <fieldset disabled={readOnly} className="space-y-6">
          <ServiceBasics form={form} set={set} errors={errors} categories={categories.data ?? []} />
          <ServiceTiming form={form} set={set} errors={errors} />
          <ServicePricing
            form={form}
            set={set}
            errors={errors}
            currency={currency}
            usedTaxClasses={[]}
            usedResourceTypes={(resources.data ?? []).map((r) => r.type)}
          />
          <ServiceStaff form={form} set={set} errors={errors} currency={currency} />
          <ServiceAddOns form={form} set={set} addOns={addOns.data ?? []} />
          {canWrite ? <ServiceLocks form={form} set={set} /> : null}
        </fieldset>
        {readOnly ? null : stores}
      </form>
    </Drawer>
  );
}
