import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import { Switch } from '../../components/Input.js';
import { type CatalogErrors, useErrText } from './errors.js';
import { keyChoices, RESOURCE_TYPES, TAX_CLASSES, useKeyLabels } from './labels.js';
import { FormSection } from './parts/FormSection.js';
import { KeySelect } from './parts/KeySelect.js';
import { MoneyInput } from './parts/MoneyInput.js';
import type { SetField } from './ServiceBasics.js';
import type { ServiceForm } from './serviceForm.js';

/** Price, tax class, the room or chair it needs, online booking. */
export function ServicePricing({
  form,
  set,
  errors,
  currency,
  usedTaxClasses,
  usedResourceTypes,
}: {
  form: ServiceForm;
  set: SetField<ServiceForm>;
  errors: CatalogErrors;
  currency: string;
  usedTaxClasses: string[];
  usedResourceTypes: string[];
}) {
  const { t } = useTranslation();
  const err = useErrText();
  const labels = useKeyLabels();
  return (
    <FormSection title={t('catalog.service.sections.pricing')}>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('catalog.service.price')} error={err(errors.price)} hint={t('catalog.service.priceHint')}>
          <MoneyInput
            data-testid="service-form-price"
            currency={currency}
            value={form.price}
            onChange={(v) => set('price', v)}
            placeholder="0.00"
          />
        </Field>
        <Field label={t('catalog.taxClass')} error={err(errors.taxClass)} hint={t('catalog.taxClassHint')}>
          <KeySelect
            testId="service-form-tax-class"
            value={form.taxClass}
            onChange={(v) => set('taxClass', v)}
            choices={keyChoices(TAX_CLASSES, [...usedTaxClasses, form.taxClass]).map((k) => ({ key: k, label: labels.taxClass(k) }))}
          />
        </Field>
        <Field label={t('catalog.service.resourceType')} error={err(errors.resourceType)} hint={t('catalog.service.resourceTypeHint')}>
          <KeySelect
            testId="service-form-resource-type"
            value={form.resourceType}
            onChange={(v) => set('resourceType', v)}
            emptyLabel={t('catalog.service.resourceTypeNone')}
            choices={keyChoices(RESOURCE_TYPES, [...usedResourceTypes, form.resourceType]).map((k) => ({
              key: k,
              label: labels.resourceType(k),
            }))}
          />
        </Field>
        <div className="flex flex-col justify-center gap-1 sm:pt-6">
          <Switch
            checked={form.onlineBookable}
            onChange={(v) => set('onlineBookable', v)}
            label={t('catalog.service.onlineBookable')}
            data-testid="service-form-online"
          />
          <p className="pl-12.5 text-sm text-zinc-500">{t('catalog.service.onlineBookableHint')}</p>
        </div>
      </div>
    </FormSection>
  );
}
