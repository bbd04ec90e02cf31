import { useTranslation } from 'react-i18next';
import { useMoney, usePercent } from './money.js';
import type { CouponKind } from './types.js';

/** What a coupon gives, in words: "$10.00 off", "15% off", "A free service". */
export function useCouponValue(): (c: { kind: CouponKind; value: number }) => string {
  const { t } = useTranslation();
  const { m } = useMoney();
  const pct = usePercent();
  return (c) =>
    c.kind === 'amount'
      ? t('balances.coupons.amountOff', { amount: m(c.value) })
      : c.kind === 'percent'
        ? t('balances.coupons.percentOff', { percent: pct(c.value) })
        : t('balances.coupons.freeService');
}
