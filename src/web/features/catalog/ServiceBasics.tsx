import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import { Input, Select, Textarea } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { type CatalogErrors, useErrText } from './errors.js';
import { ColorChip } from './parts/ColorChip.js';
import { ColorPalette } from './parts/ColorPalette.js';
import { FormSection } from './parts/FormSection.js';
import { TranslationInputs, TranslationsBox } from './parts/TranslationInputs.js';
import type { ServiceForm } from './serviceForm.js';
import type { Category } from './types.js';

export type SetField<F> = <K extends keyof F>(key: K, value: F[K]) => void;

/** Name, translations, description, category and colour. */
export function ServiceBasics({
  form,
  set,
  errors,
  categories,
}: {
  form: ServiceForm;
  set: SetField<ServiceForm>;
  errors: CatalogErrors;
  categories: Category[];
}) {
  const { t } = useTranslation();
  const err = useErrText();
  const [descTr, setDescTr] = useState(() => Object.values(form.descriptionTranslations).some(Boolean));
  const category = categories.find((c) => c.id === form.categoryId);
  return (
    <FormSection title={t('catalog.service.sections.basics')}>
      <Field label={t('catalog.service.name')} error={err(errors.name)} hint={t('catalog.service.nameHint')}>
        <Input
          data-testid="service-form-name"
          data-autofocus
          maxLength={120}
          value={form.name}
          onChange={(e) => set('name', e.target.value)}
        />
      </Field>
      <TranslationsBox
        value={form.nameTranslations}
        onChange={(v) => set('nameTranslations', v)}
        errors={errors}
        path="nameTranslations"
        testId="service-form-name"
        maxLength={120}
        base={form.name}
      />
      <Field label={t('catalog.service.description')} optional={t('common.optional')} error={err(errors.description)}>
        <Textarea
          data-testid="service-form-description"
          maxLength={2000}
          rows={3}
          value={form.description}
          onChange={(e) => set('description', e.target.value)}
        />
      </Field>
      {descTr ? (
        <TranslationInputs
          value={form.descriptionTranslations}
          onChange={(v) => set('descriptionTranslations', v)}
          errors={errors}
          path="descriptionTranslations"
          testId="service-form-description"
          maxLength={2000}
          multiline
          base={form.description}
        />
      ) : (
        <button
          type="button"
          className="-mt-2 inline-flex items-center gap-1.5 text-sm font-medium text-orchid-700 hover:text-orchid-900"
          onClick={() => setDescTr(true)}
          data-testid="service-form-description-translate"
        >
          <Icon name="globe" className="size-4" />
          {t('catalog.translations.addDescription')}
        </button>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('catalog.service.category')} error={err(errors.categoryId)}>
          <div className="relative">
            <Select
              data-testid="service-form-category"
              value={form.categoryId}
              onChange={(e) => set('categoryId', e.target.value)}
              className="[&_select]:pl-9"
            >
              <option value="">{t('catalog.uncategorised')}</option>
              {categories
                .filter((c) => !c.archived || c.id === form.categoryId)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.displayName}
                  </option>
                ))}
            </Select>
            <ColorChip color={category?.color} className="pointer-events-none absolute left-3 top-1/2 size-3.5 -translate-y-1/2" />
          </div>
        </Field>
      </div>
      <Field
        label={t('catalog.service.color')}
        optional={t('common.optional')}
        hint={t('catalog.service.colorHint')}
        error={err(errors.color)}
      >
        <ColorPalette value={form.color} onChange={(c) => set('color', c)} label={t('catalog.service.color')} testId="service-form-color" />
      </Field>
    </FormSection>
  );
}
