// The frame of the client-facing pages: the store's name, the language picker, nothing of the staff app.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, Logo } from '../../../components/icons.js';
import { LanguageSwitcher } from '../../shell/LanguageSwitcher.js';

export function PublicLayout({
  storeName,
  address,
  phone,
  children,
}: {
  storeName?: string | undefined;
  address?: string | null | undefined;
  phone?: string | null | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="min-h-dvh bg-gradient-to-b from-orchid-50 via-zinc-50 to-zinc-50" data-testid="public-booking">
      <header className="sticky top-0 z-30 border-b border-zinc-200/70 bg-white/85 backdrop-blur-md">
        <div className="mx-auto flex h-14 max-w-3xl items-center gap-3 px-4">
          <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-orchid-700 text-white">
            <Icon name="calendar" className="size-4" />
          </span>
          <div className="min-w-0 flex-1">
            <p className="truncate text-[15px] font-semibold leading-tight text-zinc-900" data-testid="public-store-name">
              {storeName ?? ' '}
            </p>
            {address ? <p className="truncate text-xs text-zinc-500">{address}</p> : null}
          </div>
          <LanguageSwitcher compact className="shrink-0" />
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 pb-32 pt-5 sm:pt-8">{children}</main>
      <footer className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 pb-8 text-xs text-zinc-400">
        <span className="inline-flex items-center gap-1.5">
          <Logo className="size-4" />
          {t('booking.poweredBy')}
        </span>
        {phone ? (
          <a href={`tel:${phone}`} className="inline-flex items-center gap-1 text-zinc-500 hover:text-orchid-700">
            <Icon name="phone" className="size-3.5" />
            {phone}
          </a>
        ) : null}
      </footer>
    </div>
  );
}
