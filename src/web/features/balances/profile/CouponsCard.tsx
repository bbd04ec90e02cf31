import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Card } from '../../../components/Page.js';
import { useCouponValue } from '../couponText.js';
import { BalanceIcon } from '../icons.js';
import { useCalendarDate, useNumber } from '../money.js';
import type { ClientCoupon } from '../types.js';

/** Coupons (优惠券) issued to this client that she can still use. */
export function CouponsCard({ coupons, action }: { coupons: ClientCoupon[]; action?: React.ReactNode }) {
  const { t } = useTranslation();
  const date = useCalendarDate();
  const n = useNumber();
  const value = useCouponValue();
  return (
    <Card
      testId="client-coupons"
      bodyClassName="p-0"
      title={
        <span className="inline-flex items-center gap-2">
          <BalanceIcon name="ticket" className="size-5 text-orchid-600" />
          {t('balances.coupons.title')}
        </span>
      }
      actions={action}
    >
      {coupons.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-500">{t('balances.coupons.none')}</p>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {coupons.map((c) => (
            <li key={c.couponId} className="flex items-center gap-3 px-5 py-3" data-testid="client-coupon">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-zinc-900">{c.name}</p>
                <p className="text-xs text-zinc-500">
                  {value(c)}
                  {c.code ? <span className="ml-1.5 font-mono text-zinc-600">{c.code}</span> : null}
                  {c.endsOn ? ` · ${t('balances.coupons.until', { date: date(c.endsOn) })}` : ''}
                </p>
              </div>
              <Badge tone="accent">{t('balances.coupons.usesLeft', { count: c.usesLeft, formatted: n(c.usesLeft) })}</Badge>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
