import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Drawer } from '../../components/Drawer.js';
import { Field } from '../../components/Field.js';
import { Checkbox, Input, Select } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { useToast } from '../../components/Toast.js';
import { isApiError, unplacedErrors } from '../../http/problem.js';
import { focusFirstError } from '../../lib/validation.js';
import { archiveProduct, createProduct, deleteProduct, productQuery, updateProduct } from './api.js';
import { DeleteDialog } from './DeleteDialog.js';
import { type CatalogErrors, fromServer, hasErrors, useErrText } from './errors.js';
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
  const toast = useToast();
  const queryClient = useQueryClient();
  const err = useErrText();
  const fmt = useCatalogFormat();
  const labels = useKeyLabels();
  const { canWrite, canOverride } = useCatalogAccess();
  const readOnly = !canWrite;
  const formRef = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState(product);
  const [form, setForm] = useState<ProductForm>(() => toProductForm(product, { barcode }));
  const [errors, setErrors] = useState<CatalogErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const finish = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: ['catalog'] });
    toast(message);
    onClose();
  };
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
  const restore = useMutation({
    mutationFn: () => updateProduct(current?.id ?? '', { version: current?.version ?? 0, archived: false }),
    onSuccess: (saved) => finish(t('catalog.product.restored', { name: saved.displayName })),
  });
  const archive = useMutation({
    mutationFn: () => archiveProduct(current?.id ?? ''),
    onSuccess: (saved) => {
      setCurrent(saved);
      finish(t('catalog.product.archived', { name: saved.displayName }));
    },
  });

  const set = <K extends keyof ProductForm>(key: K, value: ProductForm[K]) => {
    const next = { ...form, [key]: value };
    setForm(next);
    if (submitted) setErrors(validateProduct(next));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validateProduct(form);
    setErrors(found);
    if (hasErrors(found)) focusFirstError(formRef.current);
    else save.mutate();
  };

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
          <span className="flex items-center gap-2">
            <span className="font-mono text-xs">{current.sku}</span>
            {current.archived ? <Badge>{t('catalog.archivedBadge')}</Badge> : null}
          </span>
        ) : (
          t('catalog.product.addDescription')
        )
      }
      footer={
        <>
          {current && canWrite ? (
            <div className="mr-auto flex gap-1">
              {current.archived ? (
                <Button
                  variant="ghost"
                  icon="refresh"
                  loading={restore.isPending}
                  onClick={() => restore.mutate()}
                  data-testid="product-restore"
                >
                  {t('catalog.restore')}
                </Button>
              ) : (
                <Button
                  variant="ghost"
                  icon="archive"
                  loading={archive.isPending}
                  onClick={() => archive.mutate()}
                  data-testid="product-archive"
                >
                  {t('catalog.archive')}
                </Button>
              )}
              <Button variant="danger-ghost" icon="trash" onClick={() => setDeleting(true)} data-testid="product-delete">
                {t('catalog.delete.button')}
              </Button>
            </div>
          ) : current && canOverride && onOverride ? (
            <Button icon="sliders" className="mr-auto" onClick={onOverride} data-testid="product-store-adjust">
              {t('catalog.override.adjust')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
          {!readOnly ? (
            <Button type="submit" form="product-form" variant="primary" loading={save.isPending} data-testid="product-form-submit">
              {current ? t('common.save') : t('catalog.product.add')}
            </Button>
          ) : null}
        </>
      }
    >
      <form id="product-form" ref={formRef} onSubmit={submit} noValidate>
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
      {current ? (
        <DeleteDialog
          open={deleting}
          name={current.displayName}
          onClose={() => setDeleting(false)}
          remove={() => deleteProduct(current.id)}
          archive={() => archiveProduct(current.id)}
          onDone={(what) =>
            finish(
              what === 'deleted'
                ? t('catalog.product.deleted', { name: current.displayName })
                : t('catalog.product.archived', { name: current.displayName }),
            )
          }
        />
      ) : null}
    </Drawer>
  );
}
