import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogErrors } from '../../../catalog/errors.js';
import type { FormError, FormErrors } from '../templateForm.js';

/** A form error as text in the UI language. */
export function useErr(): (e: FormError | undefined) => string | undefined {
  const { t } = useTranslation();
  return (e) => {
    if (!e) return undefined;
    return 'message' in e ? e.message : (t as (k: string, o?: object) => string)(e.key, e.values);
  };
}

/** The errors of one path prefix, for the catalog's TranslationInputs (which only shows server messages). */
export function asCatalogErrors(errors: FormErrors): CatalogErrors {
  const out: CatalogErrors = {};
  for (const [k, v] of Object.entries(errors)) if ('message' in v) out[k] = v;
  return out;
}

/** A card-framed section of the editor. */
export function EditorSection({
  title,
  description,
  children,
  testId,
  aside,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  testId?: string;
  aside?: ReactNode;
}) {
  return (
    <section className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200" data-testid={testId}>
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-zinc-100 px-5 py-4">
        <div>
          <h2 className="text-base font-semibold text-zinc-900">{title}</h2>
          {description ? <p className="mt-0.5 text-sm text-zinc-500">{description}</p> : null}
        </div>
        {aside}
      </header>
      <div className="space-y-5 p-5">{children}</div>
    </section>
  );
}
