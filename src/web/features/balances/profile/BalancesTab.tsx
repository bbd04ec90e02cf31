// The client profile's Balances tab: stored value (principal and bonus), points, tier with progress,
// gift cards she holds, coupons issued to her, and the history of each with print and CSV export.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useCan } from '../../auth/session.js';
import { ForbiddenPage } from '../../shell/StatusPages.js';
import { clientBalancesQuery } from '../api.js';
import { CouponsCard } from './CouponsCard.js';
import { GiftCardsCard } from './GiftCardsCard.js';
import { HistoryCard } from './HistoryCard.js';
import { IssueCouponButton } from './IssueCoupon.js';
import { PointsCard } from './PointsCard.js';
import { TierCard } from './TierCard.js';
import { WalletCard } from './WalletCard.js';

export function BalancesTab({ clientId }: { clientId: string }) {
  const can = useCan();
  if (!can('ledgers.read')) return <ForbiddenPage />;
  return <Balances clientId={clientId} />;
}

function Balances({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const balances = useQuery(clientBalancesQuery(clientId));
  if (balances.isPending) return <Loading label={t('common.loading')} />;
  if (balances.isError) return <ProblemAlert error={balances.error} />;
  const b = balances.data;
  const wallet = b.wallet ?? {
    principal: 0,
    bonus: 0,
    total: 0,
    lastTopUp: null,
    usableAtStoreIds: null,
    storeLimit: null,
    spendOrder: 'proportional' as const,
    confirmation: 'none' as const,
    lastReminder: null,
  };
  const points = b.points ?? { enabled: false, balance: 0, worth: 0, pointsPerDollar: 100, minPoints: 0, accountId: null };
  const tier = b.tier ?? { tier: null, since: null, basis: 'spend' as const, qualifying: 0, next: null };
  return (
    <div className="space-y-5" data-testid="client-balances">
      <div className="grid gap-5 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <WalletCard clientId={clientId} wallet={wallet} />
        </div>
        <div className="flex flex-col gap-5">
          <TierCard tier={tier} />
          <PointsCard clientId={clientId} points={points} />
        </div>
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <GiftCardsCard cards={b.giftCards ?? []} />
        <CouponsCard coupons={b.coupons ?? []} action={can('ledgers.adjust') ? <IssueCouponButton clientId={clientId} /> : undefined} />
      </div>
      <HistoryCard clientId={clientId} showPoints={points.enabled} />
    </div>
  );
}
