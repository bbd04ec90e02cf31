// One gift card: balance, status, where and when it was sold, expiry, holder, history and adjustment.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Drawer } from '../../../components/Drawer.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useToast } from '../../../components/Toast.js';
import { useFormat } from '../../../lib/format.js';
import { useCan, useMe } from '../../auth/session.js';
import { adjustGiftCard, giftCardQuery } from '../api.js';
import { AdjustDialog } from '../components/AdjustDialog.js';
import { GiftCardStatusBadge } from '../components/GiftCardStatusBadge.js';
import { BalanceIcon } from '../icons.js';
import { useMoney } from '../money.js';
import type { GiftCardDetail } from '../types.js';
import { ReplaceGiftCardDialog } from './ReplaceGiftCardDialog.js';

const CARD_KINDS = [
  'sale',
  'reload',
  'spend',
  'spend_refund',
  'sale_refund',
  'adjustment',
  'merge_in',
  'merge_out',
  'transfer_in',
  'transfer_out',
] as const;
type CardKind = (typeof CARD_KINDS)[number];
const isKind = (k: string): k is CardKind => (CARD_KINDS as readonly string[]).includes(k);

export function GiftCardDrawer({
  cardId,
  onClose,
  onReload,
  onOpen,
}: {
  cardId: string | null;
  onClose: () => void;
  /** Present when the full code is known (looked up by code): sell a reload of this card. */
  onReload?: (() => void) | undefined;
  /** Opens another card (the replacement of a lost one). */
  onOpen?: ((cardId: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const card = useQuery({ ...giftCardQuery(cardId ?? ''), enabled: !!cardId });
  return (
    <Drawer
      open={!!cardId}
      onClose={onClose}
      title={card.data ? card.data.maskedCode : t('balances.giftCards.card')}
      description={t('balances.giftCards.drawerBody')}
      testId="gift-card-drawer"
    >
      {card.isPending ? (
        <Loading label={t('common.loading')} />
      ) : card.isError ? (
        <ProblemAlert error={card.error} />
      ) : (
        <Detail card={card.data} onReload={onReload} onOpen={onOpen} />
      )}
    </Drawer>
  );
}

function Detail({
  card,
  onReload,
  onOpen,
}: {
  card: GiftCardDetail;
  onReload?: (() => void) | undefined;
  onOpen?: ((cardId: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const toast = useToast();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { m } = useMoney();
  const [adjusting, setAdjusting] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const store = (id: string | null) => (id ? (me.stores.find((s) => s.id === id)?.name ?? '') : '');
  const facts: [string, React.ReactNode][] = [
    [t('balances.giftCards.initial'), m(card.initialAmount)],
    [t('balances.giftCards.soldAt'), store(card.storeId) || '—'],
    [t('balances.giftCards.activated'), format.dateTime(card.activatedAt)],
    [t('balances.giftCards.expiry'), card.expiresAt ? format.date(card.expiresAt) : t('balances.giftCards.neverExpires')],
    [t('balances.giftCards.kind'), card.codeKind === 'generated' ? t('balances.giftCards.generated') : t('balances.giftCards.scanned')],
  ];
  if (card.recipientName) facts.push([t('balances.giftCards.recipient'), card.recipientName]);
  if (card.replacedAt) facts.push([t('balances.giftCards.replace.replacedAt'), format.dateTime(card.replacedAt)]);

  return (
    <div className="space-y-6" data-testid="gift-card-detail" data-card-id={card.id}>
      <div className="relative overflow-hidden rounded-2xl bg-gradient-to-br from-orchid-700 via-orchid-600 to-orchid-800 p-5 text-white shadow-pop">
        <BalanceIcon name="gift" className="absolute -right-4 -top-4 size-28 text-white/10" />
        <div className="flex items-center justify-between">
          <span className="font-mono text-sm tracking-widest text-white/80">{card.maskedCode}</span>
          <GiftCardStatusBadge status={card.status} />
        </div>
        <p className="mt-6 text-xs uppercase tracking-wide text-white/70">{t('balances.giftCards.balance')}</p>
        <p className="text-4xl font-semibold tabular-nums" data-testid="gift-card-balance" data-value={card.balance}>
          {m(card.balance)}
        </p>
      </div>

      <div className="flex flex-wrap gap-2">
        {can('ledgers.adjust') && card.status === 'active' ? (
          <Button icon="refresh" onClick={() => setReplacing(true)} data-testid="gift-card-replace">
            {t('balances.giftCards.replace.action')}
          </Button>
        ) : null}
        {card.replacedById && onOpen ? (
          <Button icon="chevronRight" onClick={() => onOpen(card.replacedById!)} data-testid="gift-card-open-replacement">
            {t('balances.giftCards.replace.openNew')}
          </Button>
        ) : null}
        {can('ledgers.adjust') && card.status !== 'void' && card.status !== 'replaced' ? (
          <Button icon="pencil" onClick={() => setAdjusting(true)} data-testid="gift-card-adjust">
            {t('balances.adjust.action')}
          </Button>
        ) : null}
        {onReload && card.status === 'active' && can('sales.write') ? (
          <Button icon="plus" onClick={onReload} data-testid="gift-card-reload">
            {t('balances.giftCards.reload')}
          </Button>
        ) : null}
        {card.clientId ? (
          <Link
            to="/clients/$clientId"
            params={{ clientId: card.clientId }}
            search={{ tab: 'balances' }}
            className="inline-flex h-10 items-center gap-1.5 rounded-lg px-3 text-sm font-medium text-orchid-700 hover:bg-orchid-50"
          >
            {t('balances.giftCards.holder')}
          </Link>
        ) : null}
      </div>

      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-zinc-500">{label}</dt>
            <dd className="font-medium text-zinc-900">{value}</dd>
          </div>
        ))}
      </dl>

      <section>
        <h3 className="text-sm font-semibold text-zinc-900">{t('balances.giftCards.history')}</h3>
        <ul className="mt-2 divide-y divide-zinc-100 rounded-xl ring-1 ring-zinc-200" data-testid="gift-card-history">
          {card.entries.map((e) => (
            <li key={e.id} className="flex items-start gap-3 px-4 py-2.5">
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium text-zinc-900">{isKind(e.kind) ? t(`balances.kinds.giftCard.${e.kind}`) : e.kind}</p>
                <p className="text-xs text-zinc-500">{[format.dateTime(e.at), store(e.storeId), e.reason].filter(Boolean).join(' · ')}</p>
              </div>
              <div className="text-right">
                <p className={cx('text-sm font-semibold tabular-nums', e.amount > 0 ? 'text-emerald-700' : 'text-zinc-900')}>
                  {m(e.amount, { sign: true })}
                </p>
                <p className="text-xs tabular-nums text-zinc-500">{t('balances.statement.left', { balance: m(e.balanceAfter) })}</p>
              </div>
            </li>
          ))}
        </ul>
      </section>

      {replacing ? (
        <ReplaceGiftCardDialog
          card={card}
          open={replacing}
          onClose={() => {
            setReplacing(false);
            void queryClient.invalidateQueries({ queryKey: ['balances'] });
          }}
          onReplaced={(id) => {
            setReplacing(false);
            toast(t('balances.giftCards.replace.toast'));
            void queryClient.invalidateQueries({ queryKey: ['balances'] });
            onOpen?.(id);
          }}
        />
      ) : null}

      <AdjustDialog
        open={adjusting}
        onClose={() => setAdjusting(false)}
        title={t('balances.adjust.giftCardTitle', { card: card.maskedCode })}
        unit="money"
        balance={card.balance}
        submit={(input) => adjustGiftCard(card.id, { amount: input.amount, reason: input.reason, storeId: input.storeId })}
        onDone={() => {
          setAdjusting(false);
          toast(t('balances.adjust.done'));
          void queryClient.invalidateQueries({ queryKey: ['balances'] });
        }}
        testId="gift-card-adjust-dialog"
      />
    </div>
  );
}
