// Form errors: our own checks carry an i18n key (so they follow a language switch), the server's
// carry its already-translated message.
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/problem.js';

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
  | 'duplicateDate';

export type FieldError = { key: ValidationKey } | { message: string };
export type FormErrors = Record<string, FieldError>;

export const MIN_PASSWORD = 10;
export const PIN_PATTERN = /^\d{4,8}$/;
export const PIN_MAX = 8;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

export function serverErrors(error: unknown, prefix?: string): FormErrors {
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(fieldErrors(error, prefix))) out[path] = { message };
  return out;
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
