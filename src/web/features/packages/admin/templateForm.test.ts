import { describe, expect, it } from 'vitest';
import type { PackageTemplate } from '../types.js';
import { emptyForm, emptyItem, toBody, toForm } from './templateForm.js';

const svc = '01a21c83-6fae-7783-b072-0a7117a8b45b';

describe('package template form', () => {
  it('turns a filled form into the API body (cents, numbers, null for "every store")', () => {
    const form = emptyForm();
    form.name = ' 10 Facials ';
    form.nameTranslations['zh-CN'] = '面部护理十次卡';
    form.items = [{ ...emptyItem(), label: 'Signature Facial', sessions: '10', serviceIds: [svc] }];
    form.price = '$850';
    form.freezeAllowed = true;
    form.freezeMaxDays = '30';
    const { body, errors } = toBody(form);
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      name: '10 Facials',
      nameTranslations: { 'zh-CN': '面部护理十次卡' },
      items: [{ label: 'Signature Facial', sessions: 10, serviceIds: [svc], step: null, valuePerSession: null }],
      price: 85000,
      validity: { kind: 'months', months: 12 },
      storeIds: null,
      freeze: { allowed: true, maxDays: 30 },
      sharing: { shareable: false, maxMembers: 0 },
    });
  });

  it('reports every problem on its API path', () => {
    const form = emptyForm();
    form.items = [{ ...emptyItem(), sessions: '0', value: '12.345' }];
    form.price = 'abc';
    form.staged = true;
    form.allStores = false;
    form.validityKind = 'fixed';
    const { body, errors } = toBody(form);
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(
      [
        'name',
        'items.0.label',
        'items.0.sessions',
        'items.0.serviceIds',
        'items.0.valuePerSession',
        'items.0.step',
        'price',
        'validity.until',
        'storeIds',
      ].sort(),
    );
  });

  it('round-trips a stored template, keeping item keys', () => {
    const tpl: PackageTemplate = {
      id: 't1',
      name: 'Skin Renewal',
      nameTranslations: { 'zh-TW': '煥膚療程' },
      description: null,
      descriptionTranslations: {},
      items: [
        {
          key: 'clean',
          label: 'Cleansing',
          labelTranslations: {},
          sessions: 5,
          serviceIds: [svc],
          step: 1,
          valuePerSession: 12000,
          allocation: [],
        },
        {
          key: 'repair',
          label: 'Repair',
          labelTranslations: {},
          sessions: 5,
          serviceIds: [svc],
          step: 2,
          valuePerSession: null,
          allocation: [],
        },
      ],
      sessionsTotal: 10,
      products: [],
      price: 99000,
      taxClass: null,
      validity: { kind: 'fixed', until: '2027-06-30' },
      storeIds: ['s1'],
      freeze: { allowed: false, maxDays: 0 },
      sharing: { shareable: true, maxMembers: 3 },
      stepped: true,
      active: true,
      version: 4,
      createdAt: '',
      updatedAt: '',
    };
    const { body } = toBody(toForm(tpl));
    expect(body?.items.map((i) => [i.key, i.step, i.valuePerSession])).toEqual([
      ['clean', 1, 12000],
      ['repair', 2, null],
    ]);
    expect(body).toMatchObject({
      price: 99000,
      validity: { kind: 'fixed', until: '2027-06-30' },
      storeIds: ['s1'],
      sharing: { shareable: true, maxMembers: 3 },
    });
  });
});
