import { describe, expect, it } from 'vitest';
import { staffChanged, staffErrorsById, staffList, toServiceBody, toServiceForm, validateService } from './serviceForm.js';
import type { Service } from './types.js';

const service: Service = {
  id: 's1',
  categoryId: 'c1',
  name: 'Gel Manicure',
  nameTranslations: { 'zh-CN': '凝胶美甲' },
  displayName: 'Gel Manicure',
  description: null,
  descriptionTranslations: {},
  displayDescription: null,
  durationMin: 45,
  bufferBeforeMin: 0,
  bufferAfterMin: 5,
  processingStartMin: null,
  processingMin: null,
  price: 4000,
  taxClass: 'service',
  onlineBookable: true,
  color: '#E91E63',
  resourceType: null,
  locks: ['price'],
  staff: [{ staffId: 'a', price: 4500, durationMin: null }],
  addOnIds: ['x'],
  archived: false,
  version: 3,
};

describe('service form', () => {
  it('round-trips a service into the request body, in cents', () => {
    const body = toServiceBody(toServiceForm(service));
    expect(body).toMatchObject({
      name: 'Gel Manicure',
      nameTranslations: { 'zh-CN': '凝胶美甲' },
      description: null,
      categoryId: 'c1',
      durationMin: 45,
      bufferAfterMin: 5,
      processingStartMin: null,
      processingMin: null,
      price: 4000,
      locks: ['price'],
      addOnIds: ['x'],
      resourceType: null,
    });
  });

  it('sends the processing gap only when switched on', () => {
    const form = { ...toServiceForm(service), hasGap: true, processingStartMin: 10, processingMin: 20 };
    expect(toServiceBody(form)).toMatchObject({ processingStartMin: 10, processingMin: 20 });
    expect(validateService({ ...form, processingStartMin: 30 }).processingMin).toEqual({ key: 'catalog.validation.gapAfterEnd' });
  });

  it('checks name, price and keys', () => {
    const form = { ...toServiceForm(null), price: '12.345', taxClass: 'Retail Tax' };
    expect(Object.keys(validateService(form)).sort()).toEqual(['name', 'price', 'taxClass']);
    expect(validateService({ ...form, name: 'x', price: '', taxClass: 'service' })).toEqual({ price: { key: 'validation.required' } });
  });

  it('lists the chosen staff in table order, own price in cents, blank as null', () => {
    const form = toServiceForm(service);
    form.staff.b = { on: true, price: '', durationMin: 60 };
    form.staff.c = { on: false, price: '50', durationMin: null };
    form.staff.gone = { on: true, price: '', durationMin: null };
    expect(staffList(form, ['b', 'a', 'c'])).toEqual([
      { staffId: 'b', price: null, durationMin: 60 },
      { staffId: 'a', price: 4500, durationMin: null },
    ]);
    expect(
      validateService({ ...form, staff: { ...form.staff, b: { on: true, price: 'abc', durationMin: null } } })['staff.b.price'],
    ).toBeDefined();
  });

  it('notices staff changes regardless of order', () => {
    const a = [
      { staffId: 'a', price: null, durationMin: null },
      { staffId: 'b', price: 100, durationMin: null },
    ];
    expect(staffChanged(a, [...a].reverse())).toBe(false);
    expect(staffChanged(a, [a[0]!])).toBe(true);
    expect(staffChanged(a, [a[0]!, { staffId: 'b', price: 200, durationMin: null }])).toBe(true);
  });

  it('puts server errors about the n-th staff row on that person', () => {
    const sent = [
      { staffId: 'a', price: null, durationMin: null },
      { staffId: 'b', price: null, durationMin: 20 },
    ];
    expect(staffErrorsById({ 'staff.1.durationMin': { message: 'too short' }, name: { message: 'x' } }, sent)).toEqual({
      'staff.b.durationMin': { message: 'too short' },
      name: { message: 'x' },
    });
  });
});
