// A client's balances in one line (stored value, points, tier), for any screen that shows a client:
// checkout's client header, the appointment panel. Reusable; renders nothing without ledgers.read.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { useCan } from '../../auth/session.js';
import { clientBalancesQuery, tierName } from '../api.js';
import { BalanceIcon } from '../icons.js';
import { useMoney, useNumber } from '../money.js';

export function BalanceChip({ clientId, className }: { clientId: string; className?: string }) {
  const can = useCan();
  if (!can('ledgers.read')) return null;
  return <Chip clientId={clientId} className={className} />;
}

function Chip({ clientId, className }: { clientId: string; className?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { m } = useMoney();
  const n = useNumber();
  const balances = useQuery(clientBalancesQuery(clientId));
  if (!balances.data) return null;
  const { wallet, points, tier } = balances.data;
  return (
    <div className={cx('flex flex-wrap items-center gap-1.5 text-xs', className)} data-testid="balance-chip">
      <span
        className="inline-flex items-center gap-1 rounded-full bg-orchid-50 px-2 py-0.5 font-medium text-orchid-800 ring-1 ring-inset ring-orchid-200"
        data-testid="balance-chip-wallet"
        data-total={wallet?.total ?? 0}
      >
        <BalanceIcon name="wallet" className="size-3.5" />
        <span className="tabular-nums">{m(wallet?.total ?? 0)}</span>
        {wallet && wallet.bonus > 0 ? (
          <span className="font-normal text-orchid-600">{t('balances.chip.bonusPart', { amount: m(wallet.bonus) })}</span>
        ) : null}
      </span>
      {points?.enabled ? (
        <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 font-medium text-amber-800 ring-1 ring-inset ring-amber-200">
          <BalanceIcon name="star" className="size-3.5" />
          <span className="tabular-nums">{t('balances.points.count', { count: points.balance, formatted: n(points.balance) })}</span>
        </span>
      ) : null}
      {tier?.tier ? (
        <span className="inline-flex items-center gap-1 rounded-full bg-zinc-900 px-2 py-0.5 font-medium text-white">
          <BalanceIcon name="crown" className="size-3.5 text-amber-300" />
          {tierName(tier.tier, i18n.language)}
        </span>
      ) : null}
    </div>
  );
}
