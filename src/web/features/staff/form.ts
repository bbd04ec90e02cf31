// The staff create/edit form: state, checks and request body.
import type { Language, Role, Staff } from '../../http/types.js';
import { type FormErrors, isEmail, MIN_PASSWORD, PIN_PATTERN } from '../../lib/validation.js';
import type { StaffInput } from './api.js';

export interface StaffForm {
  name: string;
  displayName: string;
  email: string;
  phone: string;
  role: Role;
  storeIds: string[];
  language: Language;
  password: string;
  pin: string;
}

export const STAFF_FIELDS = ['name', 'displayName', 'email', 'phone', 'role', 'storeIds', 'language', 'password', 'pin'];

export function toForm(staff: Staff | null, defaults: { storeId?: string; language: Language }): StaffForm {
  if (staff) {
    return {
      name: staff.name,
      displayName: staff.displayName === staff.name ? '' : staff.displayName,
      email: staff.email,
      phone: staff.phone ?? '',
      role: staff.role,
      storeIds: [...staff.storeIds],
      language: staff.language,
      password: '',
      pin: '',
    };
  }
  return {
    name: '',
    displayName: '',
    email: '',
    phone: '',
    role: 'technician',
    storeIds: defaults.storeId ? [defaults.storeId] : [],
    language: defaults.language,
    password: '',
    pin: '',
  };
}

export function validateStaff(form: StaffForm, isNew: boolean): FormErrors {
  const errors: FormErrors = {};
  if (!form.name.trim()) errors.name = { key: 'required' };
  if (!form.email.trim()) errors.email = { key: 'required' };
  else if (!isEmail(form.email)) errors.email = { key: 'email' };
  // Owners work in every store; everyone else needs at least one.
  if (form.role !== 'owner' && form.storeIds.length === 0) errors.storeIds = { key: 'storesRequired' };
  if (isNew && form.password && form.password.length < MIN_PASSWORD) errors.password = { key: 'passwordLength' };
  if (isNew && form.pin && !PIN_PATTERN.test(form.pin)) errors.pin = { key: 'pin' };
  return errors;
}

/** The fields an edit sends. A cleared display name falls back to the name; a cleared phone is null. */
export function toInput(form: StaffForm): StaffInput {
  return {
    name: form.name.trim(),
    displayName: form.displayName.trim() || form.name.trim(),
    email: form.email.trim(),
    phone: form.phone.trim() || null,
    role: form.role,
    storeIds: form.storeIds,
    language: form.language,
  };
}

export function toCreateBody(form: StaffForm): Omit<StaffInput, 'phone'> & { phone?: string; password?: string; pin?: string } {
  return {
    ...toInput(form),
    phone: form.phone.trim() || undefined,
    password: form.password || undefined,
    pin: form.pin || undefined,
  };
}
