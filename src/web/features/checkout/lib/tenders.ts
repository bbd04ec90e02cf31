// How the payment panel draws the tenders. Which tenders exist at a store, their labels and their fields
// come from the server's registry (GET /sales/kinds: built-in cash, card, other; the ledgers' gift card,
// stored value, points; whatever a module registers), so a new tender shows up here unchanged. Only the
// icon of a kind known here is picked on this side. Pure.
import type { CheckoutIconName } from '../icons.js';
import type { KindInfo, SalesKinds } from '../types.js';

export type TenderField =
  | { name: string; label: string; type: 'select'; options: readonly string[]; required?: boolean }
  | {
      name: string;
      label: string;
      type: 'text';
      pattern?: string;
      maxLength?: number;
      required?: boolean;
      inputMode?: 'numeric' | 'text';
    };

export interface TenderSpec {
  kind: string;
  /** In the reader's language, from the server. */
  label: string;
  icon: CheckoutIconName;
  /** Cash semantics: change due, CAD 5 ¢ rounding, needs an open drawer. At most one per sale. */
  cash?: boolean;
  /** Needs a client on the ticket (their balance pays). */
  needsClient?: boolean;
  fields: TenderField[];
}

const ICONS: Record<string, CheckoutIconName> = {
  cash: 'cash',
  card: 'card',
  other: 'other',
  gift_card: 'gift',
  stored_value: 'wallet',
  points: 'star',
};
export const tenderIcon = (kind: string): CheckoutIconName => ICONS[kind] ?? 'other';

/** The built-in cash tender (the only one with cash semantics on the server). */
export const isCashKind = (kind: string): boolean => kind === 'cash';

type JsonProperty = { type?: unknown; enum?: unknown; pattern?: unknown; maxLength?: unknown; format?: unknown };

const DIGITS = /^\^\\d\{(\d+)\}\$$/;

/**
 * The fields a person types for a tender, from its JSON Schema: a list of values is a select, a plain
 * string a text box. Anything else (ids such as an OTP confirmation, numbers) is filled by other screens.
 */
export function fieldsOf(kind: Pick<KindInfo, 'input' | 'fieldLabels'>): TenderField[] {
  const required = new Set(Array.isArray(kind.input.required) ? (kind.input.required as string[]) : []);
  const out: TenderField[] = [];
  for (const [name, raw] of Object.entries(kind.input.properties ?? {})) {
    const p = raw as JsonProperty;
    const label = kind.fieldLabels[name] ?? name;
    const req = required.has(name) ? { required: true } : {};
    if (Array.isArray(p.enum) && p.enum.every((v) => typeof v === 'string')) {
      out.push({ name, label, type: 'select', options: p.enum as string[], ...req });
    } else if (p.type === 'string' && p.format === undefined) {
      const pattern = typeof p.pattern === 'string' ? p.pattern : undefined;
      const digits = pattern ? DIGITS.exec(pattern) : null;
      const maxLength = typeof p.maxLength === 'number' ? p.maxLength : digits ? Number(digits[1]) : undefined;
      out.push({
        name,
        label,
        type: 'text',
        ...(pattern ? { pattern } : {}),
        ...(maxLength !== undefined ? { maxLength } : {}),
        ...(digits ? { inputMode: 'numeric' as const } : {}),
        ...req,
      });
    }
  }
  return out;
}

/** The tenders a store offers, in the registry's order (switched-off ones left out). */
export function tenderSpecs(kinds: SalesKinds): TenderSpec[] {
  return kinds.tenders
    .filter((k) => k.enabled)
    .map((k) => ({
      kind: k.kind,
      label: k.label,
      icon: tenderIcon(k.kind),
      ...(k.cash ? { cash: true } : {}),
      ...(k.requiresClient ? { needsClient: true } : {}),
      fields: fieldsOf(k),
    }));
}

/** A new tender's starting field values: a required list starts on its first value. */
export function initialFields(spec: TenderSpec): Record<string, string> {
  return Object.fromEntries(
    spec.fields.flatMap((f) => (f.type === 'select' && f.required && f.options[0] ? [[f.name, f.options[0]]] : [])),
  );
}

/** Whether a field's value is acceptable (blank is fine unless required). */
export function fieldOk(field: TenderField, value: string | undefined): boolean {
  const v = (value ?? '').trim();
  if (!v) return !field.required;
  if (field.type === 'select') return field.options.includes(v);
  if (field.maxLength !== undefined && v.length > field.maxLength) return false;
  return !field.pattern || new RegExp(field.pattern).test(v);
}
