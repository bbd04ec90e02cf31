// Stored value (储值) on the client's balances tab: the total, principal apart from bonus, the last top-up,
// today's top-up offers, a "will it cover this ticket?" check, and a manager's adjustment.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Icon } from '../../../components/icons.js';
import { Card } from '../../../components/Page.js';
import { useToast } from '../../../components/Toast.js';
import { useFormat } from '../../../lib/format.js';
import { dateIn } from '../../../lib/hours.js';
import { useCan, useMe } from '../../auth/session.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { adjustWallet, balancesKey, bonusRulesQuery } from '../api.js';
import { AdjustDialog } from '../components/AdjustDialog.js';
import { StatTile } from '../components/StatTile.js';
import { WalletOfferNotice } from '../components/WalletOfferNotice.js';
import { BalanceIcon } from '../icons.js';
import { parseMoney, useMoney } from '../money.js';
import { currentOffers } from '../rules.js';
import type { WalletSummary } from '../types.js';
import { TopUpDrawer } from './TopUpDrawer.js';
import { WalletStoresDialog } from './WalletStoresDialog.js';

export function WalletCard({ clientId, wallet }: { clientId: string; wallet: WalletSummary }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const toast = useToast();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { store } = useCurrentStore();
  const { m, currency } = useMoney();
  const [adjusting, setAdjusting] = useState(false);
  const [limiting, setLimiting] = useState(false);
  const [toppingUp, setToppingUp] = useState(false);
  const [check, setCheck] = useState('');
  const rules = useQuery(bonusRulesQuery);
  const offers = currentOffers(rules.data?.data ?? [], {
    storeId: store?.id ?? null,
    today: dateIn(store?.timeZone ?? 'UTC'),
    firstTopUp: wallet.lastTopUp === null,
  });
  const checkAmount = parseMoney(check) ?? 0;
  const bonusShare = wallet.total > 0 ? Math.round((wallet.bonus / wallet.total) * 100) : 0;
  const lastStore = wallet.lastTopUp ? me.stores.find((s) => s.id === wallet.lastTopUp?.storeId)?.name : undefined;
  const usableAt = wallet.usableAtStoreIds?.map((id) => me.stores.find((s) => s.id === id)?.name ?? '').filter(Boolean);

  return (
    <Card
      testId="wallet-card"
      title={
        <span className="inline-flex items-center gap-2">
          <BalanceIcon name="wallet" className="size-5 text-orchid-600" />
          {t('balances.wallet.title')}
        </span>
      }
      description={t(`balances.wallet.spendOrder.${wallet.spendOrder}`)}
      actions={
        <div className="flex flex-wrap gap-2">
          {store && can('sales.write') ? (
            <Button size="sm" variant="primary" icon="plus" onClick={() => setToppingUp(true)} data-testid="wallet-top-up">
              {t('balances.topUp.action')}
            </Button>
          ) : null}
          {can('ledgers.rules') ? (
            <Button size="sm" icon="lock" onClick={() => setLimiting(true)} data-testid="wallet-stores">
              {t('balances.wallet.stores.action')}
            </Button>
          ) : null}
          {can('ledgers.adjust') ? (
            <Button size="sm" icon="pencil" onClick={() => setAdjusting(true)} data-testid="wallet-adjust">
              {t('balances.adjust.action')}
            </Button>
          ) : null}
        </div>
      }
    >
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{t('balances.wallet.total')}</p>
          <p
            className="text-4xl font-semibold tracking-tight tabular-nums text-zinc-900"
            data-testid="wallet-total"
            data-value={wallet.total}
          >
            {m(wallet.total)}
          </p>
        </div>
        {wallet.lastTopUp ? (
          <p className="max-w-xs text-sm text-zinc-500 sm:text-right" data-testid="wallet-last-top-up">
            {t('balances.wallet.lastTopUp', {
              amount: m(wallet.lastTopUp.amount),
              date: format.date(wallet.lastTopUp.at),
            })}
            {wallet.lastTopUp.bonus > 0 ? ` ${t('balances.wallet.lastBonus', { bonus: m(wallet.lastTopUp.bonus) })}` : ''}
            {lastStore ? ` · ${lastStore}` : ''}
          </p>
        ) : (
          <p className="max-w-xs text-sm text-zinc-500 sm:text-right">{t('balances.wallet.never')}</p>
        )}
      </div>

      {wallet.lastReminder ? <ReminderNote reminder={wallet.lastReminder} /> : null}

      {usableAt ? (
        <p
          className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200"
          data-testid="wallet-usable-at"
        >
          {usableAt.length ? t('balances.wallet.stores.onlyAt', { stores: usableAt.join(', ') }) : t('balances.wallet.stores.nowhere')}
          {wallet.storeLimit?.reason ? ` · ${wallet.storeLimit.reason}` : ''}
        </p>
      ) : null}

      {wallet.total > 0 ? (
        <div className="mt-4 flex h-2 overflow-hidden rounded-full bg-zinc-100" aria-hidden="true">
          <div className="bg-orchid-600" style={{ width: `${100 - bonusShare}%` }} />
          <div className="bg-amber-400" style={{ width: `${bonusShare}%` }} />
        </div>
      ) : null}
      <div className="mt-3 grid grid-cols-2 gap-3">
        <StatTile
          label={
            <span className="inline-flex items-center gap-1.5">
              <span className="size-2 rounded-full bg-orchid-600" />
              {t('balances.wallet.principal')}
            </span>
          }
          value={m(wallet.principal)}
          hint={t('balances.wallet.principalHint')}
          testId="wallet-principal"
          rawValue={wallet.principal}
        />
        <StatTile
          label={
            <span className="inline-flex items-center gap-1.5">
              <span className="size-2 rounded-full bg-amber-400" />
              {t('balances.wallet.bonus')}
            </span>
          }
          value={m(wallet.bonus)}
          hint={t('balances.wallet.bonusHint')}
          testId="wallet-bonus"
          rawValue={wallet.bonus}
        />
      </div>

      {offers.length > 0 ? (
        <div className="mt-4" data-testid="wallet-offers">
          <p className="text-xs font-medium text-zinc-500">{t('balances.wallet.offersTitle')}</p>
          <ul className="mt-1.5 flex flex-wrap gap-1.5">
            {offers.map((o) => (
              <li
                key={o.pay}
                className="rounded-full bg-amber-50 px-2.5 py-1 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-200"
                title={o.ruleName}
              >
                {t('balances.wallet.offer', { pay: m(o.pay), bonus: m(o.bonus) })}
                {o.firstOnly ? ` · ${t('balances.wallet.firstOnly')}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {store ? (
        <div className="mt-5 border-t border-zinc-100 pt-4">
          <label className="text-sm font-medium text-zinc-800" htmlFor="wallet-check-amount">
            {t('balances.offer.checkLabel')}
          </label>
          <div className="mt-1.5 flex flex-col gap-3 sm:flex-row sm:items-start">
            <MoneyInput
              id="wallet-check-amount"
              value={check}
              onChange={setCheck}
              currency={currency}
              placeholder="0.00"
              className="sm:w-40"
              data-testid="wallet-check-amount"
            />
            {checkAmount > 0 ? (
              <WalletOfferNotice clientId={clientId} storeId={store.id} amount={checkAmount} className="flex-1" />
            ) : (
              <p className="text-sm text-zinc-500 sm:self-center">{t('balances.offer.checkHint')}</p>
            )}
          </div>
        </div>
      ) : null}

      {store ? (
        <TopUpDrawer open={toppingUp} clientId={clientId} storeId={store.id} offers={offers} onClose={() => setToppingUp(false)} />
      ) : null}

      {limiting ? (
        <WalletStoresDialog
          clientId={clientId}
          wallet={wallet}
          open={limiting}
          onClose={() => setLimiting(false)}
          onDone={() => {
            setLimiting(false);
            toast(t('balances.wallet.stores.saved'));
            void queryClient.invalidateQueries({ queryKey: balancesKey(clientId) });
          }}
        />
      ) : null}

      <AdjustDialog
        open={adjusting}
        onClose={() => setAdjusting(false)}
        title={t('balances.adjust.walletTitle')}
        description={t('balances.adjust.walletBody')}
        unit="money"
        parts={[
          { value: 'principal', label: t('balances.wallet.principal'), balance: wallet.principal },
          { value: 'bonus', label: t('balances.wallet.bonus'), balance: wallet.bonus },
        ]}
        submit={(input, key) =>
          adjustWallet(
            clientId,
            { part: input.part === 'bonus' ? 'bonus' : 'principal', amount: input.amount, reason: input.reason, storeId: input.storeId },
            key,
          )
        }
        onDone={() => {
          setAdjusting(false);
          toast(t('balances.adjust.done'));
          void queryClient.invalidateQueries({ queryKey: balancesKey(clientId) });
        }}
        testId="wallet-adjust-dialog"
      />
    </Card>
  );
}

/** The latest balance reminder decision, so the desk knows whether she was told her balance is low, and if not, why. */
function ReminderNote({ reminder }: { reminder: NonNullable<WalletSummary['lastReminder']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { m } = useMoney();
  const vars = { date: format.date(reminder.at), balance: m(reminder.balance) };
  return (
    <p
      className="mt-3 flex items-center gap-2 text-sm text-zinc-600"
      data-testid="wallet-reminder"
      data-state={reminder.skipped ? `skipped:${reminder.skipped}` : 'sent'}
    >
      <Icon name="mail" className="size-4 shrink-0 text-zinc-400" />
      {reminder.skipped
        ? t('balances.wallet.reminder.skipped', { ...vars, why: t(`balances.wallet.reminder.why.${reminder.skipped}`) })
        : t('balances.wallet.reminder.sent', {
            ...vars,
            channels: reminder.channels.map((c) => t(`balances.wallet.reminder.channel.${c}`)).join(t('balances.wallet.reminder.and')),
          })}
    </p>
  );
}
