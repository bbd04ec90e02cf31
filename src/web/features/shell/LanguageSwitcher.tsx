import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { cx } from '../../components/cx.js';
import { Icon } from '../../components/icons.js';
import { useToast } from '../../components/Toast.js';
import type { Language } from '../../http/types.js';
import { currentLanguage, setUiLanguage } from '../../i18n/index.js';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages.js';
import { saveLanguage, signedIn } from '../auth/session.js';

/**
 * English / 简体中文 / 繁體中文. Switches at once; when `persist` is set (signed in) the choice is
 * saved to the user's profile with PATCH /me so it follows them to other devices.
 */
export function LanguageSwitcher({
  persist = false,
  onChange,
  className,
  compact = false,
}: {
  persist?: boolean;
  onChange?: (language: Language) => void;
  className?: string;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const save = useMutation({
    mutationFn: saveLanguage,
    onSuccess: (me) => signedIn(queryClient, me),
    onError: () => toast(t('shell.languageNotSaved'), 'error'),
  });
  const value = isLanguage(i18n.language) ? i18n.language : currentLanguage();

  const change = (next: string) => {
    if (!isLanguage(next)) return;
    void setUiLanguage(next);
    onChange?.(next);
    if (persist) save.mutate(next);
  };

  return (
    <label
      className={cx(
        'relative inline-flex h-9 items-center gap-1.5 rounded-lg pl-2.5 pr-7 text-sm text-zinc-700 ring-1 ring-inset ring-zinc-200 transition-colors hover:bg-zinc-50 focus-within:ring-2 focus-within:ring-orchid-600',
        className,
      )}
    >
      <Icon name="globe" className="size-4 text-zinc-500" />
      <span className="sr-only">{t('shell.language')}</span>
      <select
        data-testid="language-switcher"
        value={value}
        onChange={(e) => change(e.target.value)}
        className={cx('absolute inset-0 cursor-pointer appearance-none opacity-0')}
        aria-label={t('shell.language')}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
      <span aria-hidden="true" className={cx('font-medium', compact && 'max-sm:sr-only')}>
        {LANGUAGE_NAMES[value]}
      </span>
      <Icon name="chevronDown" className="pointer-events-none absolute right-2 size-3.5 text-zinc-400" />
    </label>
  );
}
