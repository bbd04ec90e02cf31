// Gift cards (礼品卡) at the front desk: check a card by number (typed or scanned, the check character
// verified as it is typed), see its balance and history, adjust it, sell a new card or a reload (a
// ticket line paid at checkout), and the cards sold lately.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Select } from '../../../components/Input.js';
import { PageHeader } from '../../../components/Page.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../../components/Table.js';
import { useFormat } from '../../../lib/format.js';
import { useCan, useMe } from '../../auth/session.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { Guard } from '../../shell/Guard.js';
import { giftCardsQuery, lookupGiftCard } from '../api.js';
import { GiftCardCodeInput } from '../components/GiftCardCodeInput.js';
import { GiftCardStatusBadge } from '../components/GiftCardStatusBadge.js';
import { checkCode } from '../giftCode.js';
import { BalanceIcon } from '../icons.js';
import { useMoney } from '../money.js';
import { GiftCardDrawer } from './GiftCardDrawer.js';
import { SellGiftCardDrawer } from './SellGiftCardDrawer.js';

export function GiftCardsPage() {
  return (
    <Guard allow="ledgers.read">
      <GiftCards />
    </Guard>
  );
}

function GiftCards() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { card?: string };
  const [code, setCode] = useState('');
  const [lookedUp, setLookedUp] = useState<{ id: string; code: string } | null>(null);
  const [selling, setSelling] = useState<{ mode: 'new' } | { mode: 'reload'; code: string } | null>(null);
  const openCard = (id: string | null) => void navigate({ to: '/gift-cards', search: id ? { card: id } : {}, replace: true });

  const lookup = useMutation({
    mutationFn: (normalized: string) => lookupGiftCard(normalized),
    onSuccess: (card, normalized) => {
      setLookedUp({ id: card.id, code: normalized });
      openCard(card.id);
    },
  });
  const state = checkCode(code);
  const submit = () => {
    if (state.state === 'ok') lookup.mutate(state.code);
  };

  return (
    <div data-testid="gift-cards-page">
      <PageHeader
        title={t('balances.giftCards.pageTitle')}
        description={t('balances.giftCards.pageBody')}
        actions={
          <>
            <a
              href="/gift-card"
              target="_blank"
              rel="noreferrer"
              className="text-sm font-medium text-orchid-700 hover:text-orchid-900"
              data-testid="gift-cards-public-link"
            >
              {t('balances.giftCards.publicLink')}
            </a>
            {can('sales.write') ? (
              <Button variant="primary" icon="plus" onClick={() => setSelling({ mode: 'new' })} data-testid="gift-cards-sell">
                {t('balances.giftCards.sell')}
              </Button>
            ) : null}
          </>
        }
      />

      <section className="rounded-xl bg-white p-5 shadow-card ring-1 ring-zinc-200 sm:p-6" data-testid="gift-card-lookup">
        <div className="flex items-start gap-4">
          <span className="hidden size-11 shrink-0 items-center justify-center rounded-xl bg-orchid-50 text-orchid-700 ring-1 ring-orchid-100 sm:flex">
            <BalanceIcon name="scan" className="size-6" />
          </span>
          <form
            className="min-w-0 flex-1"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <label htmlFor="gift-card-lookup-code" className="text-base font-semibold text-zinc-900">
              {t('balances.giftCards.lookupTitle')}
            </label>
            <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-start">
              <GiftCardCodeInput
                id="gift-card-lookup-code"
                value={code}
                onChange={(v) => {
                  setCode(v);
                  if (lookup.error) lookup.reset();
                }}
                onSubmit={(c) => lookup.mutate(c)}
                autoFocus
                className="flex-1"
                testId="gift-card-lookup-code"
              />
              <Button
                type="submit"
                variant="primary"
                size="lg"
                className="h-11"
                disabled={state.state !== 'ok'}
                loading={lookup.isPending}
                data-testid="gift-card-lookup-submit"
              >
                {t('balances.giftCards.lookup')}
              </Button>
            </div>
            {lookup.error ? <ProblemAlert error={lookup.error} className="mt-3" testId="gift-card-lookup-error" /> : null}
          </form>
        </div>
      </section>

      <RecentCards onOpen={(id) => openCard(id)} />

      <GiftCardDrawer
        cardId={search.card ?? null}
        onClose={() => openCard(null)}
        onOpen={(id) => openCard(id)}
        onReload={lookedUp && lookedUp.id === search.card ? () => setSelling({ mode: 'reload', code: lookedUp.code }) : undefined}
      />
      <SellGiftCardDrawer
        open={selling !== null}
        reloadCode={selling?.mode === 'reload' ? selling.code : null}
        onClose={() => setSelling(null)}
      />
    </div>
  );
}

function RecentCards({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const { m } = useMoney();
  const { store } = useCurrentStore();
  const [scope, setScope] = useState<'store' | 'all'>('store');
  const cards = useQuery(giftCardsQuery({ storeId: scope === 'store' ? store?.id : undefined }));
  const storeName = (id: string) => me.stores.find((s) => s.id === id)?.name ?? '';
  return (
    <section className="mt-8">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-base font-semibold text-zinc-900">{t('balances.giftCards.recent')}</h2>
        {me.stores.length > 1 ? (
          <Select
            value={scope}
            onChange={(e) => setScope(e.target.value === 'all' ? 'all' : 'store')}
            className="w-48"
            aria-label={t('balances.giftCards.scope')}
          >
            <option value="store">{store?.name}</option>
            <option value="all">{t('balances.giftCards.allStores')}</option>
          </Select>
        ) : null}
      </div>
      {cards.isPending ? (
        <Loading label={t('common.loading')} />
      ) : cards.isError ? (
        <ProblemAlert error={cards.error} />
      ) : cards.data.data.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState
            icon="receipt"
            title={t('balances.giftCards.emptyTitle')}
            description={t('balances.giftCards.emptyBody')}
            testId="gift-cards-empty"
          />
        </div>
      ) : (
        <Table data-testid="gift-cards-table">
          <THead>
            <tr>
              <Th>{t('balances.giftCards.card')}</Th>
              <Th>{t('balances.giftCards.statusLabel')}</Th>
              <Th className="text-right">{t('balances.giftCards.balance')}</Th>
              <Th className="hidden text-right md:table-cell">{t('balances.giftCards.initial')}</Th>
              <Th className="hidden md:table-cell">{t('balances.giftCards.soldAt')}</Th>
              <Th className="hidden sm:table-cell">{t('balances.giftCards.activated')}</Th>
            </tr>
          </THead>
          <tbody>
            {cards.data.data.map((c) => (
              <Tr key={c.id} onClick={() => onOpen(c.id)} data-testid="gift-card-row">
                <Td className="font-mono tracking-wider text-zinc-900">{c.maskedCode}</Td>
                <Td>
                  <GiftCardStatusBadge status={c.status} />
                </Td>
                <Td className="text-right font-semibold tabular-nums text-zinc-900">{m(c.balance)}</Td>
                <Td className="hidden text-right tabular-nums md:table-cell">{m(c.initialAmount)}</Td>
                <Td className="hidden md:table-cell">{storeName(c.storeId)}</Td>
                <Td className="hidden whitespace-nowrap text-zinc-500 sm:table-cell">{format.date(c.activatedAt)}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
