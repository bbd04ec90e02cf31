import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { useCatalogFormat } from './format.js';
import { FormSection } from './parts/FormSection.js';
import type { SetField } from './ServiceBasics.js';
import type { ServiceForm } from './serviceForm.js';
import { type AddOn, SERVICE_LOCKABLE, type ServiceLock } from './types.js';

/** Add-ons a client can add to this service. */
export function ServiceAddOns({ form, set, addOns }: { form: ServiceForm; set: SetField<ServiceForm>; addOns: AddOn[] }) {
  const { t } = useTranslation();
  const fmt = useCatalogFormat();
  const shown = addOns.filter((a) => !a.archived || form.addOnIds.includes(a.id));
  const toggle = (id: string, on: boolean) => set('addOnIds', on ? [...form.addOnIds, id] : form.addOnIds.filter((x) => x !== id));
  return (
    <FormSection
      title={t('catalog.service.sections.addOns')}
      description={t('catalog.service.sections.addOnsHint')}
      testId="service-form-add-ons"
    >
      {shown.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('catalog.service.addOnsEmpty')}</p>
      ) : (
        <div className="grid gap-3 rounded-xl bg-zinc-50 p-4 ring-1 ring-inset ring-zinc-200 sm:grid-cols-2">
          {shown.map((a) => (
            <Checkbox
              key={a.id}
              label={a.displayName}
              description={[fmt.money(a.price, { sign: true }), a.extraMin ? `+${fmt.duration(a.extraMin)}` : null]
                .filter(Boolean)
                .join(' · ')}
              checked={form.addOnIds.includes(a.id)}
              onChange={(e) => toggle(a.id, e.target.checked)}
              data-testid="service-add-on-check"
            />
          ))}
        </div>
      )}
    </FormSection>
  );
}

/** What head office locks so that no store can change it. */
export function ServiceLocks({ form, set }: { form: ServiceForm; set: SetField<ServiceForm> }) {
  const { t } = useTranslation();
  const toggle = (lock: ServiceLock, on: boolean) => set('locks', on ? [...form.locks, lock] : form.locks.filter((l) => l !== lock));
  return (
    <FormSection
      title={
        <span className="inline-flex items-center gap-1.5">
          <Icon name="lock" className="size-4 text-zinc-500" />
          {t('catalog.locks.title')}
        </span>
      }
      description={t('catalog.locks.hint')}
      testId="service-form-locks"
    >
      <div className="grid gap-3 sm:grid-cols-3">
        {SERVICE_LOCKABLE.map((lock) => (
          <Checkbox
            key={lock}
            label={t(`catalog.locks.${lock}`)}
            checked={form.locks.includes(lock)}
            onChange={(e) => toggle(lock, e.target.checked)}
            data-testid={`service-lock-${lock}`}
          />
        ))}
      </div>
    </FormSection>
  );
}
