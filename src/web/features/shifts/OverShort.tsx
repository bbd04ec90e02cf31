// Over / short / balanced, coloured: the number the closing manager looks for first.
import { useTranslation } from 'react-i18next';
import { cx } from '../../components/cx.js';
import { useMoney } from '../checkout/lib/money.js';

export function OverShort({ cents, currency, large }: { cents: number; currency: string; large?: boolean }) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  const label =
    cents === 0
      ? t('shifts.balanced')
      : cents > 0
        ? t('shifts.over', { amount: money(cents) })
        : t('shifts.short', { amount: money(-cents) });
  return (
    <p
      data-testid="over-short"
      data-cents={cents}
      className={cx(
        'font-semibold tabular-nums',
        large ? 'text-2xl' : 'text-xl',
        cents === 0 ? 'text-emerald-700' : cents > 0 ? 'text-sky-700' : 'text-red-700',
      )}
    >
      {label}
    </p>
  );
}
