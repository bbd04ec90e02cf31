import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field.js';
import { Input, Textarea } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import type { Language } from '../../../http/types.js';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../i18n/languages.js';
import { type CatalogErrors, useErrText } from '../errors.js';

export type TranslationForm = Record<Language, string>;

export const emptyTranslations = (): TranslationForm => ({ en: '', 'zh-CN': '', 'zh-TW': '' });

export function toTranslationForm(tr: Partial<Record<Language, string>> | undefined): TranslationForm {
  return { en: tr?.en ?? '', 'zh-CN': tr?.['zh-CN'] ?? '', 'zh-TW': tr?.['zh-TW'] ?? '' };
}

/** Only the languages filled in (the API treats a missing one as "use the base text"). */
export function fromTranslationForm(form: TranslationForm): Partial<Record<Language, string>> {
  const out: Partial<Record<Language, string>> = {};
  for (const lang of LANGUAGES) {
    const v = form[lang].trim();
    if (v) out[lang] = v;
  }
  return out;
}

/**
 * English / 简体中文 / 繁體中文 versions of a name or description. Each is optional: a customer
 * reading in a language with no translation sees the base text.
 */
export function TranslationInputs({
  value,
  onChange,
  errors,
  path,
  testId,
  multiline,
  maxLength,
  base,
  stacked,
}: {
  value: TranslationForm;
  onChange: (value: TranslationForm) => void;
  errors: CatalogErrors;
  /** The API field ("nameTranslations"), for server errors. */
  path: string;
  testId: string;
  multiline?: boolean;
  maxLength: number;
  /** The base text, shown as the placeholder of an empty translation. */
  base: string;
  /** One under the other (narrow dialogs). */
  stacked?: boolean;
}) {
  const { t } = useTranslation();
  const err = useErrText();
  return (
    <div className={stacked ? 'grid gap-3' : 'grid gap-3 sm:grid-cols-3'}>
      {LANGUAGES.map((lang) => (
        <Field
          key={lang}
          label={<span lang={lang}>{LANGUAGE_NAMES[lang]}</span>}
          optional={t('common.optional')}
          error={err(errors[`${path}.${lang}`])}
        >
          {multiline ? (
            <Textarea
              lang={lang}
              rows={2}
              maxLength={maxLength}
              data-testid={`${testId}-${lang}`}
              value={value[lang]}
              placeholder={base}
              onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
            />
          ) : (
            <Input
              lang={lang}
              maxLength={maxLength}
              data-testid={`${testId}-${lang}`}
              value={value[lang]}
              placeholder={base}
              onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
            />
          )}
        </Field>
      ))}
    </div>
  );
}

/** The translations of a name, framed with a title that says what they are for. */
export function TranslationsBox(props: Parameters<typeof TranslationInputs>[0]) {
  const { t } = useTranslation();
  return (
    <div className="rounded-xl bg-zinc-50 p-4 ring-1 ring-inset ring-zinc-200">
      <p className="mb-3 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm font-medium text-zinc-800">
        <Icon name="globe" className="size-4 text-zinc-500" />
        {t('catalog.translations.title')}
        <span className="font-normal text-zinc-500">{t('catalog.translations.hint')}</span>
      </p>
      <TranslationInputs {...props} />
    </div>
  );
}
