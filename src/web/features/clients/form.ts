// The client create/edit form: state, checks, request bodies and the server's field errors. Pure.
import { isApiError, normalizePath } from '../../http/problem.js';
import type { Language } from '../../http/types.js';
import { isEmail } from '../../lib/validation.js';
import type { ClientCreateBody, ClientPatchBody } from './api.js';
import { type CustomInput, customErrorKey, customInputOf, isEmptyInput, toCustomValue } from './customValues.js';
import { looksLikePhone, maxDay } from './format.js';
import type { Client, CustomFieldDef, Pressure } from './types.js';

/** What the client agreed to when asked at the front desk (recorded with each consent answer). */
export const CONSENT_WORDING_VERSION = 'front-desk-2026-01';

export interface ClientForm {
  firstName: string;
  lastName: string;
  preferredName: string;
  phone: string;
  email: string;
  language: Language;
  birthMonth: string;
  birthDay: string;
  birthYear: string;
  lunar: boolean;
  gender: string;
  source: string;
  referrer: string;
  homeStoreId: string;
  tags: string[];
  favouriteStaffId: string;
  pressure: Pressure | '';
  focusAreas: string[];
  allergyReminder: string;
  custom: Record<string, CustomInput>;
  /** New clients only: marketing consent asked at the desk. */
  smsConsent: boolean;
  emailConsent: boolean;
}

export type ClientValidationKey =
  | 'required'
  | 'email'
  | 'phone'
  | 'birthday'
  | 'birthYear'
  | 'number'
  | 'date'
  | 'choice'
  | 'tag'
  | 'tooMany'
  | 'invalid';

export type ClientErrorRef = { key: ClientValidationKey; params?: Record<string, string | number> } | { message: string };
export type ClientFormErrors = Record<string, ClientErrorRef>;

/** Form keys that are laid out as inputs (server paths not under one of these go to the banner). */
export const CLIENT_FIELDS = [
  'firstName',
  'lastName',
  'preferredName',
  'phone',
  'email',
  'language',
  'birthday',
  'gender',
  'source',
  'referrer',
  'homeStoreId',
  'tags',
  'preferences',
  'customFields',
];

export const MAX_TAGS = 30;
export const MAX_TAG_LENGTH = 40;

export function emptyForm(defaults: { homeStoreId: string; language: Language }, defs: readonly CustomFieldDef[] = []): ClientForm {
  return {
    firstName: '',
    lastName: '',
    preferredName: '',
    phone: '',
    email: '',
    language: defaults.language,
    birthMonth: '',
    birthDay: '',
    birthYear: '',
    lunar: false,
    gender: '',
    source: '',
    referrer: '',
    homeStoreId: defaults.homeStoreId,
    tags: [],
    favouriteStaffId: '',
    pressure: '',
    focusAreas: [],
    allergyReminder: '',
    custom: Object.fromEntries(defs.filter((d) => !d.archived).map((d) => [d.key, customInputOf(d, undefined)])),
    smsConsent: false,
    emailConsent: false,
  };
}

export function toForm(c: Client, defs: readonly CustomFieldDef[]): ClientForm {
  const custom: Record<string, CustomInput> = {};
  for (const d of defs) if (!d.archived) custom[d.key] = customInputOf(d, c.customFields[d.key]);
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    preferredName: c.preferredName ?? '',
    phone: c.phoneDisplay ?? c.phone ?? '',
    email: c.email ?? '',
    language: c.language,
    birthMonth: c.birthday ? String(c.birthday.month) : '',
    birthDay: c.birthday ? String(c.birthday.day) : '',
    birthYear: c.birthday?.year ? String(c.birthday.year) : '',
    lunar: !!c.birthday?.lunar,
    gender: c.gender ?? '',
    source: c.source ?? '',
    referrer: c.referrer ?? '',
    homeStoreId: c.homeStoreId,
    tags: [...c.tags],
    favouriteStaffId: c.preferences.favouriteStaffId ?? '',
    pressure: c.preferences.pressure ?? '',
    focusAreas: [...c.preferences.focusAreas],
    allergyReminder: c.preferences.allergyReminder ?? '',
    custom,
    smsConsent: false,
    emailConsent: false,
  };
}

/** Checks a tag as typed: the error key, or null when it is fine. */
export function tagProblem(tag: string): ClientValidationKey | null {
  const t = tag.trim();
  if (!t || t.length > MAX_TAG_LENGTH || /[;\n\r]/.test(t)) return 'tag';
  return null;
}

function birthdayProblem(form: ClientForm, currentYear: number): ClientErrorRef | null {
  const { birthMonth, birthDay, birthYear } = form;
  if (!birthMonth && !birthDay && !birthYear) return null;
  const month = Number(birthMonth);
  const day = Number(birthDay);
  if (!birthMonth || !birthDay || !Number.isInteger(day)) return { key: 'birthday' };
  if (birthYear) {
    const year = Number(birthYear);
    if (!/^\d{4}$/.test(birthYear) || year < 1900 || year > currentYear) return { key: 'birthYear', params: { max: currentYear } };
  }
  const year = birthYear ? Number(birthYear) : null;
  if (day < 1 || day > maxDay(month, year, form.lunar)) return { key: 'birthday' };
  return null;
}

/**
 * Our own checks before sending. A required custom field must be filled on a new card, and on an
 * existing one only when it had a value (as the server does: a field made required later must not
 * block unrelated edits).
 */
export function validateClient(
  form: ClientForm,
  defs: readonly CustomFieldDef[],
  opts: { original?: Client | null; currentYear?: number } = {},
): ClientFormErrors {
  const errors: ClientFormErrors = {};
  if (!form.firstName.trim()) errors.firstName = { key: 'required' };
  if (form.email.trim() && !isEmail(form.email)) errors.email = { key: 'email' };
  if (!looksLikePhone(form.phone)) errors.phone = { key: 'phone' };
  const birthday = birthdayProblem(form, opts.currentYear ?? new Date().getFullYear());
  if (birthday) errors.birthday = birthday;
  if (form.tags.length > MAX_TAGS) errors.tags = { key: 'tooMany', params: { max: MAX_TAGS } };
  for (const def of defs) {
    if (def.archived) continue;
    const input = form.custom[def.key];
    const path = `customFields.${def.key}`;
    if (input === undefined || isEmptyInput(input)) {
      const had = opts.original ? opts.original.customFields[def.key] !== undefined : true;
      if (def.required && had) errors[path] = { key: 'required' };
      continue;
    }
    const value = toCustomValue(def, input);
    if (value === undefined) errors[path] = { key: customErrorKey(def.type) };
  }
  return errors;
}

const orNull = (s: string) => s.trim() || null;

function birthdayOf(form: ClientForm) {
  if (!form.birthMonth || !form.birthDay) return null;
  return {
    month: Number(form.birthMonth),
    day: Number(form.birthDay),
    year: form.birthYear ? Number(form.birthYear) : null,
    ...(form.lunar ? { lunar: true } : {}),
  };
}

function customValues(form: ClientForm, defs: readonly CustomFieldDef[], onlyFilled: boolean) {
  const out: Record<string, unknown> = {};
  for (const def of defs) {
    if (def.archived) continue;
    const input = form.custom[def.key];
    if (input === undefined) continue;
    const value = isEmptyInput(input) ? null : toCustomValue(def, input);
    if (value === undefined) continue;
    if (value === null && onlyFilled) continue;
    out[def.key] = value;
  }
  return out;
}

export function toCreateBody(form: ClientForm, defs: readonly CustomFieldDef[]): ClientCreateBody {
  const body: ClientCreateBody = {
    firstName: form.firstName.trim(),
    lastName: form.lastName.trim(),
    language: form.language,
    homeStoreId: form.homeStoreId || undefined,
  };
  const optional: Array<[string, string]> = [
    ['preferredName', form.preferredName],
    ['phone', form.phone],
    ['email', form.email],
    ['gender', form.gender],
    ['source', form.source],
    ['referrer', form.referrer],
  ];
  for (const [key, value] of optional) if (value.trim()) body[key] = value.trim();
  const birthday = birthdayOf(form);
  if (birthday) body.birthday = birthday;
  if (form.tags.length) body.tags = form.tags;
  const preferences: Record<string, unknown> = {};
  if (form.favouriteStaffId) preferences.favouriteStaffId = form.favouriteStaffId;
  if (form.pressure) preferences.pressure = form.pressure;
  if (form.focusAreas.length) preferences.focusAreas = form.focusAreas;
  if (form.allergyReminder.trim()) preferences.allergyReminder = form.allergyReminder.trim();
  if (Object.keys(preferences).length) body.preferences = preferences;
  const custom = customValues(form, defs, true);
  if (Object.keys(custom).length) body.customFields = custom;
  if (form.smsConsent || form.emailConsent) {
    body.consent = {
      ...(form.smsConsent ? { sms: true } : {}),
      ...(form.emailConsent ? { email: true } : {}),
      wordingVersion: CONSENT_WORDING_VERSION,
      source: 'front_desk',
    };
  }
  return body;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Only what changed, with the card's version (the server merges preferences and custom values). */
export function toPatchBody(form: ClientForm, original: Client, defs: readonly CustomFieldDef[]): ClientPatchBody {
  const before = toForm(original, defs);
  const body: ClientPatchBody = { version: original.version };
  if (form.firstName.trim() !== before.firstName) body.firstName = form.firstName.trim();
  if (form.lastName.trim() !== before.lastName) body.lastName = form.lastName.trim();
  const texts = ['preferredName', 'phone', 'email', 'gender', 'source', 'referrer'] as const;
  for (const key of texts) if (form[key].trim() !== before[key].trim()) body[key] = orNull(form[key]);
  if (form.language !== before.language) body.language = form.language;
  if (form.homeStoreId && form.homeStoreId !== before.homeStoreId) body.homeStoreId = form.homeStoreId;
  if (
    form.birthMonth !== before.birthMonth ||
    form.birthDay !== before.birthDay ||
    form.birthYear !== before.birthYear ||
    form.lunar !== before.lunar
  ) {
    body.birthday = birthdayOf(form);
  }
  if (!sameList(form.tags, before.tags)) body.tags = form.tags;
  const preferences: Record<string, unknown> = {};
  if (form.favouriteStaffId !== before.favouriteStaffId) preferences.favouriteStaffId = form.favouriteStaffId || null;
  if (form.pressure !== before.pressure) preferences.pressure = form.pressure || null;
  if (!sameList(form.focusAreas, before.focusAreas)) preferences.focusAreas = form.focusAreas;
  if (form.allergyReminder.trim() !== before.allergyReminder.trim()) preferences.allergyReminder = orNull(form.allergyReminder);
  if (Object.keys(preferences).length) body.preferences = preferences;
  const now = customValues(form, defs, false);
  const was = customValues(before, defs, false);
  const custom: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(now)) {
    if (JSON.stringify(value) !== JSON.stringify(was[key] ?? null)) custom[key] = value;
  }
  if (Object.keys(custom).length) body.customFields = custom;
  return body;
}

/** True when the edit changes nothing (only the version would be sent). */
export const isNoop = (body: ClientPatchBody) => Object.keys(body).length === 1;

/**
 * The server's field errors placed on the form, in the user's language: invalid_phone / invalid_email
 * and custom field paths get our own translated words (the server's per-field messages are English);
 * anything else keeps the server's message.
 */
export function mapServerErrors(error: unknown, defs: readonly CustomFieldDef[]): ClientFormErrors {
  if (!isApiError(error)) return {};
  const out: ClientFormErrors = {};
  const put = (path: string, ref: ClientErrorRef) => {
    if (!out[path]) out[path] = ref;
  };
  if (error.code === 'invalid_phone') put('phone', { key: 'phone' });
  if (error.code === 'invalid_email') put('email', { key: 'email' });
  for (const e of error.errors) {
    const path = normalizePath(e.path);
    if (path.startsWith('customFields.')) {
      const key = path.split('.')[1] ?? '';
      const def = defs.find((d) => d.key === key);
      put(`customFields.${key}`, /required/i.test(e.message) ? { key: 'required' } : { key: def ? customErrorKey(def.type) : 'invalid' });
    } else if (path === 'phone') put('phone', { key: 'phone' });
    else if (path === 'email') put('email', { key: 'email' });
    else if (path.startsWith('birthday')) put('birthday', { key: 'birthday' });
    else if (path === 'firstName') put('firstName', { key: 'required' });
    else if (path.startsWith('tags')) put('tags', { key: 'tag' });
    else if (path.startsWith('preferences.focusAreas')) put('preferences.focusAreas', { key: 'tag' });
    else if (path.startsWith('preferences.')) put(path, { message: e.message });
    else put(path.split('.')[0] ?? path, { message: e.message });
  }
  return out;
}
