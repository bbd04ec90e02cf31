// Void a sale: reverses everything, keeps the record. Only before its drawer shift closes, on the day it
// was made (the server says when it is too late: refund instead). Needs a reason and the permission.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoney } from '../lib/money.js';
import type { StoreStaff } from '../lib/staff.js';
import { ReasonField } from '../ReasonField.js';
import type { Sale } from '../types.js';
import { SaleActionDialog } from './SaleActionDialog.js';

const REASONS = ['mistake', 'duplicate', 'clientLeft'] as const;

export function VoidDialog({
  sale,
  staff,
  onClose,
  onDone,
}: {
  sale: Sale;
  staff: StoreStaff;
  onClose: () => void;
  onDone: (sale: Sale) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney(sale.currency);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const prepare = () => {
    setTried(true);
    return reason.trim() ? { reason: reason.trim() } : null;
  };
  return (
    <SaleActionDialog<{ reason: string }, Sale>
      path={`/sales/${encodeURIComponent(sale.id)}/void`}
      prepare={prepare}
      staff={staff}
      onClose={onClose}
      onDone={onDone}
      submitLabel={t('checkout.void.submit')}
      submitTestId="void-submit"
      errorTestId="void-error"
      bodyClassName="space-y-4"
      title={t('checkout.void.title', { receipt: sale.receiptCode })}
      icon="alert"
      tone="danger"
      testId="void-dialog"
    >
      <p>{t('checkout.void.body', { amount: money(sale.amountPaid) })}</p>
      <ReasonField
        label={t('checkout.void.reason')}
        error={tried && !reason.trim() ? t('checkout.refund.reasonRequired') : undefined}
        value={reason}
        onChange={setReason}
        suggestions={REASONS.map((r) => t(`checkout.void.reasons.${r}`))}
        testId="void-reason"
      />
    </SaleActionDialog>
  );
}
