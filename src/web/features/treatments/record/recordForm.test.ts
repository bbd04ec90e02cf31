import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../types.js';
import { dayAfter, emptyRecordForm, toRecordBody } from './recordForm.js';

const L = (en: string) => ({ en });
const fields: FieldDef[] = [
  {
    key: 'skinType',
    label: L('Skin type'),
    type: 'choice',
    options: [
      { value: 'dry', label: L('Dry') },
      { value: 'oily', label: L('Oily') },
    ],
  },
  { key: 'hydration', label: L('Hydration'), type: 'scale', min: 1, max: 5, required: true },
  { key: 'length', label: L('Length'), type: 'number', min: 5, max: 18, unit: 'mm' },
  { key: 'focusAreas', label: L('Focus'), type: 'multi', options: [{ value: 'neck', label: L('Neck') }] },
  { key: 'oil', label: L('Oil'), type: 'text' },
];

describe('treatment record form', () => {
  const base = () => ({ ...emptyRecordForm({ serviceId: 's', storeId: 'st', staffId: 'x', now: new Date(2026, 2, 10, 14, 30) }) });

  it('sends typed template values and drops empty ones', () => {
    const form = base();
    form.metrics = { skinType: 'dry', hydration: 3, length: '10.5', focusAreas: [], oil: '  ' };
    form.products = [{ productId: 'p1', amount: '2.5' }];
    form.nextRecommendedOn = '2026-03-24';
    form.endedAt = '15:30';
    const { body, errors } = toRecordBody(form, fields);
    expect(errors).toEqual({});
    expect(body?.metrics).toEqual({ skinType: 'dry', hydration: 3, length: 10.5 });
    expect(body?.products).toEqual([{ productId: 'p1', amount: 2.5 }]);
    expect(body?.nextRecommendedOn).toBe('2026-03-24');
    expect(new Date(body!.endedAt!).getTime() - new Date(body!.startedAt!).getTime()).toBe(3_600_000);
  });

  it('refuses a missing required field, a number out of range, a bad amount and an end before the start', () => {
    const form = base();
    form.metrics = { length: '30' };
    form.products = [{ productId: 'p1', amount: '0' }];
    form.endedAt = '09:00';
    const { body, errors } = toRecordBody(form, fields);
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['endedAt', 'metrics.hydration', 'metrics.length', 'products.0.amount']);
  });

  it('counts days for the next visit across a month end', () => {
    expect(dayAfter('2026-03-25T10:00', 14)).toBe('2026-04-08');
  });
});
