// Void a sale: reverses everything, keeps the record. Only before its drawer shift closes, on the day it
// was made (the server says when it is too late: refund instead). Needs a reason and the permission.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Input } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { ApprovalDialog } from '../ApprovalDialog.js';
import { useMoney } from '../lib/money.js';
import type { StoreStaff } from '../lib/staff.js';
import type { Sale } from '../types.js';
import { useKeyedAction } from './useKeyedAction.js';

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
  const action = useKeyedAction<{ reason: string }, Sale>(`/sales/${encodeURIComponent(sale.id)}/void`);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const submit = async () => {
    setTried(true);
    if (!reason.trim()) return;
    const result = await action.send({ reason: reason.trim() });
    if (result) onDone(result);
  };
  return (
    <>
      <Dialog
        open
        onClose={onClose}
        title={t('checkout.void.title', { receipt: sale.receiptCode })}
        icon="alert"
        tone="danger"
        testId="void-dialog"
        footer={
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button variant="danger" onClick={() => void submit()} loading={action.sending} data-testid="void-submit">
              {t('checkout.void.submit')}
            </Button>
          </>
        }
      >
        <div className="space-y-4">
          <p>{t('checkout.void.body', { amount: money(sale.amountPaid) })}</p>
          <Field label={t('checkout.void.reason')} error={tried && !reason.trim() ? t('checkout.refund.reasonRequired') : undefined}>
            <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} data-testid="void-reason" />
          </Field>
          <div className="flex flex-wrap gap-2">
            {REASONS.map((r) => (
              <button
                key={r}
                type="button"
                onClick={() => setReason(t(`checkout.void.reasons.${r}`))}
                className="h-8 rounded-full bg-zinc-100 px-3 text-xs font-medium text-zinc-700 hover:bg-zinc-200"
              >
                {t(`checkout.void.reasons.${r}`)}
              </button>
            ))}
          </div>
          {action.error ? <ProblemAlert error={action.error} testId="void-error" /> : null}
        </div>
      </Dialog>
      {action.approval ? (
        <ApprovalDialog
          detail={action.approval.detail}
          error={action.approval.error}
          sending={action.approval.sending}
          approvers={staff.approvers}
          onApprove={(a) =>
            void action.approve(a).then((r) => {
              if (r) onDone(r);
            })
          }
          onCancel={action.cancelApproval}
        />
      ) : null}
    </>
  );
}
