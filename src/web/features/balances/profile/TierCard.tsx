import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Page.js';
import { useFormat } from '../../../lib/format.js';
import { ledgerSettingsQuery, tierName, tiersQuery } from '../api.js';
import { BalanceIcon } from '../icons.js';
import { useMoney, useNumber, usePercent } from '../money.js';
import type { TierSummary } from '../types.js';

/** Membership tier (会员等级): current tier, benefits, and progress to the next one. */
export function TierCard({ tier }: { tier: TierSummary }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { m } = useMoney();
  const n = useNumber();
  const pct = usePercent();
  const tiers = useQuery(tiersQuery);
  const settings = useQuery(ledgerSettingsQuery);
  const months = settings.data?.settings.tiers.windowMonths ?? 12;
  const all = tiers.data?.data ?? [];
  const amount = (v: number) => (tier.basis === 'spend' ? m(v) : t('balances.points.count', { count: v, formatted: n(v) }));
  const next = tier.next ? all.find((x) => x.id === tier.next?.tierId) : undefined;
  const nextName = next ? tierName(next, i18n.language) : tier.next?.name;
  const goal = tier.next ? tier.qualifying + tier.next.needed : 0;
  const progress = tier.next && goal > 0 ? Math.min(100, Math.round((tier.qualifying / goal) * 100)) : 100;
  const discount = tier.tier?.discounts.find((d) => d.categoryId === null)?.percentBp ?? 0;
  const multiplier = tier.tier?.pointsMultiplierBp ?? 10_000;
  const noTiers = tiers.isSuccess && all.filter((x) => x.active).length === 0;

  return (
    <Card
      testId="tier-card"
      title={
        <span className="inline-flex items-center gap-2">
          <BalanceIcon name="crown" className="size-5 text-amber-500" />
          {t('balances.tier.title')}
        </span>
      }
    >
      {noTiers ? (
        <p className="text-sm text-zinc-500">{t('balances.tier.none')}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <span
              className={
                tier.tier
                  ? 'inline-flex items-center gap-1.5 rounded-full bg-zinc-900 px-3 py-1 text-sm font-semibold text-white'
                  : 'inline-flex items-center rounded-full bg-zinc-100 px-3 py-1 text-sm font-medium text-zinc-600'
              }
              data-testid="tier-name"
            >
              {tier.tier ? <BalanceIcon name="crown" className="size-4 text-amber-300" /> : null}
              {tier.tier ? tierName(tier.tier, i18n.language) : t('balances.tier.noTier')}
            </span>
            {tier.since ? (
              <span className="text-xs text-zinc-500">{t('balances.tier.since', { date: format.date(tier.since) })}</span>
            ) : null}
          </div>
          {tier.tier && (discount > 0 || multiplier !== 10_000) ? (
            <ul className="mt-3 flex flex-wrap gap-1.5 text-xs">
              {discount > 0 ? (
                <li className="rounded-md bg-emerald-50 px-2 py-0.5 font-medium text-emerald-800">
                  {t('balances.tier.discount', { percent: pct(discount) })}
                </li>
              ) : null}
              {multiplier !== 10_000 ? (
                <li className="rounded-md bg-amber-50 px-2 py-0.5 font-medium text-amber-800">
                  {t('balances.tier.multiplier', { times: n(multiplier / 10_000) })}
                </li>
              ) : null}
            </ul>
          ) : null}
          <div className="mt-4">
            <div
              className="h-2 overflow-hidden rounded-full bg-zinc-100"
              role="progressbar"
              aria-valuenow={progress}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-label={t('balances.tier.progress')}
              data-testid="tier-progress"
            >
              <div className="h-full rounded-full bg-gradient-to-r from-orchid-500 to-amber-400" style={{ width: `${progress}%` }} />
            </div>
            <p className="mt-2 text-xs text-zinc-600" data-testid="tier-next">
              {tier.next
                ? t(tier.basis === 'spend' ? 'balances.tier.toNextSpend' : 'balances.tier.toNextPoints', {
                    needed: amount(tier.next.needed),
                    tier: nextName,
                  })
                : t('balances.tier.top')}
            </p>
            <p className="mt-0.5 text-xs text-zinc-400">
              {t(tier.basis === 'spend' ? 'balances.tier.qualifyingSpend' : 'balances.tier.qualifyingPoints', {
                amount: amount(tier.qualifying),
                months,
              })}
            </p>
          </div>
        </>
      )}
    </Card>
  );
}
