// The foot of the ticket: subtotal, discounts, each tax by name, the total — all as the server priced them —
// and the big button that takes payment.
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { Spinner } from '../../../components/Spinner.js';
import { CIcon } from '../icons.js';
import { useMoney } from '../lib/money.js';
import type { Sale } from '../types.js';

export function TicketTotals({
  sale,
  busy,
  onDiscount,
  onPay,
  canPay,
}: {
  sale: Sale;
  busy: boolean;
  onDiscount: () => void;
  onPay: () => void;
  canPay: boolean;
}) {
  const { t } = useTranslation();
  const money = useMoney(sale.currency);
  const d = sale.discount;
  return (
    <div className="border-t border-zinc-200 bg-white px-4 pb-4 pt-3" data-testid="ticket-totals">
      <dl className={cx('space-y-1 text-sm transition-opacity', busy && 'opacity-60')}>
        <Row label={t('checkout.totals.subtotal')} value={money(sale.subtotal)} testId="total-subtotal" />
        <div className="flex items-center justify-between gap-3">
          <dt>
            <button
              type="button"
              onClick={onDiscount}
              className="inline-flex items-center gap-1 rounded font-medium text-orchid-700 hover:text-orchid-900 hover:underline"
              data-testid="ticket-discount"
            >
              <CIcon name="tag" className="size-3.5" />
              {d
                ? `${t('checkout.totals.ticketDiscount')} ${d.type === 'percent' ? `${d.percent}%` : money(d.amount ?? 0)}`
                : t('checkout.totals.addDiscount')}
            </button>
          </dt>
          {sale.discountTotal > 0 ? (
            <dd className="tabular-nums text-emerald-700" data-testid="total-discounts">
              −{money(sale.discountTotal)}
            </dd>
          ) : null}
        </div>
        {sale.taxes.map((tax) => (
          <Row
            key={tax.code}
            label={`${tax.name}${tax.rate ? ` ${tax.rate}%` : ''}${sale.pricesIncludeTax ? ` (${t('checkout.totals.included')})` : ''}`}
            value={money(tax.amount)}
            testId="total-tax"
            muted
          />
        ))}
        {sale.taxes.length === 0 ? <Row label={t('checkout.totals.tax')} value={money(0)} testId="total-tax" muted /> : null}
      </dl>
      <div className="mt-2 flex items-baseline justify-between border-t border-dashed border-zinc-200 pt-2">
        <span className="text-base font-semibold text-zinc-900">{t('checkout.totals.total')}</span>
        <span className="flex items-center gap-2 text-2xl font-bold tabular-nums text-zinc-900" data-testid="total-total">
          {busy ? <Spinner className="size-4 text-zinc-400" /> : null}
          {money(sale.total)}
        </span>
      </div>
      <button
        type="button"
        onClick={onPay}
        disabled={!canPay}
        data-testid="ticket-pay"
        className="mt-3 flex h-14 w-full items-center justify-center gap-2 rounded-xl bg-orchid-700 text-lg font-semibold text-white shadow-sm transition-colors hover:bg-orchid-800 active:bg-orchid-900 disabled:cursor-not-allowed disabled:bg-zinc-300"
      >
        <CIcon name="card" className="size-5" />
        {t('checkout.totals.charge', { amount: money(sale.total) })}
      </button>
    </div>
  );
}

function Row({ label, value, testId, muted }: { label: string; value: string; testId?: string; muted?: boolean }) {
  return (
    <div className="flex items-center justify-between gap-3" data-testid={testId}>
      <dt className={muted ? 'text-zinc-500' : 'text-zinc-700'}>{label}</dt>
      <dd className={cx('tabular-nums', muted ? 'text-zinc-600' : 'text-zinc-900')}>{value}</dd>
    </div>
  );
}
