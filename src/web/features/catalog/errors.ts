// Form errors in the catalog: our own checks carry a key (so they follow a language switch), the
// server's carry its already-translated message, placed on the field its path names.
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../http/problem.js';

export type CatalogErrorKey =
  | 'validation.required'
  | 'catalog.validation.money'
  | 'catalog.validation.key'
  | 'catalog.validation.gapIncomplete'
  | 'catalog.validation.gapAfterEnd'
  | 'catalog.validation.size'
  | 'catalog.validation.sku'
  | 'catalog.validation.barcode'
  | 'catalog.validation.sortOrder';

export type CatalogError = { key: CatalogErrorKey } | { message: string };
export type CatalogErrors = Record<string, CatalogError>;

export const hasErrors = (errors: CatalogErrors) => Object.keys(errors).length > 0;

/** The server's per-field errors, with an optional prefix put in front of each path (`staff`). */
export function fromServer(error: unknown, opts: { prefix?: string; codeFields?: Record<string, string> } = {}): CatalogErrors {
  const out: CatalogErrors = {};
  for (const [path, message] of Object.entries(fieldErrors(error))) {
    out[opts.prefix ? `${opts.prefix}.${path}` : path] = { message };
  }
  if (isApiError(error)) {
    const field = opts.codeFields?.[error.code];
    const message = error.detail ?? error.title;
    if (field && message && !out[field]) out[field] = { message };
  }
  return out;
}

export function useErrText(): (error: CatalogError | undefined) => string | undefined {
  const { t } = useTranslation();
  return (error) => {
    if (!error) return undefined;
    return 'message' in error ? error.message : t(error.key);
  };
}

/** A lowercase key such as pedicure_chair or ny_spa (what the API takes for tax classes and resource types). */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** "Pedicure Chair" → "pedicure_chair": what people type, made into a key. */
export function toKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/[^a-z0-9_]/g, '');
}
