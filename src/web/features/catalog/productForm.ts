// The product editor's state, checks and request body.
import type { ProductBody } from './api.js';
import { type CatalogErrors, KEY_PATTERN } from './errors.js';
import { centsToInput, parseMoney } from './money.js';
import { fromTranslationForm, type TranslationForm, toTranslationForm } from './parts/TranslationInputs.js';
import type { Product, ProductLock, ProductUsage, Unit } from './types.js';

export interface ProductForm {
  sku: string;
  barcode: string;
  name: string;
  nameTranslations: TranslationForm;
  brand: string;
  price: string;
  cost: string;
  taxClass: string;
  usage: ProductUsage;
  unit: Unit | '';
  size: string;
  locks: ProductLock[];
}

export const PRODUCT_FIELDS = ['sku', 'barcode', 'name', 'nameTranslations', 'brand', 'price', 'cost', 'taxClass', 'usage', 'unit', 'size'];

/** Server codes that are about one field, though they come without a path. */
export const PRODUCT_CODE_FIELDS = { sku_taken: 'sku', barcode_taken: 'barcode' };

export function toProductForm(p: Product | null, defaults: { barcode?: string } = {}): ProductForm {
  return {
    sku: p?.sku ?? '',
    barcode: p?.barcode ?? defaults.barcode ?? '',
    name: p?.name ?? '',
    nameTranslations: toTranslationForm(p?.nameTranslations),
    brand: p?.brand ?? '',
    price: centsToInput(p?.price),
    cost: p ? centsToInput(p.cost) : '',
    taxClass: p?.taxClass ?? 'product',
    usage: p?.usage ?? 'retail',
    unit: p?.unit ?? '',
    size: p?.size != null ? String(p.size) : '',
    locks: p ? [...p.locks] : [],
  };
}

/** "500", "12.5", "1,000" → a positive number; null when blank or not one. */
export function parseSize(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n > 0 && n <= 1_000_000 ? n : null;
}

export function validateProduct(form: ProductForm): CatalogErrors {
  const errors: CatalogErrors = {};
  if (!form.sku.trim()) errors.sku = { key: 'validation.required' };
  else if (/\s/.test(form.sku.trim())) errors.sku = { key: 'catalog.validation.sku' };
  if (form.barcode.trim() && !/^[0-9A-Za-z-]{4,64}$/.test(form.barcode.trim())) errors.barcode = { key: 'catalog.validation.barcode' };
  if (!form.name.trim()) errors.name = { key: 'validation.required' };
  if (!form.price.trim()) errors.price = { key: 'validation.required' };
  else if (parseMoney(form.price) === null) errors.price = { key: 'catalog.validation.money' };
  if (form.cost.trim() && parseMoney(form.cost) === null) errors.cost = { key: 'catalog.validation.money' };
  if (!KEY_PATTERN.test(form.taxClass)) errors.taxClass = { key: 'catalog.validation.key' };
  if (form.size.trim() && parseSize(form.size) === null) errors.size = { key: 'catalog.validation.size' };
  return errors;
}

export function toProductBody(form: ProductForm): ProductBody {
  return {
    sku: form.sku.trim(),
    barcode: form.barcode.trim() || null,
    name: form.name.trim(),
    nameTranslations: fromTranslationForm(form.nameTranslations),
    brand: form.brand.trim() || null,
    price: parseMoney(form.price) ?? 0,
    cost: form.cost.trim() ? (parseMoney(form.cost) ?? 0) : 0,
    taxClass: form.taxClass,
    usage: form.usage,
    unit: form.unit || null,
    size: form.size.trim() ? parseSize(form.size) : null,
    locks: form.locks,
  };
}

/** Gross margin as whole percent of the price, or null when there is no price. */
export function marginPercent(priceCents: number | null, costCents: number | null): number | null {
  if (!priceCents || costCents === null) return null;
  return Math.round(((priceCents - costCents) * 100) / priceCents);
}
