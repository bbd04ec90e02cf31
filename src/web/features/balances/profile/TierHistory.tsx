import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Icon } from '../../../components/icons.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useFormat } from '../../../lib/format.js';
import { clientTierQuery, tierName, tiersQuery } from '../api.js';

/** Tier changes: upgrades at a sale, downgrades by the monthly review, changes by hand. */
export function TierHistory({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const tier = useQuery(clientTierQuery(clientId));
  const tiers = useQuery(tiersQuery);
  if (tier.isPending) return <Loading label={t('common.loading')} />;
  if (tier.isError) return <ProblemAlert error={tier.error} className="m-5" />;
  const name = (id: string | null) => {
    if (!id) return t('balances.tier.noTier');
    const found = tiers.data?.data.find((x) => x.id === id);
    return found ? tierName(found, i18n.language) : '—';
  };
  if (tier.data.history.length === 0) return <EmptyState icon="history" title={t('balances.tier.historyEmpty')} />;
  return (
    <ul className="divide-y divide-zinc-100" data-testid="tier-history">
      {tier.data.history.map((h) => (
        <li key={`${h.at}-${h.to}`} className="flex flex-wrap items-center gap-3 px-5 py-3">
          <span className="text-sm text-zinc-700">{name(h.from)}</span>
          <Icon name="chevronRight" className="size-4 text-zinc-400" />
          <span className="text-sm font-semibold text-zinc-900">{name(h.to)}</span>
          <Badge tone={h.reason === 'upgrade' ? 'success' : h.reason === 'downgrade' ? 'warning' : 'neutral'}>
            {t(`balances.tier.reasons.${h.reason}`)}
          </Badge>
          <span className="ml-auto text-xs text-zinc-500">{format.dateTime(h.at)}</span>
        </li>
      ))}
    </ul>
  );
}
