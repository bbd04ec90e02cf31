import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Drawer } from '../../components/Drawer.js';
import { Field } from '../../components/Field.js';
import { Checkbox, Input, Select } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { isApiError, unplacedErrors } from '../../http/problem.js';
import { focusFirstError } from '../../lib/validation.js';
import { archiveProduct, createProduct, deleteProduct, productQuery, updateProduct } from './api.js';
import { ArchivedLine, CatalogFormButtons, CatalogItemActions, useCatalogLifecycle } from './CatalogItemActions.js';
import { fromServer, useErrText } from './errors.js';
import { useCatalogAccess, useCatalogFormat } from './format.js';
import { keyChoices, TAX_CLASSES, useKeyLabels } from './labels.js';
import { parseMoney } from './money.js';
import { FormSection } from './parts/FormSection.js';
import { KeySelect } from './parts/KeySelect.js';
import { MoneyInput } from './parts/MoneyInput.js';
import { TranslationsBox } from './parts/TranslationInputs.js';
import {
  marginPercent,
  PRODUCT_CODE_FIELDS,
  PRODUCT_FIELDS,
  type ProductForm,
  toProductBody,
  toProductForm,
  validateProduct,
} from './productForm.js';
import { PRODUCT_LOCKABLE, PRODUCT_USAGES, type Product, UNITS } from './types.js';
import { useCatalogForm } from './useCatalogForm.js';

/** The drawer for a product by id (head office values, whatever store the list shows), or a new one. */
export function ProductDrawerLoader({
  productId,
  barcode,
  onClose,
  onOverride,
}: {
  productId: string | null;
  barcode?: string;
  onClose: () => void;
  onOverride?: () => void;
}) {
  const { t } = useTranslation();
  const product = useQuery({ ...productQuery(productId ?? ''), enabled: !!productId });
  if (productId && !product.data) {
    return (
      <Drawer open onClose={onClose} title={t('catalog.product.loading')} testId="product-drawer" width="max-w-2xl">
        {product.isError ? <ProblemAlert error={product.error} /> : <Loading label={t('common.loading')} />}
      </Drawer>
    );
  }
  return (
    <ProductDrawer
      key={product.data?.id ?? 'new'}
      product={product.data ?? null}
      barcode={barcode}
      onClose={onClose}
      onOverride={onOverride}
    />
  );
}

/** Create or edit a product of the HQ catalog (read-only without catalog.write). */
function ProductDrawer({
  product,
  barcode,
  onClose,
  onOverride,
}: {
  product: Product | null;
  /** A scanned code no product has yet: a new product starts with it. */
  barcode?: string;
  onClose: () => void;
  onOverride?: () => void;
}) {
  const { t } = useTranslation();
  const err = useErrText();
  const fmt = useCatalogFormat();
  const labels = useKeyLabels();
  const { canWrite, canOverride } = useCatalogAccess();
  const readOnly = !canWrite;
  const [current, setCurrent] = useState(product);
  const { formRef, form, errors, setErrors, set, handleSubmit } = useCatalogForm<ProductForm>(
    () => toProductForm(product, { barcode }),
    validateProduct,
  );

  const lifecycle = useCatalogLifecycle({
    kind: 'product',
    restore: () => updateProduct(current?.id ?? '', { version: current?.version ?? 0, archived: false }),
    archive: () => archiveProduct(current?.id ?? ''),
    onArchived: setCurrent,
    onClose,
  });
  const { finish, restore, archive } = lifecycle;
  const save = useMutation({
    mutationFn: () =>
      current ? updateProduct(current.id, { ...toProductBody(form), version: current.version }) : createProduct(toProductBody(form)),
    onSuccess: (saved) =>
      finish(current ? t('catalog.product.saved', { name: saved.displayName }) : t('catalog.product.created', { name: saved.displayName })),
    onError: (error) => {
      setErrors(fromServer(error, { codeFields: PRODUCT_CODE_FIELDS }));
      focusFirstError(formRef.current);
    },
  });

  const margin = marginPercent(parseMoney(form.price), form.cost.trim() ? parseMoney(form.cost) : null);
  const placed = isApiError(save.error) && save.error.code in PRODUCT_CODE_FIELDS;
  const bannerError = (placed ? null : save.error) ?? restore.error ?? archive.error;

  return (
    <Drawer
      open
      onClose={onClose}
      testId="product-drawer"
      width="max-w-2xl"
      title={current ? current.displayName : t('catalog.product.addTitle')}
      description={
        current ? (
          <ArchivedLine archived={current.archived}>
            <span className="font-mono text-xs">{current.sku}</span>
          </ArchivedLine>
        ) : (
          t('catalog.product.addDescription')
        )
      }
      footer={
        <>
          {current && canWrite ? (
            <CatalogItemActions
              kind="product"
              item={current}
              lifecycle={lifecycle}
              remove={() => deleteProduct(current.id)}
              archiveNow={() => archiveProduct(current.id)}
            />
          ) : current && canOverride && onOverride ? (
            <Button icon="sliders" className="mr-auto" onClick={onOverride} data-testid="product-store-adjust">
              {t('catalog.override.adjust')}
            </Button>
          ) : null}
          <CatalogFormButtons
            kind="product"
            readOnly={readOnly}
            saving={save.isPending}
            label={current ? t('common.save') : t('catalog.product.add')}
            onClose={onClose}
          />
        </>
      }
    >
      <form id="product-form" ref={formRef} onSubmit={handleSubmit(() => save.mutate())} noValidate>
        <fieldset disabled={readOnly} className="space-y-6">
          {bannerError ? <ProblemAlert error={bannerError} extra={unplacedErrors(save.error, PRODUCT_FIELDS)} /> : null}
          <FormSection title={t('catalog.product.sections.identity')}>
            <div className="grid gap-5 sm:grid-cols-2">
              <Field label={t('catalog.product.sku')} error={err(errors.sku)} hint={t('catalog.product.skuHint')}>
                <Input
                  data-testid="product-form-sku"
                  data-autofocus={!barcode || undefined}
                  className="font-mono"
                  maxLength={64}
                  autoCapitalize="characters"
                  spellCheck={false}
                  value={form.sku}
                  onChange={(e) => set('sku', e.target.value)}
                />
              </Field>
              <Field
                label={t('catalog.product.barcode')}
                optional={t('common.optional')}
                error={err(errors.barcode)}
                hint={t('catalog.product.barcodeHint')}
              >
                <Input
                  data-testid="product-form-barcode"
                  className="font-mono"
                  inputMode="numeric"
                  maxLength={64}
                  spellCheck={false}
                  value={form.barcode}
                  onChange={(e) => set('barcode', e.target.value)}
                />
              </Field>
            </div>
            <div className="grid gap-5 sm:grid-cols-2">
              <Field label={t('catalog.product.name')} error={err(errors.name)}>
                <Input
                  data-testid="product-form-name"
                  data-autofocus={barcode ? true : undefined}
                  maxLength={120}
                  value={form.name}
                  onChange={(e) => set('name', e.target.value)}
                />
              </Field>
              <Field label={t('catalog.product.brand')} optional={t('common.optional')} error={err(errors.brand)}>
                <Input data-testid="product-form-brand" maxLength={120} value={form.brand} onChange={(e) => set('brand', e.target.value)} />
              </Field>
            </div>
            <TranslationsBox
              value={form.nameTranslations}
              onChange={(v) => set('nameTranslations', v)}
              errors={errors}
              path="nameTranslations"
              testId="product-form-name"
              maxLength={120}
              base={form.name}
            />
          </FormSection>
          <FormSection title={t('catalog.product.sections.pricing')}>
            <div className="grid gap-5 sm:grid-cols-3">
              <Field label={t('catalog.product.price')} error={err(errors.price)}>
                <MoneyInput
                  data-testid="product-form-price"
                  currency={fmt.currency}
                  value={form.price}
                  onChange={(v) => set('price', v)}
                  placeholder="0.00"
                />
              </Field>
              <Field
                label={t('catalog.product.cost')}
                optional={t('common.optional')}
                error={err(errors.cost)}
                hint={margin !== null ? t('catalog.product.margin', { percent: margin }) : undefined}
              >
                <MoneyInput
                  data-testid="product-form-cost"
                  currency={fmt.currency}
                  value={form.cost}
                  onChange={(v) => set('cost', v)}
                  placeholder="0.00"
                />
              </Field>
              <Field label={t('catalog.taxClass')} error={err(errors.taxClass)}>
                <KeySelect
                  testId="product-form-tax-class"
                  value={form.taxClass}
                  onChange={(v) => set('taxClass', v)}
                  choices={keyChoices(TAX_CLASSES, [form.taxClass]).map((k) => ({ key: k, label: labels.taxClass(k) }))}
                />
              </Field>
            </div>
          </FormSection>
          <FormSection title={t('catalog.product.sections.use')}>
            <fieldset>
              <legend className="mb-2 text-sm font-medium text-zinc-800">{t('catalog.product.usage')}</legend>
              <div className="grid gap-2 sm:grid-cols-3" role="radiogroup">
                {PRODUCT_USAGES.map((u) => (
                  <label
                    key={u}
                    className="flex cursor-pointer items-start gap-3 rounded-xl p-3 ring-1 ring-inset ring-zinc-200 has-[:checked]:bg-orchid-50 has-[:checked]:ring-2 has-[:checked]:ring-orchid-600"
                  >
                    <input
                      type="radio"
                      name="usage"
                      className="mt-0.5 accent-orchid-700"
                      checked={form.usage === u}
                      onChange={() => set('usage', u)}
                      data-testid={`product-form-usage-${u}`}
                    />
                    <span>
                      <span className="block text-sm font-medium text-zinc-900">{t(`catalog.product.usages.${u}`)}</span>
                      <span className="block text-xs text-zinc-500">{t(`catalog.product.usageHints.${u}`)}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="grid gap-5 sm:grid-cols-2">
              <Field
                label={t('catalog.product.size')}
                optional={t('common.optional')}
                error={err(errors.size)}
                hint={t('catalog.product.sizeHint')}
              >
                <Input
                  data-testid="product-form-size"
                  inputMode="decimal"
                  maxLength={12}
                  value={form.size}
                  onChange={(e) => set('size', e.target.value)}
                />
              </Field>
              <Field label={t('catalog.product.unit')} optional={t('common.optional')} error={err(errors.unit)}>
                <Select
                  data-testid="product-form-unit"
                  value={form.unit}
                  onChange={(e) => set('unit', e.target.value as ProductForm['unit'])}
                >
                  <option value="">{t('catalog.product.noUnit')}</option>
                  {UNITS.map((u) => (
                    <option key={u} value={u}>
                      {t(`catalog.units.${u}`)}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          </FormSection>
          {canWrite ? (
            <FormSection
              title={
                <span className="inline-flex items-center gap-1.5">
                  <Icon name="lock" className="size-4 text-zinc-500" />
                  {t('catalog.locks.title')}
                </span>
              }
              description={t('catalog.locks.hint')}
            >
              <div className="grid gap-3 sm:grid-cols-2">
                {PRODUCT_LOCKABLE.map((lock) => (
                  <Checkbox
                    key={lock}
                    label={t(`catalog.locks.${lock}`)}
                    checked={form.locks.includes(lock)}
                    onChange={(e) => set('locks', e.target.checked ? [...form.locks, lock] : form.locks.filter((l) => l !== lock))}
                    data-testid={`product-lock-${lock}`}
                  />
                ))}
              </div>
            </FormSection>
          ) : null}
        </fieldset>
      </form>
    </Drawer>
  );
}
