// Products handed over with the package (a home-care kit with a facial course).
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../../../components/Button.js';
import { Input, Select } from '../../../../components/Input.js';
import type { AnyProduct } from '../../../catalog/types.js';
import type { FormErrors, TemplateForm } from '../templateForm.js';
import { EditorSection, useErr } from './shared.js';

export function ProductsSection({
  form,
  set,
  errors,
  products,
}: {
  form: TemplateForm;
  set: (patch: Partial<TemplateForm>) => void;
  errors: FormErrors;
  products: AnyProduct[];
}) {
  const { t } = useTranslation();
  const err = useErr();
  const sellable = products.filter((p) => !p.archived && p.usage !== 'backbar');
  const update = (i: number, patch: Partial<{ productId: string; quantity: string }>) =>
    set({ products: form.products.map((p, n) => (n === i ? { ...p, ...patch } : p)) });
  return (
    <EditorSection title={t('packages.editor.products')} description={t('packages.editor.productsHint')} testId="editor-products">
      {form.products.length ? (
        <ul className="space-y-2">
          {form.products.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the form
            <li key={i} className="flex flex-wrap items-start gap-2">
              <div className="min-w-0 flex-1">
                <Select
                  value={p.productId}
                  onChange={(e) => update(i, { productId: e.target.value })}
                  invalid={!!errors[`products.${i}.productId`]}
                  aria-label={t('packages.editor.product')}
                >
                  <option value="">{t('packages.editor.chooseProduct')}</option>
                  {sellable.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.displayName}
                      {x.brand ? ` · ${x.brand}` : ''}
                    </option>
                  ))}
                </Select>
              </div>
              <Input
                inputMode="numeric"
                value={p.quantity}
                onChange={(e) => update(i, { quantity: e.target.value })}
                className="w-20 text-center"
                invalid={!!errors[`products.${i}.quantity`]}
                aria-label={t('packages.editor.quantity')}
              />
              <IconButton
                icon="trash"
                label={t('packages.editor.removeProduct')}
                onClick={() => set({ products: form.products.filter((_, n) => n !== i) })}
              />
              {errors[`products.${i}.quantity`] ? (
                <p className="w-full text-sm text-red-700">{err(errors[`products.${i}.quantity`])}</p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <Button
        icon="plus"
        size="sm"
        onClick={() => set({ products: [...form.products, { productId: '', quantity: '1' }] })}
        disabled={form.products.length >= 20}
      >
        {t('packages.editor.addProduct')}
      </Button>
    </EditorSection>
  );
}
