import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Card } from '../../../components/Page.js';
import { useToast } from '../../../components/Toast.js';
import { useCan } from '../../auth/session.js';
import { adjustPoints, balancesKey } from '../api.js';
import { AdjustDialog } from '../components/AdjustDialog.js';
import { BalanceIcon } from '../icons.js';
import { useMoney, useNumber } from '../money.js';
import type { PointsSummary } from '../types.js';

/** Points (积分): the balance, what it is worth, and a manager's adjustment. */
export function PointsCard({ clientId, points }: { clientId: string; points: PointsSummary }) {
  const { t } = useTranslation();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { m } = useMoney();
  const n = useNumber();
  const [adjusting, setAdjusting] = useState(false);
  const canRedeem = points.balance >= points.minPoints;
  return (
    <Card
      testId="points-card"
      title={
        <span className="inline-flex items-center gap-2">
          <BalanceIcon name="star" className="size-5 text-amber-500" />
          {t('balances.points.title')}
        </span>
      }
      actions={
        can('ledgers.adjust') && points.enabled ? (
          <Button size="sm" icon="pencil" onClick={() => setAdjusting(true)} data-testid="points-adjust">
            {t('balances.adjust.action')}
          </Button>
        ) : null
      }
    >
      {points.enabled ? (
        <>
          <p className="text-3xl font-semibold tabular-nums text-zinc-900" data-testid="points-balance" data-value={points.balance}>
            {n(points.balance)}
          </p>
          <p className="mt-1 text-sm text-zinc-600">{t('balances.points.worth', { amount: m(points.worth) })}</p>
          <p className="mt-2 text-xs text-zinc-500">
            {canRedeem
              ? t('balances.points.canRedeem', { rate: n(points.pointsPerDollar) })
              : t('balances.points.minToRedeem', { min: n(points.minPoints), rate: n(points.pointsPerDollar) })}
          </p>
        </>
      ) : (
        <p className="text-sm text-zinc-500">{t('balances.points.disabled')}</p>
      )}
      <AdjustDialog
        open={adjusting}
        onClose={() => setAdjusting(false)}
        title={t('balances.adjust.pointsTitle')}
        unit="points"
        balance={points.balance}
        submit={(input) => adjustPoints(clientId, { amount: input.amount, reason: input.reason, storeId: input.storeId })}
        onDone={() => {
          setAdjusting(false);
          toast(t('balances.adjust.done'));
          void queryClient.invalidateQueries({ queryKey: balancesKey(clientId) });
        }}
        testId="points-adjust-dialog"
      />
    </Card>
  );
}
