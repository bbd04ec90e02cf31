// A paid-in (change brought in) or paid-out (supplies bought from the drawer), always with a reason.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { Field } from '../../components/Field.js';
import { Input } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { MoneyInput } from '../catalog/parts/MoneyInput.js';
import { parseMoney } from '../checkout/lib/money.js';
import { addMovement } from './api.js';
import type { Shift } from './types.js';

export function MovementDialog({ shift, kind, onClose }: { shift: Shift; kind: 'paid_in' | 'paid_out'; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const cents = parseMoney(amount);
  const save = useMutation({
    mutationFn: () => addMovement(shift.id, { kind, amount: cents ?? 0, reason: reason.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['shifts'] });
      onClose();
    },
  });
  const ok = cents !== null && cents > 0 && reason.trim().length > 0;
  return (
    <Dialog
      open
      onClose={onClose}
      title={kind === 'paid_in' ? t('shifts.paidIn') : t('shifts.paidOut')}
      testId="movement-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            loading={save.isPending}
            data-testid="movement-save"
            onClick={() => {
              setTried(true);
              if (ok) save.mutate();
            }}
          >
            {t('common.save')}
          </Button>
        </>
      }
    >
      <div className="space-y-4 pt-1">
        <p>{kind === 'paid_in' ? t('shifts.paidInBody') : t('shifts.paidOutBody')}</p>
        <Field label={t('shifts.amount')} error={tried && !(cents && cents > 0) ? t('shifts.amountInvalid') : undefined}>
          <MoneyInput value={amount} onChange={setAmount} currency={shift.currency} data-testid="movement-amount" />
        </Field>
        <Field label={t('shifts.reason')} error={tried && !reason.trim() ? t('shifts.reasonRequired') : undefined}>
          <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} data-testid="movement-reason" />
        </Field>
        {save.error ? <ProblemAlert error={save.error} /> : null}
      </div>
    </Dialog>
  );
}
