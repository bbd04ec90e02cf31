// The service editor's state, checks and request bodies.
import type { ServiceBody } from './api.js';
import { type CatalogErrors, KEY_PATTERN } from './errors.js';
import { centsToInput, parseMoney } from './money.js';
import { fromTranslationForm, type TranslationForm, toTranslationForm } from './parts/TranslationInputs.js';
import { gapProblem } from './timeline.js';
import type { Service, ServiceLock, StaffLink } from './types.js';

export interface StaffChoice {
  on: boolean;
  /** Own price as typed; blank follows the service. */
  price: string;
  /** Own minutes; null follows the service. */
  durationMin: number | null;
}

export interface ServiceForm {
  name: string;
  nameTranslations: TranslationForm;
  description: string;
  descriptionTranslations: TranslationForm;
  categoryId: string;
  durationMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  hasGap: boolean;
  processingStartMin: number;
  processingMin: number;
  price: string;
  taxClass: string;
  onlineBookable: boolean;
  color: string | null;
  resourceType: string;
  locks: ServiceLock[];
  addOnIds: string[];
  staff: Record<string, StaffChoice>;
}

/** The fields the form shows, for placing server errors (anything else goes in the banner). */
export const SERVICE_FIELDS = [
  'name',
  'nameTranslations',
  'description',
  'descriptionTranslations',
  'categoryId',
  'durationMin',
  'bufferBeforeMin',
  'bufferAfterMin',
  'processingStartMin',
  'processingMin',
  'price',
  'taxClass',
  'color',
  'resourceType',
  'staff',
];

export function toServiceForm(service: Service | null, defaults: { categoryId?: string } = {}): ServiceForm {
  if (!service) {
    return {
      name: '',
      nameTranslations: toTranslationForm({}),
      description: '',
      descriptionTranslations: toTranslationForm({}),
      categoryId: defaults.categoryId ?? '',
      durationMin: 30,
      bufferBeforeMin: 0,
      bufferAfterMin: 0,
      hasGap: false,
      processingStartMin: 10,
      processingMin: 15,
      price: '',
      taxClass: 'service',
      onlineBookable: true,
      color: null,
      resourceType: '',
      locks: [],
      addOnIds: [],
      staff: {},
    };
  }
  const hasGap = service.processingStartMin !== null && service.processingMin !== null;
  return {
    name: service.name,
    nameTranslations: toTranslationForm(service.nameTranslations),
    description: service.description ?? '',
    descriptionTranslations: toTranslationForm(service.descriptionTranslations),
    categoryId: service.categoryId ?? '',
    durationMin: service.durationMin,
    bufferBeforeMin: service.bufferBeforeMin,
    bufferAfterMin: service.bufferAfterMin,
    hasGap,
    processingStartMin: service.processingStartMin ?? 10,
    processingMin: service.processingMin ?? 15,
    price: centsToInput(service.price),
    taxClass: service.taxClass,
    onlineBookable: service.onlineBookable,
    color: service.color,
    resourceType: service.resourceType ?? '',
    locks: [...service.locks],
    addOnIds: [...service.addOnIds],
    staff: Object.fromEntries(
      service.staff.map((s) => [s.staffId, { on: true, price: centsToInput(s.price), durationMin: s.durationMin }]),
    ),
  };
}

/** The staff who perform the service, in `order` (the table's order), as the API takes them. */
export function staffList(form: ServiceForm, order: readonly string[]): StaffLink[] {
  // Only staff who can be assigned (active, working at a store): a link to someone archived since is dropped.
  return order
    .filter((id) => form.staff[id]?.on)
    .map((staffId) => {
      const choice = form.staff[staffId] as StaffChoice;
      return { staffId, price: choice.price.trim() ? parseMoney(choice.price) : null, durationMin: choice.durationMin };
    });
}

export function validateService(form: ServiceForm): CatalogErrors {
  const errors: CatalogErrors = {};
  if (!form.name.trim()) errors.name = { key: 'validation.required' };
  if (!form.price.trim()) errors.price = { key: 'validation.required' };
  else if (parseMoney(form.price) === null) errors.price = { key: 'catalog.validation.money' };
  if (!KEY_PATTERN.test(form.taxClass)) errors.taxClass = { key: 'catalog.validation.key' };
  if (form.resourceType && !KEY_PATTERN.test(form.resourceType)) errors.resourceType = { key: 'catalog.validation.key' };
  if (form.hasGap) {
    const problem = gapProblem(timingOf(form));
    if (problem === 'endsAfterService') errors.processingMin = { key: 'catalog.validation.gapAfterEnd' };
  }
  for (const [staffId, choice] of Object.entries(form.staff)) {
    if (choice.on && choice.price.trim() && parseMoney(choice.price) === null)
      errors[`staff.${staffId}.price`] = { key: 'catalog.validation.money' };
    if (choice.on && form.hasGap && choice.durationMin !== null && form.processingStartMin + form.processingMin > choice.durationMin) {
      errors[`staff.${staffId}.durationMin`] = { key: 'catalog.validation.gapAfterEnd' };
    }
  }
  return errors;
}

export function timingOf(form: ServiceForm) {
  return {
    bufferBeforeMin: form.bufferBeforeMin,
    durationMin: form.durationMin,
    bufferAfterMin: form.bufferAfterMin,
    processingStartMin: form.hasGap ? form.processingStartMin : null,
    processingMin: form.hasGap ? form.processingMin : null,
  };
}

export function toServiceBody(form: ServiceForm): ServiceBody {
  const timing = timingOf(form);
  return {
    name: form.name.trim(),
    nameTranslations: fromTranslationForm(form.nameTranslations),
    description: form.description.trim() || null,
    descriptionTranslations: fromTranslationForm(form.descriptionTranslations),
    categoryId: form.categoryId || null,
    ...timing,
    price: parseMoney(form.price) ?? 0,
    taxClass: form.taxClass,
    onlineBookable: form.onlineBookable,
    color: form.color,
    resourceType: form.resourceType || null,
    locks: form.locks,
    addOnIds: form.addOnIds,
  };
}

/** Whether the staff part changed (so an edit only PUTs it when needed). */
export function staffChanged(before: StaffLink[], after: StaffLink[]): boolean {
  const key = (l: StaffLink[]) =>
    JSON.stringify([...l].sort((a, b) => a.staffId.localeCompare(b.staffId)).map((s) => [s.staffId, s.price, s.durationMin]));
  return key(before) !== key(after);
}

/**
 * Server errors about the staff list come as "staff.<index>.price" (create) or "<index>.price"
 * (PUT /staff); the form keys them by staff id.
 */
export function staffErrorsById(errors: CatalogErrors, sent: StaffLink[]): CatalogErrors {
  const out: CatalogErrors = {};
  for (const [path, error] of Object.entries(errors)) {
    const m = /^staff\.(\d+)(\..+)?$/.exec(path);
    const link = m ? sent[Number(m[1])] : undefined;
    if (m && link) out[`staff.${link.staffId}${m[2] ?? ''}`] = error;
    else out[path] = error;
  }
  return out;
}
