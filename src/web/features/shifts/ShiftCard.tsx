// The open drawer: what should be in it now (float + cash taken − cash given back ± paid in/out), the
// paid-ins and paid-outs, and the actions of the shift.
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Card } from '../../components/Page.js';
import { useMoney } from '../checkout/lib/money.js';
import { useStoreStaff } from '../checkout/lib/staff.js';
import { useWallTime } from '../checkout/lib/time.js';
import { neg } from './neg.js';
import type { Shift } from './types.js';

export function ShiftCard({
  shift,
  onMovement,
  onXReport,
  onClose,
}: {
  shift: Shift;
  onMovement: (kind: 'paid_in' | 'paid_out') => void;
  onXReport: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const money = useMoney(shift.currency);
  const wall = useWallTime();
  const staff = useStoreStaff(shift.storeId);
  const f = shift.drawerFigures;
  return (
    <Card
      testId="shift-card"
      title={
        <span className="flex items-center gap-2">
          {t('shifts.drawerName', { drawer: shift.drawer })}
          <Badge tone="success">{t('shifts.statusOpen')}</Badge>
        </span>
      }
      description={t('shifts.openedBy', {
        time: wall.dateTime(shift.openedAt),
        name: shift.openedBy ? staff.name(shift.openedBy) : '—',
      })}
      actions={
        <div className="flex flex-wrap gap-2">
          <Button onClick={onXReport} data-testid="shift-x-report">
            {t('shifts.xReport')}
          </Button>
          <Button variant="primary" onClick={onClose} data-testid="shift-close">
            {t('shifts.close')}
          </Button>
        </div>
      }
    >
      <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_16rem]">
        <dl className="space-y-1.5 text-sm">
          <Line label={t('shifts.float')} value={money(f.openingFloat)} />
          <Line label={t('shifts.cashSales')} value={money(f.cashSales)} />
          <Line label={t('shifts.cashRefunds')} value={neg(money, f.cashRefunds)} />
          <Line label={t('shifts.paidIn')} value={money(f.paidIn)} />
          <Line label={t('shifts.paidOut')} value={neg(money, f.paidOut)} />
          <div className="flex items-baseline justify-between border-t border-zinc-100 pt-2">
            <dt className="font-semibold text-zinc-900">{t('shifts.expected')}</dt>
            <dd className="text-2xl font-bold tabular-nums text-zinc-900" data-testid="shift-expected">
              {money(f.expectedCash)}
            </dd>
          </div>
        </dl>
        <div className="space-y-3">
          <div className="grid grid-cols-2 gap-2">
            <Button onClick={() => onMovement('paid_in')} data-testid="shift-paid-in">
              {t('shifts.paidIn')}
            </Button>
            <Button onClick={() => onMovement('paid_out')} data-testid="shift-paid-out">
              {t('shifts.paidOut')}
            </Button>
          </div>
          {shift.movements.length ? (
            <ul className="max-h-48 space-y-1.5 overflow-y-auto text-sm" data-testid="shift-movements">
              {shift.movements.map((m) => (
                <li key={m.id} className="flex justify-between gap-2">
                  <span className="min-w-0 truncate text-zinc-600">
                    {wall.time(m.createdAt)} · {m.reason}
                  </span>
                  <span className={`shrink-0 tabular-nums ${m.kind === 'paid_in' ? 'text-emerald-700' : 'text-red-700'}`}>
                    {m.kind === 'paid_in' ? '+' : '−'}
                    {money(m.amount)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-zinc-500">{t('shifts.noMovements')}</p>
          )}
        </div>
      </div>
    </Card>
  );
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between">
      <dt className="text-zinc-600">{label}</dt>
      <dd className="tabular-nums text-zinc-900">{value}</dd>
    </div>
  );
}
