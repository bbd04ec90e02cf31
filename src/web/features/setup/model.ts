// The setup wizard's form state and its client-side checks (the server checks again).
import type { Currency, Language } from '../../http/types.js';
import { normalizeTimeZone } from '../../lib/timezones.js';
import { type FormErrors, isEmail, MIN_PASSWORD } from '../../lib/validation.js';

export const STEPS = ['business', 'store', 'owner', 'done'] as const;
export type Step = (typeof STEPS)[number];

export interface SetupForm {
  business: { name: string; currency: Currency; language: Language };
  store: { name: string; timeZone: string; address: string; phone: string };
  owner: { name: string; email: string; password: string; confirm: string };
}

/** Errors by field path such as "owner.email". */
export type SetupErrors = FormErrors;

export function validateStep(step: Step, form: SetupForm): SetupErrors {
  const errors: SetupErrors = {};
  if (step === 'business') {
    if (!form.business.name.trim()) errors['business.name'] = { key: 'required' };
  }
  if (step === 'store') {
    if (!form.store.name.trim()) errors['store.name'] = { key: 'required' };
    if (!normalizeTimeZone(form.store.timeZone)) errors['store.timeZone'] = { key: 'timeZone' };
  }
  if (step === 'owner') {
    if (!form.owner.name.trim()) errors['owner.name'] = { key: 'required' };
    if (!form.owner.email.trim()) errors['owner.email'] = { key: 'required' };
    else if (!isEmail(form.owner.email)) errors['owner.email'] = { key: 'email' };
    if (form.owner.password.length < MIN_PASSWORD) errors['owner.password'] = { key: 'passwordLength' };
    if (form.owner.confirm !== form.owner.password) errors['owner.confirm'] = { key: 'passwordMatch' };
  }
  return errors;
}

/** The first step that has an error for any of the given field paths. */
export function firstStepWithError(paths: string[]): Step | null {
  for (const step of STEPS) if (paths.some((p) => p === step || p.startsWith(`${step}.`))) return step;
  return null;
}

export function toRequest(form: SetupForm) {
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    business: { name: form.business.name.trim(), currency: form.business.currency, language: form.business.language },
    store: {
      name: form.store.name.trim(),
      timeZone: normalizeTimeZone(form.store.timeZone) ?? form.store.timeZone,
      address: optional(form.store.address),
      phone: optional(form.store.phone),
    },
    owner: { name: form.owner.name.trim(), email: form.owner.email.trim(), password: form.owner.password },
  };
}

/** Canadian zones or an en-CA/fr-CA browser suggest dollars of the right kind. */
export function guessCurrency(zone: string, languages: readonly string[]): Currency {
  const canadianZones = ['Toronto', 'Vancouver', 'Edmonton', 'Winnipeg', 'Regina', 'Halifax', 'St_Johns', 'Montreal', 'Moncton'];
  if (canadianZones.some((city) => zone.endsWith(`/${city}`))) return 'CAD';
  if (languages.some((l) => /-CA$/i.test(l))) return 'CAD';
  return 'USD';
}
