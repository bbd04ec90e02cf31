import { describe, expect, it } from 'vitest';
import type { KindInfo } from '../types.js';
import { fieldOk, fieldsOf, initialFields, isCashKind, tenderIcon, tenderSpecs } from './tenders.js';

const kind = (k: Partial<KindInfo> & { kind: string }): KindInfo => ({
  label: k.kind,
  enabled: true,
  requiresClient: false,
  input: { type: 'object', properties: {} },
  fieldLabels: {},
  ...k,
});

// As GET /sales/kinds sends them (JSON Schema of each kind's zod schema).
const card = kind({
  kind: 'card',
  label: 'Card',
  cash: false,
  input: {
    type: 'object',
    properties: {
      brand: { type: 'string', enum: ['visa', 'mastercard'] },
      last4: { type: 'string', pattern: '^\\d{4}$' },
      authCode: { type: 'string', pattern: '^[A-Za-z0-9-]{1,20}$' },
    },
  },
  fieldLabels: { last4: 'Last 4 digits' },
});
const other = kind({
  kind: 'other',
  input: {
    type: 'object',
    properties: { method: { type: 'string', enum: ['cheque', 'voucher', 'other'] }, reference: { type: 'string', maxLength: 60 } },
    required: ['method'],
  },
});
const storedValue = kind({
  kind: 'stored_value',
  requiresClient: true,
  input: { type: 'object', properties: { confirmationId: { type: 'string', format: 'uuid', pattern: '^[0-9a-f-]+$' } } },
});

describe('tenders from the server’s registry', () => {
  it('turns each kind’s JSON Schema into the fields a person types', () => {
    expect(fieldsOf(card)).toEqual([
      { name: 'brand', label: 'brand', type: 'select', options: ['visa', 'mastercard'] },
      { name: 'last4', label: 'Last 4 digits', type: 'text', pattern: '^\\d{4}$', maxLength: 4, inputMode: 'numeric' },
      { name: 'authCode', label: 'authCode', type: 'text', pattern: '^[A-Za-z0-9-]{1,20}$' },
    ]);
    expect(fieldsOf(other)).toEqual([
      { name: 'method', label: 'method', type: 'select', options: ['cheque', 'voucher', 'other'], required: true },
      { name: 'reference', label: 'reference', type: 'text', maxLength: 60 },
    ]);
    // Ids filled by other screens (an OTP confirmation) are not typed at the tender.
    expect(fieldsOf(storedValue)).toEqual([]);
  });

  it('offers the enabled tenders in the registry’s order, a newly registered one included', () => {
    const voucher = kind({
      kind: 'partner_voucher',
      label: 'Partner voucher',
      input: { type: 'object', properties: { serial: { type: 'string' } }, required: ['serial'] },
    });
    const specs = tenderSpecs({
      lineKinds: [],
      tenders: [
        kind({ kind: 'cash', label: 'Cash', cash: true }),
        card,
        other,
        storedValue,
        kind({ kind: 'points', enabled: false }),
        voucher,
      ],
    });
    expect(specs.map((s) => s.kind)).toEqual(['cash', 'card', 'other', 'stored_value', 'partner_voucher']);
    expect(specs[0]).toMatchObject({ cash: true, icon: 'cash', label: 'Cash' });
    expect(specs[3]).toMatchObject({ needsClient: true, icon: 'wallet' });
    expect(specs[4]).toMatchObject({ icon: 'other', label: 'Partner voucher', fields: [{ name: 'serial', required: true }] });
    expect(initialFields(specs[2]!)).toEqual({ method: 'cheque' });
    expect(initialFields(specs[1]!)).toEqual({});
  });

  it('checks typed values against the field', () => {
    const [brand, last4] = fieldsOf(card);
    expect(fieldOk(brand!, '')).toBe(true);
    expect(fieldOk(brand!, 'amex')).toBe(false);
    expect(fieldOk(last4!, '4242')).toBe(true);
    expect(fieldOk(last4!, '424')).toBe(false);
    expect(fieldOk(fieldsOf(other)[0]!, ' ')).toBe(false);
    expect(fieldOk(fieldsOf(other)[1]!, 'x'.repeat(61))).toBe(false);
    expect(isCashKind('cash')).toBe(true);
    expect(isCashKind('card')).toBe(false);
    expect(tenderIcon('gift_card')).toBe('gift');
  });
});
