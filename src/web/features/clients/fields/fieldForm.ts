// The custom field definition form (owner: clients.fields). Pure.
import type { Language } from '../../../http/types.js';
import type { CustomFieldInput } from '../api.js';
import type { CustomFieldDef, CustomFieldType, Labels } from '../types.js';

export type LabelTexts = Record<Language, string>;
export interface OptionRow {
  /** A key for the list on screen only (never sent). */
  uid: string;
  value: string;
  labels: LabelTexts;
  /** Options already saved keep their value (clients' data refers to it). */
  saved: boolean;
}

export interface FieldForm {
  key: string;
  /** The key was typed by hand: stop deriving it from the English label. */
  keyTouched: boolean;
  type: CustomFieldType;
  required: boolean;
  labels: LabelTexts;
  options: OptionRow[];
}

export type FieldProblem = 'keyRequired' | 'keyFormat' | 'keyTaken' | 'labelRequired' | 'optionsRequired' | 'optionsUnique' | 'optionValue';
export type FieldFormErrors = Partial<Record<'key' | 'labels' | 'options', FieldProblem>>;

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
let uidSeq = 0;
export const newUid = () => `o${++uidSeq}`;
const noLabels = (): LabelTexts => ({ en: '', 'zh-CN': '', 'zh-TW': '' });

export const isChoice = (type: CustomFieldType) => type === 'choice' || type === 'multi_choice';

/** A key from the English label: "Nail shape" → "nail_shape". Empty when the label has no latin letters. */
export function suggestKey(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^[0-9_]+/, '');
  return slug.slice(0, 40).replace(/_+$/, '');
}

/** An option value from its label ("Almond" → "almond"), or the text itself for Chinese labels. */
export function suggestOptionValue(label: string): string {
  const t = label.trim();
  return (suggestKey(t) || t).replace(/[;\n\r]/g, '').slice(0, 60);
}

export function newFieldForm(): FieldForm {
  return { key: '', keyTouched: false, type: 'text', required: false, labels: noLabels(), options: [] };
}

const labelTexts = (l: Labels | undefined): LabelTexts => ({ en: l?.en ?? '', 'zh-CN': l?.['zh-CN'] ?? '', 'zh-TW': l?.['zh-TW'] ?? '' });

export function toFieldForm(def: CustomFieldDef): FieldForm {
  return {
    key: def.key,
    keyTouched: true,
    type: def.type,
    required: def.required,
    labels: labelTexts(def.labels),
    options: def.options.map((o) => ({ uid: newUid(), value: o.value, labels: labelTexts(o.labels), saved: true })),
  };
}

function compactLabels(l: LabelTexts): Labels {
  const out: Labels = {};
  for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) if (l[lang].trim()) out[lang] = l[lang].trim();
  return out;
}

/** The value an option is stored under: as typed, or derived from its first label. */
export function optionValue(o: OptionRow): string {
  return o.value.trim() || suggestOptionValue(o.labels.en || o.labels['zh-CN'] || o.labels['zh-TW']);
}

export function validateFieldForm(form: FieldForm, opts: { isNew: boolean; takenKeys: readonly string[] }): FieldFormErrors {
  const errors: FieldFormErrors = {};
  if (opts.isNew) {
    if (!form.key) errors.key = 'keyRequired';
    else if (!KEY.test(form.key)) errors.key = 'keyFormat';
    else if (opts.takenKeys.includes(form.key)) errors.key = 'keyTaken';
  }
  if (!Object.keys(compactLabels(form.labels)).length) errors.labels = 'labelRequired';
  if (isChoice(form.type)) {
    const values = form.options.map(optionValue);
    if (values.length === 0) errors.options = 'optionsRequired';
    else if (values.some((v) => !v || /[;\n\r]/.test(v))) errors.options = 'optionValue';
    else if (new Set(values).size !== values.length) errors.options = 'optionsUnique';
  }
  return errors;
}

function body(form: FieldForm): Omit<CustomFieldInput, 'key' | 'type'> {
  return {
    required: form.required,
    labels: compactLabels(form.labels),
    options: isChoice(form.type)
      ? form.options.map((o) => {
          const labels = compactLabels(o.labels);
          return { value: optionValue(o), ...(Object.keys(labels).length ? { labels } : {}) };
        })
      : [],
  };
}

export function toCreateFieldBody(form: FieldForm): CustomFieldInput {
  return { key: form.key, type: form.type, ...body(form) };
}

/** An edit sends labels, options and required with the version; the key and type never change. */
export function toUpdateFieldBody(form: FieldForm, version: number) {
  return { version, ...body(form) };
}
