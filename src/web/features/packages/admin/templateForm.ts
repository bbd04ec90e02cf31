// The template editor's form: what the owner types (strings, dollars) ⇄ the API body (cents, ids), with
// the checks made before the server's. Pure, so it is tested without a browser.
import { centsToInput, parseMoney } from '../../catalog/money.js';
import type { TranslationForm } from '../../catalog/parts/TranslationInputs.js';
import type { PackageTemplate, TemplateBody, TemplateItemBody, Translations } from '../types.js';

export type FormError = { key: string; values?: Record<string, string | number> } | { message: string };
export type FormErrors = Record<string, FormError>;

export interface ItemForm {
  /** Local id for React keys; `key` is the template's own stable key (kept across edits). */
  uid: string;
  key?: string | undefined;
  label: string;
  labelTranslations: TranslationForm;
  sessions: string;
  serviceIds: string[];
  step: string;
  /** Dollars; empty = the service's list price. */
  value: string;
}

export interface TemplateForm {
  name: string;
  nameTranslations: TranslationForm;
  description: string;
  descriptionTranslations: TranslationForm;
  items: ItemForm[];
  products: Array<{ productId: string; quantity: string }>;
  price: string;
  staged: boolean;
  validityKind: 'months' | 'fixed' | 'none';
  months: string;
  until: string;
  allStores: boolean;
  storeIds: string[];
  freezeAllowed: boolean;
  freezeMaxDays: string;
  shareable: boolean;
  maxMembers: string;
  active: boolean;
}

let uidSeq = 0;
export const newUid = () => `i${++uidSeq}`;

const tf = (tr: Translations | undefined): TranslationForm => ({
  en: tr?.en ?? '',
  'zh-CN': tr?.['zh-CN'] ?? '',
  'zh-TW': tr?.['zh-TW'] ?? '',
});
const fromTf = (form: TranslationForm): Translations => {
  const out: Translations = {};
  for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) if (form[lang].trim()) out[lang] = form[lang].trim();
  return out;
};

export const emptyItem = (step = ''): ItemForm => ({
  uid: newUid(),
  label: '',
  labelTranslations: tf(undefined),
  sessions: '10',
  serviceIds: [],
  step,
  value: '',
});

export function emptyForm(): TemplateForm {
  return {
    name: '',
    nameTranslations: tf(undefined),
    description: '',
    descriptionTranslations: tf(undefined),
    items: [emptyItem()],
    products: [],
    price: '',
    staged: false,
    validityKind: 'months',
    months: '12',
    until: '',
    allStores: true,
    storeIds: [],
    freezeAllowed: false,
    freezeMaxDays: '30',
    shareable: false,
    maxMembers: '2',
    active: true,
  };
}

export function toForm(t: PackageTemplate): TemplateForm {
  return {
    name: t.name,
    nameTranslations: tf(t.nameTranslations),
    description: t.description ?? '',
    descriptionTranslations: tf(t.descriptionTranslations),
    items: t.items.map((i) => ({
      uid: newUid(),
      key: i.key,
      label: i.label,
      labelTranslations: tf(i.labelTranslations),
      sessions: String(i.sessions),
      serviceIds: [...i.serviceIds],
      step: i.step === null ? '' : String(i.step),
      value: i.valuePerSession === null ? '' : centsToInput(i.valuePerSession),
    })),
    products: t.products.map((p) => ({ productId: p.productId, quantity: String(p.quantity) })),
    price: centsToInput(t.price),
    staged: t.stepped,
    validityKind: t.validity.kind,
    months: t.validity.kind === 'months' ? String(t.validity.months) : '12',
    until: t.validity.kind === 'fixed' ? t.validity.until : '',
    allStores: t.storeIds === null,
    storeIds: t.storeIds ?? [],
    freezeAllowed: t.freeze.allowed,
    freezeMaxDays: String(t.freeze.allowed ? t.freeze.maxDays : 30),
    shareable: t.sharing.shareable,
    maxMembers: String(t.sharing.shareable ? t.sharing.maxMembers : 2),
    active: t.active,
  };
}

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
const inRange = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** Sessions of an item as a number (0 when not a valid count yet), for the live preview. */
export const sessionsOf = (item: ItemForm) => {
  const n = int(item.sessions);
  return inRange(n, 1, 100) ? n : 0;
};

/** The body to send, or the errors to show (keys are the API's paths: items.0.sessions). */
export function toBody(form: TemplateForm): { body: TemplateBody | null; errors: FormErrors } {
  const errors: FormErrors = {};
  const required = { key: 'validation.required' };
  if (!form.name.trim()) errors.name = required;
  if (!form.items.length) errors.items = { key: 'packages.editor.errors.noItems' };
  const items: TemplateItemBody[] = form.items.map((item, i) => {
    if (!item.label.trim()) errors[`items.${i}.label`] = required;
    const sessions = int(item.sessions);
    if (!inRange(sessions, 1, 100)) errors[`items.${i}.sessions`] = { key: 'packages.editor.errors.range', values: { min: 1, max: 100 } };
    if (!item.serviceIds.length) errors[`items.${i}.serviceIds`] = { key: 'packages.editor.errors.services' };
    let value: number | null = null;
    if (item.value.trim()) {
      const cents = parseMoney(item.value);
      if (cents === null) errors[`items.${i}.valuePerSession`] = { key: 'packages.editor.moneyInvalid' };
      else value = cents;
    }
    const step = form.staged && item.step ? int(item.step) : null;
    if (form.staged && (step === null || !inRange(step, 1, 10)))
      errors[`items.${i}.step`] = { key: 'packages.editor.errors.range', values: { min: 1, max: 10 } };
    const out: TemplateItemBody = {
      label: item.label.trim(),
      labelTranslations: fromTf(item.labelTranslations),
      sessions,
      serviceIds: item.serviceIds,
      step: form.staged ? step : null,
      valuePerSession: value,
    };
    if (item.key) out.key = item.key;
    return out;
  });
  const price = parseMoney(form.price);
  if (price === null) errors.price = form.price.trim() ? { key: 'packages.editor.moneyInvalid' } : required;
  const products = form.products.map((p, i) => {
    const quantity = int(p.quantity);
    if (!p.productId) errors[`products.${i}.productId`] = required;
    if (!inRange(quantity, 1, 100))
      errors[`products.${i}.quantity`] = { key: 'packages.editor.errors.range', values: { min: 1, max: 100 } };
    return { productId: p.productId, quantity };
  });
  let validity: TemplateBody['validity'] = { kind: 'none' };
  if (form.validityKind === 'months') {
    const months = int(form.months);
    if (!inRange(months, 1, 120)) errors['validity.months'] = { key: 'packages.editor.errors.range', values: { min: 1, max: 120 } };
    validity = { kind: 'months', months };
  } else if (form.validityKind === 'fixed') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.until)) errors['validity.until'] = required;
    validity = { kind: 'fixed', until: form.until };
  }
  if (!form.allStores && !form.storeIds.length) errors.storeIds = { key: 'packages.editor.errors.stores' };
  const freezeDays = int(form.freezeMaxDays);
  if (form.freezeAllowed && !inRange(freezeDays, 1, 365))
    errors['freeze.maxDays'] = { key: 'packages.editor.errors.range', values: { min: 1, max: 365 } };
  const members = int(form.maxMembers);
  if (form.shareable && !inRange(members, 1, 10))
    errors['sharing.maxMembers'] = { key: 'packages.editor.errors.range', values: { min: 1, max: 10 } };
  if (Object.keys(errors).length) return { body: null, errors };
  return {
    errors,
    body: {
      name: form.name.trim(),
      nameTranslations: fromTf(form.nameTranslations),
      description: form.description.trim() || null,
      descriptionTranslations: fromTf(form.descriptionTranslations),
      items,
      products,
      price: price!,
      validity,
      storeIds: form.allStores ? null : form.storeIds,
      freeze: { allowed: form.freezeAllowed, maxDays: form.freezeAllowed ? freezeDays : 0 },
      sharing: { shareable: form.shareable, maxMembers: form.shareable ? members : 0 },
      active: form.active,
    },
  };
}
