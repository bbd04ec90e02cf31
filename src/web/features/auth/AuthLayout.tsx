import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../components/cx.js';
import { Logo } from '../../components/icons.js';
import { LanguageSwitcher } from '../shell/LanguageSwitcher.js';

/** The frame around the screens shown before sign-in: setup, login and PIN switch. */
export function AuthLayout({
  children,
  onLanguageChange,
  wide = false,
}: {
  children: ReactNode;
  onLanguageChange?: (language: 'en' | 'zh-CN' | 'zh-TW') => void;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-dvh flex-col bg-[radial-gradient(80rem_40rem_at_50%_-10rem,var(--color-orchid-100),transparent)]">
      <header className="mx-auto flex w-full max-w-6xl items-center justify-between px-5 py-4 sm:px-8">
        <div className="flex items-center gap-2.5">
          <Logo className="size-8" />
          <span className="text-lg font-semibold tracking-tight text-zinc-900">{t('app.name')}</span>
        </div>
        <LanguageSwitcher onChange={onLanguageChange} />
      </header>
      <main className={cx('mx-auto flex w-full flex-1 flex-col px-4 pb-12 pt-4 sm:px-6 sm:pt-10', wide ? 'max-w-3xl' : 'max-w-md')}>
        {children}
      </main>
      <footer className="pb-6 text-center text-xs text-zinc-400">{t('app.footer')}</footer>
    </div>
  );
}
