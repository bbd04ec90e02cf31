// The frame of the client's own pages: a calm header, her language, nothing of the staff app.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Logo } from '../../components/icons.js';
import { PackageIcon } from '../packages/icons.js';
import { LanguageSwitcher } from '../shell/LanguageSwitcher.js';

export function PortalLayout({ children, action }: { children: ReactNode; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="min-h-dvh bg-gradient-to-b from-orchid-50 via-zinc-50 to-zinc-50" data-testid="portal">
      <header className="sticky top-0 z-30 border-b border-zinc-200/70 bg-white/85 backdrop-blur-md">
        <div className="mx-auto flex h-14 max-w-2xl items-center gap-3 px-4">
          <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-orchid-700 text-white">
            <PackageIcon name="sparkles" className="size-4" />
          </span>
          <p className="min-w-0 flex-1 truncate text-[15px] font-semibold text-zinc-900">{t('portal.title')}</p>
          {action}
          <LanguageSwitcher compact className="shrink-0" />
        </div>
      </header>
      <main className="mx-auto max-w-2xl px-4 pb-16 pt-5 sm:pt-8">{children}</main>
      <footer className="mx-auto flex max-w-2xl items-center gap-1.5 px-4 pb-8 text-xs text-zinc-400">
        <Logo className="size-4" />
        {t('portal.poweredBy')}
      </footer>
    </div>
  );
}
