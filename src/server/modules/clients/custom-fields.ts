import { z } from 'zod';
import { type FieldError, PlatformErrors } from '../../platform/errors.js';

// HQ-defined custom fields: definitions and the pure validation of a client's values against them.
// Values travel as `customFields: { <key>: value }`; a wrong type is 400 with the path `customFields.<key>`.

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'choice', 'multi_choice', 'date', 'yes_no'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

const label = z.string().trim().min(1).max(100);
export const labels = z
  .strictObject({ en: label.optional(), 'zh-CN': label.optional(), 'zh-TW': label.optional() })
  .refine((l) => Object.values(l).some(Boolean), 'give the label in at least one language');
export type Labels = z.infer<typeof labels>;

export const option = z.strictObject({
  value: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .refine((s) => !/[;\n\r]/.test(s), 'a choice cannot contain “;” or a line break'),
  labels: labels.optional(),
});
export type CustomFieldOption = z.infer<typeof option>;

const uniqueOptions = (opts: CustomFieldOption[]) => new Set(opts.map((o) => o.value)).size === opts.length;

export const customFieldCreate = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _ (start with a letter)'),
    type: z.enum(CUSTOM_FIELD_TYPES),
    required: z.boolean().default(false),
    labels,
    options: z.array(option).max(100).default([]),
    sortOrder: z.number().int().min(0).max(10_000).default(0),
  })
  .superRefine((f, ctx) => {
    const choice = f.type === 'choice' || f.type === 'multi_choice';
    if (choice && f.options.length === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice field needs options' });
    if (!choice && f.options.length > 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only choice fields have options' });
    if (!uniqueOptions(f.options)) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option values must be unique' });
  });
export type CustomFieldCreate = z.infer<typeof customFieldCreate>;

export const customFieldUpdate = z.strictObject({
  version: z.number().int().positive(),
  type: z.enum(CUSTOM_FIELD_TYPES).optional(), // accepted only when unchanged: 422 custom_field_type_fixed
  required: z.boolean().optional(),
  labels: labels.optional(),
  options: z.array(option).max(100).refine(uniqueOptions, 'option values must be unique').optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  archived: z.boolean().optional(),
});
export type CustomFieldUpdate = z.infer<typeof customFieldUpdate>;

export type CustomFieldDef = {
  id: string;
  key: string;
  type: CustomFieldType;
  required: boolean;
  labels: Labels;
  options: CustomFieldOption[];
  sortOrder: number;
  archived: boolean;
  version: number;
};

export type CustomValue = string | number | boolean | string[];

function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks one value against its field: the normalised value, or an error message. */
export function checkCustomValue(def: CustomFieldDef, value: unknown): { ok: true; value: CustomValue } | { ok: false; message: string } {
  const values = def.options.map((o) => o.value);
  switch (def.type) {
    case 'text':
      if (typeof value !== 'string') return { ok: false, message: 'expected text' };
      if (value.length > 2000) return { ok: false, message: 'at most 2000 characters' };
      return { ok: true, value: value.trim() };
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, message: 'expected a number' };
      return { ok: true, value };
    case 'yes_no':
      if (typeof value !== 'boolean') return { ok: false, message: 'expected true or false' };
      return { ok: true, value };
    case 'date':
      if (typeof value !== 'string' || !isValidDate(value)) return { ok: false, message: 'expected a date YYYY-MM-DD' };
      return { ok: true, value };
    case 'choice':
      if (typeof value !== 'string' || !values.includes(value)) return { ok: false, message: `expected one of: ${values.join(', ')}` };
      return { ok: true, value };
    case 'multi_choice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !values.includes(v))) {
        return { ok: false, message: `expected a list of: ${values.join(', ')}` };
      }
      return { ok: true, value: [...new Set(value as string[])] };
    }
  }
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Validates `values` against the active definitions. `current` holds the client's stored values (on update);
 * a required field must end up with a value, except on update when it never had one (a field HQ made
 * required later must not block unrelated edits). Returns what to write: `set` values and `clear` keys.
 * Throws 400 validation_failed with `customFields.<key>` paths.
 */
export function validateCustomValues(
  defs: readonly CustomFieldDef[],
  values: Record<string, unknown> | undefined,
  mode: { create: true } | { create: false; current: Record<string, CustomValue> },
): { set: Map<string, CustomValue>; clear: string[] } {
  const active = new Map(defs.filter((d) => !d.archived).map((d) => [d.key, d]));
  const errors: FieldError[] = [];
  const set = new Map<string, CustomValue>();
  const clear: string[] = [];
  for (const [key, value] of Object.entries(values ?? {})) {
    const def = active.get(key);
    const path = `customFields.${key}`;
    if (!def) {
      errors.push({ path, message: 'unknown custom field' });
      continue;
    }
    if (isEmpty(value)) {
      if (def.required) errors.push({ path, message: 'this field is required' });
      else clear.push(key);
      continue;
    }
    const checked = checkCustomValue(def, value);
    if (checked.ok) set.set(key, checked.value);
    else errors.push({ path, message: checked.message });
  }
  if (mode.create) {
    for (const def of active.values()) {
      if (def.required && !set.has(def.key) && !errors.some((e) => e.path === `customFields.${def.key}`)) {
        errors.push({ path: `customFields.${def.key}`, message: 'this field is required' });
      }
    }
  }
  if (errors.length) throw PlatformErrors.validation_failed({ fields: errors.map((e) => e.path).join(', ') }, errors);
  return { set, clear };
}

/** The label to show in a language, falling back to any language given. */
export function labelIn(l: Labels, lang: keyof Labels): string {
  return l[lang] ?? l.en ?? l['zh-CN'] ?? l['zh-TW'] ?? '';
}
