import { describe, expect, it } from 'vitest';
import { ApiError } from '../../http/problem.js';
import { toCustomValue } from './customValues.js';
import { CONSENT_WORDING_VERSION, emptyForm, isNoop, mapServerErrors, toCreateBody, toForm, toPatchBody, validateClient } from './form.js';
import type { Client, CustomFieldDef } from './types.js';

const def = (over: Partial<CustomFieldDef>): CustomFieldDef => ({
  id: 'f1',
  key: 'nail_shape',
  type: 'choice',
  required: false,
  labels: { en: 'Nail shape', 'zh-CN': '甲型' },
  options: [{ value: 'almond' }, { value: 'square' }],
  sortOrder: 0,
  archived: false,
  version: 1,
  ...over,
});

const defs = [def({}), def({ id: 'f2', key: 'visits_per_month', type: 'number', required: true, options: [] })];

const client: Client = {
  id: 'c1',
  firstName: '小明',
  lastName: '王',
  preferredName: 'Mandy',
  phone: '+14155550134',
  phoneDisplay: '(415) 555-0134',
  email: 'mandy@example.com',
  homeStoreId: 's1',
  tags: ['VIP'],
  allergyReminder: null,
  archived: false,
  mergedIntoId: null,
  lastVisitAt: null,
  version: 3,
  birthday: { month: 3, day: 15, year: null, lunar: false },
  gender: null,
  language: 'zh-CN',
  source: null,
  referrer: null,
  preferences: { favouriteStaffId: null, pressure: 'firm', focusAreas: ['neck'], allergyReminder: null },
  customFields: { nail_shape: 'almond', visits_per_month: 2 },
  consent: { sms: null, email: null },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('client form checks', () => {
  it('needs a first name, a real email, a plausible phone and a real birthday', () => {
    const form = { ...emptyForm({ homeStoreId: 's1', language: 'en' }, defs), email: 'nope', phone: '12', birthMonth: '2', birthDay: '30' };
    const errors = validateClient(form, defs, { currentYear: 2026 });
    expect(Object.keys(errors).sort()).toEqual(['birthday', 'customFields.visits_per_month', 'email', 'firstName', 'phone']);
  });

  it('does not ask for a required field the card never had (HQ made it required later)', () => {
    const old = { ...client, customFields: {} };
    const form = toForm(old, defs);
    expect(validateClient(form, defs, { original: old })).toEqual({});
    const had = toForm(client, defs);
    had.custom.visits_per_month = '';
    expect(validateClient(had, defs, { original: client })).toEqual({ 'customFields.visits_per_month': { key: 'required' } });
  });

  it('checks custom values by type', () => {
    const form = { ...toForm(client, defs), custom: { nail_shape: 'round', visits_per_month: 'many' } };
    expect(validateClient(form, defs, { original: client })).toEqual({
      'customFields.nail_shape': { key: 'choice' },
      'customFields.visits_per_month': { key: 'number' },
    });
    expect(toCustomValue(def({ type: 'yes_no', options: [] }), 'yes')).toBe(true);
    expect(toCustomValue(def({ type: 'date', options: [] }), '2026-02-30')).toBeUndefined();
    expect(toCustomValue(def({ type: 'multi_choice' }), ['square', 'square'])).toEqual(['square']);
  });
});

describe('client request bodies', () => {
  it('creates with only what was filled, consent with the wording version', () => {
    const form = {
      ...emptyForm({ homeStoreId: 's1', language: 'zh-CN' }, defs),
      firstName: ' 小明 ',
      lastName: '王',
      phone: '(415) 555-0134',
      smsConsent: true,
      custom: { nail_shape: '', visits_per_month: '4' },
    };
    expect(toCreateBody(form, defs)).toEqual({
      firstName: '小明',
      lastName: '王',
      language: 'zh-CN',
      homeStoreId: 's1',
      phone: '(415) 555-0134',
      customFields: { visits_per_month: 4 },
      consent: { sms: true, wordingVersion: CONSENT_WORDING_VERSION, source: 'front_desk' },
    });
  });

  it('patches only the changes, with the version; cleared values are null', () => {
    const form = toForm(client, defs);
    expect(isNoop(toPatchBody(form, client, defs))).toBe(true);
    form.email = '';
    form.pressure = '';
    form.tags = ['VIP', 'Gel'];
    form.birthYear = '1990';
    form.custom.nail_shape = 'square';
    expect(toPatchBody(form, client, defs)).toEqual({
      version: 3,
      email: null,
      birthday: { month: 3, day: 15, year: 1990 },
      tags: ['VIP', 'Gel'],
      preferences: { pressure: null },
      customFields: { nail_shape: 'square' },
    });
  });
});

describe("the server's field errors", () => {
  it('land on the right inputs in our own words', () => {
    const phone = new ApiError({ status: 422, code: 'invalid_phone', errors: [{ path: 'phone', message: 'not a valid phone number' }] });
    expect(mapServerErrors(phone, defs)).toEqual({ phone: { key: 'phone' } });
    const custom = new ApiError({
      status: 400,
      code: 'validation_failed',
      errors: [
        { path: 'customFields.visits_per_month', message: 'expected a number' },
        { path: '/customFields/nail_shape', message: 'this field is required' },
        { path: 'preferences.favouriteStaffId', message: 'no such staff member' },
      ],
    });
    expect(mapServerErrors(custom, defs)).toEqual({
      'customFields.visits_per_month': { key: 'number' },
      'customFields.nail_shape': { key: 'required' },
      'preferences.favouriteStaffId': { message: 'no such staff member' },
    });
  });
});
