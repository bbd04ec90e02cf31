// Form errors: our own checks carry an i18n key (so they follow a language switch), the server's
// carry its already-translated message.
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../http/problem.js';

export type ValidationKey =
  | 'required'
  | 'email'
  | 'passwordLength'
  | 'passwordMatch'
  | 'timeZone'
  | 'pin'
  | 'pinMatch'
  | 'storesRequired'
  | 'shiftOrder'
  | 'shiftOverlap'
  | 'shiftFormat'
  | 'date'
  | 'duplicateDate'
  | 'specialHours';

export type FieldError = { key: ValidationKey } | { message: string };
export type FormErrors = Record<string, FieldError>;

export const MIN_PASSWORD = 10;
export const PIN_PATTERN = /^\d{4,6}$/;
export const PIN_MAX = 6;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/**
 * The server's per-field errors as form errors. `codeFields` places errors that come without a
 * path on the field they are about (e.g. `email_taken` → "email"), using the server's own words.
 */
export function serverErrors(error: unknown, prefix?: string, codeFields: Record<string, string> = {}): FormErrors {
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(fieldErrors(error, prefix))) out[path] = { message };
  if (isApiError(error)) {
    const field = codeFields[error.code];
    const message = error.detail ?? error.title;
    if (field && message && !out[field]) out[field] = { message };
  }
  return out;
}

/** True when the error is one that `codeFields` shows on a field (so no banner is needed). */
export function placedOnField(error: unknown, codeFields: Record<string, string>): boolean {
  return isApiError(error) && error.code in codeFields && error.errors.length === 0;
}

export function hasErrors(errors: FormErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** Turns a FieldError into text in the current language (undefined when there is none). */
export function useErrorText(): (error: FieldError | undefined) => string | undefined {
  const { t } = useTranslation();
  return (error) => {
    if (!error) return undefined;
    if ('message' in error) return error.message;
    return t(`validation.${error.key}`, { min: MIN_PASSWORD });
  };
}

/** After a failed submit, puts the cursor in the first field that has an error. */
export function focusFirstError(root: ParentNode | null = typeof document === 'undefined' ? null : document): void {
  if (!root) return;
  requestAnimationFrame(() => {
    const field = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
    field?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  });
}
