// Custom field values as the inputs hold them, and as the API takes them. Pure.
import type { Language } from '../../http/types.js';
import type { ClientValidationKey } from './form.js';
import type { CustomFieldDef, CustomFieldOption, CustomFieldType, CustomValue, Labels } from './types.js';

/** text/number/date/choice: the text typed or chosen; yes_no: '' | 'yes' | 'no'; multi_choice: the values ticked. */
export type CustomInput = string | string[];

export function customInputOf(def: CustomFieldDef, value: CustomValue | undefined): CustomInput {
  if (def.type === 'multi_choice') return Array.isArray(value) ? [...value] : [];
  if (value === undefined || value === null) return '';
  if (def.type === 'yes_no') return value === true ? 'yes' : value === false ? 'no' : '';
  return String(value);
}

export function isEmptyInput(input: CustomInput): boolean {
  return Array.isArray(input) ? input.length === 0 : input.trim() === '';
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The value to send, or undefined when the input is not valid for the field's type. */
export function toCustomValue(def: CustomFieldDef, input: CustomInput): CustomValue | undefined {
  const values = def.options.map((o) => o.value);
  if (def.type === 'multi_choice') {
    const list = Array.isArray(input) ? input : [input];
    return list.every((v) => values.includes(v)) ? [...new Set(list)] : undefined;
  }
  const text = (Array.isArray(input) ? (input[0] ?? '') : input).trim();
  switch (def.type) {
    case 'text':
      return text.length <= 2000 ? text : undefined;
    case 'number': {
      const n = Number(text.replace(',', '.'));
      return text !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'date':
      return isIsoDate(text) ? text : undefined;
    case 'yes_no':
      return text === 'yes' ? true : text === 'no' ? false : undefined;
    case 'choice':
      return values.includes(text) ? text : undefined;
  }
}

export function customErrorKey(type: CustomFieldType): ClientValidationKey {
  return type === 'number' ? 'number' : type === 'date' ? 'date' : type === 'choice' || type === 'multi_choice' ? 'choice' : 'invalid';
}

/** A label in the UI language, falling back to any language given (as the server does). */
export function labelIn(labels: Labels | undefined, lang: string, fallback = ''): string {
  if (!labels) return fallback;
  const l = lang as Language;
  return labels[l] ?? labels.en ?? labels['zh-CN'] ?? labels['zh-TW'] ?? fallback;
}

export function optionLabel(option: CustomFieldOption, lang: string): string {
  return labelIn(option.labels, lang, option.value);
}

/** A stored value as text for the profile ("Yes", "Gel, Acrylic", a formatted date). */
export function showCustomValue(
  def: CustomFieldDef,
  value: CustomValue | undefined,
  lang: string,
  words: { yes: string; no: string },
): string {
  if (value === undefined || value === null || value === '') return '';
  const opt = (v: string) => {
    const o = def.options.find((x) => x.value === v);
    return o ? optionLabel(o, lang) : v;
  };
  switch (def.type) {
    case 'yes_no':
      return value === true ? words.yes : words.no;
    case 'multi_choice':
      return (Array.isArray(value) ? value : [String(value)]).map(opt).join(', ');
    case 'choice':
      return opt(String(value));
    case 'date': {
      const s = String(value);
      if (!isIsoDate(s)) return s;
      return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${s}T00:00:00Z`));
    }
    case 'number':
      return new Intl.NumberFormat(lang).format(Number(value));
    default:
      return String(value);
  }
}
