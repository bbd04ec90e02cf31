import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useFormat } from '../../../lib/format.js';
import { useMe } from '../../auth/session.js';
import { balancesKey, pointsStatementPage } from '../api.js';
import { useNumber } from '../money.js';

const POINTS_KINDS = ['earn', 'earn_reversal', 'redeem', 'redeem_refund', 'expiry', 'adjustment', 'merge_in', 'merge_out'] as const;
type PointsKind = (typeof POINTS_KINDS)[number];
const isKind = (k: string): k is PointsKind => (POINTS_KINDS as readonly string[]).includes(k);

/** Points history with the balance each entry left, newest first. */
export function PointsHistory({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const n = useNumber();
  const history = useInfiniteQuery({
    queryKey: [...balancesKey(clientId), 'points-statement'],
    queryFn: ({ pageParam }) => pointsStatementPage(clientId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  if (history.isPending) return <Loading label={t('common.loading')} />;
  if (history.isError) return <ProblemAlert error={history.error} className="m-5" />;
  const rows = history.data.pages.flatMap((p) => p.data);
  if (rows.length === 0)
    return <EmptyState icon="history" title={t('balances.points.emptyTitle')} description={t('balances.points.emptyBody')} />;
  return (
    <div>
      <ul className="divide-y divide-zinc-100" data-testid="points-history">
        {rows.map((e) => (
          <li key={e.id} className="flex items-start gap-3 px-5 py-3">
            <div className="min-w-0 flex-1">
              <p className="font-medium text-zinc-900">{isKind(e.kind) ? t(`balances.kinds.points.${e.kind}`) : e.kind}</p>
              <p className="text-xs text-zinc-500">
                {[format.dateTime(e.at), me.stores.find((s) => s.id === e.storeId)?.name, e.reason].filter(Boolean).join(' · ')}
              </p>
            </div>
            <div className="text-right">
              <p className={cx('font-semibold tabular-nums', e.amount > 0 ? 'text-emerald-700' : 'text-zinc-900')}>
                {n(e.amount, { sign: true })}
              </p>
              <p className="text-xs tabular-nums text-zinc-500">{t('balances.statement.left', { balance: n(e.balanceAfter) })}</p>
            </div>
          </li>
        ))}
      </ul>
      {history.hasNextPage ? (
        <div className="flex justify-center border-t border-zinc-100 p-3">
          <Button size="sm" variant="ghost" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
            {t('balances.statement.more')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
