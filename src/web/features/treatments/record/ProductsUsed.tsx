// Back-bar products and how much of each was used (for stock later): product, amount, its unit.
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../../components/Button.js';
import { Input, Select } from '../../../components/Input.js';
import type { AnyProduct } from '../../catalog/types.js';

export function ProductsUsed({
  value,
  onChange,
  products,
  errors,
  disabled,
}: {
  value: Array<{ productId: string; amount: string }>;
  onChange: (next: Array<{ productId: string; amount: string }>) => void;
  products: AnyProduct[];
  errors: Record<string, string | undefined>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const usable = products.filter((p) => !p.archived && p.usage !== 'retail');
  const byId = new Map(products.map((p) => [p.id, p]));
  const set = (i: number, patch: Partial<{ productId: string; amount: string }>) =>
    onChange(value.map((p, n) => (n === i ? { ...p, ...patch } : p)));
  return (
    <div className="space-y-3" data-testid="products-used">
      {value.map((p, i) => {
        const unit = byId.get(p.productId)?.unit;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the form
          <div key={i} className="flex flex-wrap items-start gap-2" data-testid="product-used-row">
            <div className="min-w-0 flex-1 basis-60">
              <Select
                value={p.productId}
                onChange={(e) => set(i, { productId: e.target.value })}
                invalid={!!errors[`products.${i}.productId`]}
                disabled={disabled}
                className="[&_select]:h-12 [&_select]:text-base"
                aria-label={t('treatments.form.product')}
                data-testid="product-used-product"
              >
                <option value="">{t('treatments.form.chooseProduct')}</option>
                {usable.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.displayName}
                    {x.brand ? ` · ${x.brand}` : ''}
                  </option>
                ))}
              </Select>
            </div>
            <div className="relative w-32">
              <Input
                inputMode="decimal"
                value={p.amount}
                onChange={(e) => set(i, { amount: e.target.value })}
                invalid={!!errors[`products.${i}.amount`]}
                disabled={disabled}
                className="h-12 pr-12 text-base tabular-nums"
                aria-label={t('treatments.form.amount')}
                data-testid="product-used-amount"
              />
              <span className="pointer-events-none absolute right-3 top-1/2 -translate-y-1/2 text-sm text-zinc-500">
                {unit ? t(`treatments.units.${unit}`) : ''}
              </span>
            </div>
            {disabled ? null : (
              <IconButton
                icon="trash"
                size="lg"
                label={t('treatments.form.removeProduct')}
                onClick={() => onChange(value.filter((_, n) => n !== i))}
              />
            )}
            {errors[`products.${i}.amount`] || errors[`products.${i}.productId`] ? (
              <p className="w-full text-sm text-red-700">{errors[`products.${i}.amount`] ?? errors[`products.${i}.productId`]}</p>
            ) : null}
          </div>
        );
      })}
      {disabled ? null : (
        <Button
          icon="plus"
          size="lg"
          onClick={() => onChange([...value, { productId: '', amount: '' }])}
          disabled={value.length >= 30}
          data-testid="product-used-add"
        >
          {t('treatments.form.addProduct')}
        </Button>
      )}
    </div>
  );
}
