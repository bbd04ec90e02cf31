// What a sale was, as the server recorded it: lines, discounts, tax by rate, tip, cash rounding, tenders,
// tips per technician (for payroll) and refunds; for a package session, the sessions left on it now.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Card } from '../../../components/Page.js';
import { useCan } from '../../auth/session.js';
import { clientPackageQuery } from '../../packages/api.js';
import { useTr } from '../../packages/format.js';
import { PackageIcon } from '../../packages/icons.js';
import { CIcon } from '../icons.js';
import { lineAmount } from '../lib/lines.js';
import { useMoney } from '../lib/money.js';
import { redemptionRef } from '../lib/redemption.js';
import type { StoreStaff } from '../lib/staff.js';
import { tenderIcon } from '../lib/tenders.js';
import { useWallTime } from '../lib/time.js';
import type { Sale, SaleLine, SaleTender } from '../types.js';

export function tenderDetail(tender: SaleTender, t: (key: string, opts?: Record<string, unknown>) => string): string {
  const d = tender.details;
  const parts: string[] = [];
  if (typeof d.brand === 'string') parts.push(t(`checkout.tenderOptions.${d.brand}`, { defaultValue: d.brand }));
  if (typeof d.last4 === 'string') parts.push(`•••• ${d.last4}`);
  if (typeof d.authCode === 'string') parts.push(`${t('checkout.tenderFields.authCode')} ${d.authCode}`);
  if (typeof d.method === 'string') parts.push(t(`checkout.tenderOptions.${d.method}`, { defaultValue: d.method }));
  if (typeof d.reference === 'string') parts.push(d.reference);
  if (typeof d.code === 'string') parts.push(d.code);
  return parts.join(' · ');
}

/** A package session line: its package and the sessions left on it now. */
function SessionsLeft({ line }: { line: SaleLine }) {
  const { t } = useTranslation();
  const tr = useTr();
  const ref = redemptionRef(line);
  const can = useCan();
  const pkg = useQuery({ ...clientPackageQuery(ref?.clientPackageId ?? ''), enabled: !!ref && can('clients.read') });
  if (!ref) return null;
  const p = pkg.data;
  return (
    <p className="mt-0.5 flex items-center gap-1 text-xs font-medium text-orchid-800" data-testid="sale-line-package">
      <PackageIcon name="layers" className="size-3.5 shrink-0" />
      {t('checkout.kinds.package_redemption')}
      {p
        ? ` · ${tr(p.name, p.nameTranslations)} · ${t('packages.client.leftOf', { left: p.sessions.remaining, total: p.sessions.total })}`
        : ''}
    </p>
  );
}

export function SaleSummaryCard({
  sale,
  staff,
  onPrintRefund,
}: {
  sale: Sale;
  staff: StoreStaff;
  onPrintRefund: (refundId: string) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney(sale.currency);
  const wall = useWallTime();
  const tt = t as unknown as (key: string, opts?: Record<string, unknown>) => string;
  return (
    <Card bodyClassName="divide-y divide-zinc-100" testId="sale-summary">
      <ul className="px-5 py-3">
        {sale.lines.map((l) => (
          <li key={l.id} className="flex items-start justify-between gap-4 py-2" data-testid="sale-line">
            <div className="min-w-0">
              <p className="font-medium text-zinc-900">
                {l.quantity > 1 ? `${l.quantity} × ` : ''}
                {l.displayName}
              </p>
              <p className="text-xs text-zinc-500">
                {[
                  l.technicians
                    .map((x) => (l.technicians.length > 1 ? `${staff.name(x.staffId)} ${x.sharePercent}%` : staff.name(x.staffId)))
                    .join(', '),
                  l.discount ? t('checkout.sale.discountOf', { reason: l.discount.reason }) : '',
                  l.refundedQuantity > 0 ? t('checkout.sale.refundedQty', { count: l.refundedQuantity }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <SessionsLeft line={l} />
            </div>
            <div className="shrink-0 text-right">
              <p className="tabular-nums text-zinc-900">{money(lineAmount(l))}</p>
              {l.lineDiscount > 0 ? <p className="text-xs tabular-nums text-zinc-400 line-through">{money(l.gross)}</p> : null}
            </div>
          </li>
        ))}
      </ul>
      <dl className="space-y-1.5 px-5 py-4 text-sm">
        <Row label={t('checkout.totals.subtotal')} value={money(sale.subtotal)} />
        {sale.discountTotal > 0 ? <Row label={t('checkout.totals.discounts')} value={`−${money(sale.discountTotal)}`} /> : null}
        {sale.taxes.map((x) => (
          <Row
            key={x.code}
            label={`${x.name}${x.rate ? ` ${x.rate}%` : ''}${sale.pricesIncludeTax ? ` (${t('checkout.totals.included')})` : ''}`}
            value={money(x.amount)}
            muted
          />
        ))}
        <Row label={t('checkout.totals.total')} value={money(sale.total)} strong />
        {sale.tipTotal > 0 ? <Row label={t('checkout.pay.tip')} value={money(sale.tipTotal)} testId="sale-tip" /> : null}
        {sale.cashRounding !== 0 ? (
          <Row label={t('checkout.pay.cashRounding')} value={money(sale.cashRounding, { sign: true })} testId="sale-rounding" />
        ) : null}
        <Row label={t('checkout.sale.paid')} value={money(sale.amountPaid)} strong testId="sale-paid-total" />
        {sale.changeDue > 0 ? <Row label={t('checkout.pay.changeDue')} value={money(sale.changeDue)} muted /> : null}
        {sale.refundedTotal > 0 ? (
          <Row label={t('checkout.sale.refunded')} value={`−${money(sale.refundedTotal)}`} testId="sale-refunded" />
        ) : null}
      </dl>
      <div className="px-5 py-4">
        <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('checkout.sale.payments')}</h3>
        <ul className="space-y-2">
          {sale.tenders.map((x) => (
            <li key={x.id} className="flex items-center gap-3 text-sm" data-testid="sale-tender" data-kind={x.kind}>
              <span className="flex size-8 items-center justify-center rounded-lg bg-orchid-50 text-orchid-700">
                <CIcon name={tenderIcon(x.kind)} className="size-4" />
              </span>
              <span className="min-w-0 flex-1">
                <span className="block font-medium text-zinc-900">{tt(`checkout.tenders.${x.kind}`, { defaultValue: x.kind })}</span>
                <span className="block text-xs text-zinc-500">
                  {[
                    tenderDetail(x, tt),
                    // Stored value: the principal and bonus this payment took (the business's spend order).
                    typeof x.details.principal === 'number' && typeof x.details.bonus === 'number'
                      ? t('checkout.sale.tenderSplit', { principal: money(x.details.principal), bonus: money(x.details.bonus) })
                      : '',
                    x.change > 0 ? t('checkout.sale.tenderedChange', { tendered: money(x.tendered), change: money(x.change) }) : '',
                    x.tip > 0 ? t('checkout.sale.tenderTip', { tip: money(x.tip) }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </span>
              <span className="tabular-nums text-zinc-900">{money(x.amount)}</span>
            </li>
          ))}
        </ul>
      </div>
      {sale.tips.length ? (
        <div className="px-5 py-4">
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('checkout.sale.tipsByTechnician')}</h3>
          <ul className="space-y-1 text-sm">
            {sale.tips.map((x) => (
              <li key={x.staffId} className="flex justify-between" data-testid="sale-tip-share">
                <span className="text-zinc-700">{staff.name(x.staffId)}</span>
                <span className="tabular-nums text-zinc-900">{money(x.amount)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {sale.refunds.length ? (
        <div className="px-5 py-4">
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('checkout.sale.refunds')}</h3>
          <ul className="space-y-2">
            {sale.refunds.map((r) => (
              <li key={r.id} className="flex items-center gap-3 text-sm" data-testid="sale-refund-row">
                <span className="min-w-0 flex-1">
                  <span className="block font-medium text-zinc-900">
                    {r.receiptCode} · {r.kind === 'void' ? t('checkout.status.voided') : t('checkout.sale.refund')}
                  </span>
                  <span className="block truncate text-xs text-zinc-500">
                    {wall.dateTime(r.createdAt)} · {r.reason}
                  </span>
                </span>
                <span className="tabular-nums text-zinc-900">−{money(r.total)}</span>
                <Button size="sm" variant="ghost" onClick={() => onPrintRefund(r.id)} aria-label={t('checkout.receipt.print')}>
                  <CIcon name="printer" className="size-4" />
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}

function Row({
  label,
  value,
  muted,
  strong,
  testId,
}: {
  label: string;
  value: string;
  muted?: boolean;
  strong?: boolean;
  testId?: string;
}) {
  return (
    <div className="flex justify-between gap-3" data-testid={testId}>
      <dt className={cx(muted ? 'text-zinc-500' : 'text-zinc-700', strong && 'font-semibold text-zinc-900')}>{label}</dt>
      <dd className={cx('tabular-nums', strong ? 'font-semibold text-zinc-900' : 'text-zinc-800')}>{value}</dd>
    </div>
  );
}
