// The public gift card balance page (/gift-card): no sign-in; the client types or scans the number on
// her card. The server answers 404 for an unknown number after a constant-time check, and limits misses
// per address (429 with the wait), so the page only needs to say so in her language.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Logo } from '../../../components/icons.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { formatMoney } from '../../catalog/money.js';
import { LanguageSwitcher } from '../../shell/LanguageSwitcher.js';
import { publicGiftCardBalance, publicGiftCardBrandQuery } from '../api.js';
import { GiftCardCodeInput } from '../components/GiftCardCodeInput.js';
import { GiftCardStatusBadge } from '../components/GiftCardStatusBadge.js';
import { checkCode } from '../giftCode.js';
import { BalanceIcon } from '../icons.js';
import type { PublicGiftCardBalance } from '../types.js';

export function GiftCardBalancePage() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const check = useMutation({ mutationFn: (normalized: string) => publicGiftCardBalance(normalized) });
  const brand = useQuery(publicGiftCardBrandQuery);
  const businessName = check.data?.businessName || brand.data?.businessName || '';
  const state = checkCode(code);
  const submit = () => {
    if (state.state === 'ok') check.mutate(state.code);
  };
  return (
    <div className="min-h-dvh bg-gradient-to-b from-orchid-50 via-zinc-50 to-zinc-50" data-testid="public-gift-card">
      <header className="border-b border-zinc-200/70 bg-white/85 backdrop-blur-md">
        <div className="mx-auto flex h-14 max-w-xl items-center gap-3 px-4">
          {/* The business's mark: its initial (there is no uploaded logo yet), else the gift icon. */}
          <span
            className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-orchid-700 text-sm font-semibold text-white"
            aria-hidden="true"
          >
            {businessName ? [...businessName][0]!.toUpperCase() : <BalanceIcon name="gift" className="size-4" />}
          </span>
          <div className="min-w-0 flex-1">
            <p className="truncate text-[15px] font-semibold leading-tight text-zinc-900" data-testid="public-gift-card-business">
              {businessName || t('balances.public.brand')}
            </p>
            {businessName ? <p className="truncate text-xs text-zinc-500">{t('balances.public.brand')}</p> : null}
          </div>
          <LanguageSwitcher compact className="shrink-0" />
        </div>
      </header>
      <main className="mx-auto max-w-xl px-4 pb-24 pt-8 sm:pt-14">
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900 sm:text-3xl">{t('balances.public.title')}</h1>
        <p className="mt-2 text-sm text-zinc-600">{t('balances.public.body')}</p>
        <form
          className="mt-6 rounded-2xl bg-white p-5 shadow-card ring-1 ring-zinc-200 sm:p-6"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor="public-gift-card-code" className="text-sm font-medium text-zinc-800">
            {t('balances.public.codeLabel')}
          </label>
          <GiftCardCodeInput
            id="public-gift-card-code"
            value={code}
            onChange={(v) => {
              setCode(v);
              if (check.data || check.error) check.reset();
            }}
            onSubmit={(c) => check.mutate(c)}
            autoFocus
            className="mt-1.5"
            testId="public-gift-card-code"
          />
          <Button
            type="submit"
            variant="primary"
            size="lg"
            className="mt-4 w-full"
            disabled={state.state !== 'ok'}
            loading={check.isPending}
            data-testid="public-gift-card-submit"
          >
            {t('balances.public.submit')}
          </Button>
          {check.error ? <ProblemAlert error={check.error} className="mt-4" testId="public-gift-card-error" /> : null}
        </form>
        {check.data ? <Result card={check.data} /> : null}
        <p className="mt-8 text-center text-xs text-zinc-400">{t('balances.public.privacy')}</p>
      </main>
      <footer className="mx-auto flex max-w-xl items-center justify-center gap-1.5 px-4 pb-8 text-xs text-zinc-400">
        <Logo className="size-4" />
        {t('balances.public.poweredBy')}
      </footer>
    </div>
  );
}

function Result({ card }: { card: PublicGiftCardBalance }) {
  const { t, i18n } = useTranslation();
  const money = formatMoney(card.balance, card.currency, i18n.language);
  const date = card.expiresAt ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(card.expiresAt)) : null;
  return (
    <section
      className="relative mt-6 overflow-hidden rounded-2xl bg-gradient-to-br from-orchid-700 via-orchid-600 to-orchid-800 p-6 text-white shadow-pop"
      data-testid="public-gift-card-result"
      data-status={card.status}
      data-balance={card.balance}
      aria-live="polite"
    >
      <BalanceIcon name="gift" className="absolute -right-6 -top-6 size-36 text-white/10" />
      <div className="flex items-center justify-between">
        <span className="font-mono text-sm tracking-widest text-white/80">•••• {card.last4}</span>
        <GiftCardStatusBadge status={card.status} />
      </div>
      <p className="mt-8 text-xs uppercase tracking-wide text-white/70">{t('balances.public.balance')}</p>
      <p className="text-5xl font-semibold tabular-nums" data-testid="public-gift-card-balance">
        {money}
      </p>
      <p className="mt-4 text-sm text-white/80">
        {card.status === 'replaced'
          ? t('balances.public.replaced')
          : card.status === 'void'
            ? t('balances.public.void')
            : card.status === 'expired'
              ? t('balances.public.expired', { date })
              : date
                ? t('balances.public.expires', { date })
                : t('balances.public.noExpiry')}
      </p>
    </section>
  );
}
