// The tenders the payment panel offers. The server's registry decides what exists (cash, card, other
// built in; ledgers add gift card, stored value, points); this maps a kind to how its button and fields
// look. A kind the server knows but this list does not is still shown in sales and receipts by its name.
import type { CheckoutIconName } from '../icons.js';

export type TenderField =
  | { name: string; type: 'select'; options: readonly string[]; required?: boolean }
  | { name: string; type: 'text'; pattern?: string; maxLength?: number; required?: boolean; inputMode?: 'numeric' | 'text' };

export interface TenderSpec {
  kind: string;
  icon: CheckoutIconName;
  /** Cash semantics: change due, CAD 5 ¢ rounding, needs an open drawer. At most one per sale. */
  cash?: boolean;
  /** Needs a client on the ticket (their balance pays). */
  needsClient?: boolean;
  fields: TenderField[];
}

export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'discover', 'interac', 'unionpay', 'jcb', 'other'] as const;
export const OTHER_METHODS = ['cheque', 'voucher', 'other'] as const;

export const TENDERS: TenderSpec[] = [
  { kind: 'cash', icon: 'cash', cash: true, fields: [] },
  {
    kind: 'card',
    icon: 'card',
    fields: [
      { name: 'brand', type: 'select', options: CARD_BRANDS },
      { name: 'last4', type: 'text', pattern: '^\\d{4}$', maxLength: 4, inputMode: 'numeric' },
      { name: 'authCode', type: 'text', pattern: '^[A-Za-z0-9-]{1,20}$', maxLength: 20 },
    ],
  },
  {
    kind: 'other',
    icon: 'other',
    fields: [
      { name: 'method', type: 'select', options: OTHER_METHODS, required: true },
      { name: 'reference', type: 'text', maxLength: 60 },
    ],
  },
  { kind: 'gift_card', icon: 'gift', fields: [{ name: 'code', type: 'text', maxLength: 60, required: true }] },
  { kind: 'stored_value', icon: 'wallet', needsClient: true, fields: [] },
  { kind: 'points', icon: 'star', needsClient: true, fields: [] },
];

export const tenderSpec = (kind: string): TenderSpec | undefined => TENDERS.find((t) => t.kind === kind);

/** Whether a field's value is acceptable (blank is fine unless required). */
export function fieldOk(field: TenderField, value: string | undefined): boolean {
  const v = (value ?? '').trim();
  if (!v) return !field.required;
  if (field.type === 'select') return field.options.includes(v);
  return !field.pattern || new RegExp(field.pattern).test(v);
}
