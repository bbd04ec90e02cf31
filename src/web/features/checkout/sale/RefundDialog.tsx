// Refund everything left, or some lines, to the original tenders (the server spreads it and refunds tax in
// proportion). A reason is required; above the front desk's limit a manager approves with their PIN.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Field } from '../../../components/Field.js';
import { Checkbox } from '../../../components/Input.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';
import { CIcon } from '../icons.js';
import { parseMoney, useMoney } from '../lib/money.js';
import type { StoreStaff } from '../lib/staff.js';
import { ReasonField } from '../ReasonField.js';
import type { RefundBody, Sale, SaleRefund } from '../types.js';
import { SaleActionDialog } from './SaleActionDialog.js';

const REASONS = ['unhappy', 'wrongItem', 'returned', 'priceAdjustment'] as const;

export function RefundDialog({
  sale,
  staff,
  onClose,
  onDone,
}: {
  sale: Sale;
  staff: StoreStaff;
  onClose: () => void;
  onDone: (result: { refund: SaleRefund; sale: Sale }) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney(sale.currency);
  const [mode, setMode] = useState<'all' | 'lines'>('all');
  const [picked, setPicked] = useState<Record<string, number>>({});
  const [tipText, setTipText] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  const left = sale.lines.filter((l) => l.quantity - l.refundedQuantity > 0 && l.total - l.refundedAmount > 0);
  const chosen = Object.entries(picked).filter(([, q]) => q > 0);
  const tip = tipText.trim() ? parseMoney(tipText) : 0;
  const reasonOk = reason.trim().length > 0;
  const linesOk = mode === 'all' || chosen.length > 0 || (tip ?? 0) > 0;
  const valid = reasonOk && linesOk && tip !== null;

  const prepare = (): RefundBody | null => {
    setTried(true);
    if (!valid) return null;
    const body: RefundBody = { reason: reason.trim() };
    if (mode === 'lines') {
      if (chosen.length) body.lines = chosen.map(([lineId, quantity]) => ({ lineId, quantity }));
      body.tip = tip ?? 0;
    }
    return body;
  };

  return (
    <SaleActionDialog<RefundBody, { refund: SaleRefund; sale: Sale }>
      path={`/sales/${encodeURIComponent(sale.id)}/refunds`}
      prepare={prepare}
      staff={staff}
      onClose={onClose}
      onDone={onDone}
      submitLabel={t('checkout.refund.submit')}
      submitTestId="refund-submit"
      errorTestId="refund-error"
      bodyClassName="space-y-4 pt-1"
      title={t('checkout.refund.title', { receipt: sale.receiptCode })}
      icon="refresh"
      testId="refund-dialog"
      className="sm:max-w-lg"
    >
      <div className="grid grid-cols-2 gap-1 rounded-xl bg-zinc-100 p-1">
        {(['all', 'lines'] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            data-testid={`refund-mode-${m}`}
            onClick={() => setMode(m)}
            className={cx('h-10 rounded-lg text-sm font-semibold', mode === m ? 'bg-white text-zinc-900 shadow-sm' : 'text-zinc-600')}
          >
            {t(`checkout.refund.modes.${m}`)}
          </button>
        ))}
      </div>
      {mode === 'all' ? (
        <p className="rounded-lg bg-zinc-50 px-3 py-2 text-sm text-zinc-700 ring-1 ring-zinc-200">
          {t('checkout.refund.allBody', { amount: money(sale.amountPaid - sale.refundedTotal) })}
        </p>
      ) : (
        <div className="space-y-2">
          <ul className="divide-y divide-zinc-100 rounded-xl ring-1 ring-zinc-200">
            {left.map((l) => {
              const max = l.quantity - l.refundedQuantity;
              const q = picked[l.id] ?? 0;
              return (
                <li key={l.id} className="flex items-center gap-3 px-3 py-2" data-testid="refund-line">
                  <Checkbox
                    label={l.displayName}
                    description={money(l.total - l.refundedAmount)}
                    checked={q > 0}
                    onChange={(e) => setPicked((p) => ({ ...p, [l.id]: e.target.checked ? max : 0 }))}
                    className="min-w-0 flex-1"
                  />
                  {max > 1 && q > 0 ? (
                    <div className="flex items-center gap-1">
                      <Button
                        size="sm"
                        onClick={() => setPicked((p) => ({ ...p, [l.id]: Math.max(1, q - 1) }))}
                        aria-label={t('checkout.ticket.less')}
                      >
                        <CIcon name="minus" className="size-3.5" />
                      </Button>
                      <span className="w-8 text-center text-sm tabular-nums">{q}</span>
                      <Button
                        size="sm"
                        icon="plus"
                        onClick={() => setPicked((p) => ({ ...p, [l.id]: Math.min(max, q + 1) }))}
                        aria-label={t('checkout.ticket.more')}
                      />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {sale.tipTotal > 0 ? (
            <Field
              label={t('checkout.refund.tip')}
              optional={t('common.optional')}
              hint={t('checkout.refund.tipHint', { amount: money(sale.tipTotal) })}
            >
              <MoneyInput value={tipText} onChange={setTipText} currency={sale.currency} data-testid="refund-tip" invalid={tip === null} />
            </Field>
          ) : null}
          {tried && !linesOk ? <p className="text-sm text-red-700">{t('checkout.refund.pickLines')}</p> : null}
        </div>
      )}
      <ReasonField
        label={t('checkout.refund.reason')}
        error={tried && !reasonOk ? t('checkout.refund.reasonRequired') : undefined}
        value={reason}
        onChange={setReason}
        suggestions={REASONS.map((r) => t(`checkout.refund.reasons.${r}`))}
        testId="refund-reason"
      />
      <p className="text-xs text-zinc-500">{t('checkout.refund.toOriginal')}</p>
    </SaleActionDialog>
  );
}
