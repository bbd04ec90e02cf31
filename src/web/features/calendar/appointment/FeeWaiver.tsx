// A manager waives a recorded late-cancel / no-show fee that checkout has not collected, with a reason
// (the server audits it); checkout then no longer offers the fee.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Textarea } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { api } from '../../../http/client.js';
import { useCan } from '../../auth/session.js';
import type { Appointment, AppointmentDetail } from '../types.js';

export function FeeWaiver({ appointment }: { appointment: AppointmentDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const waive = useMutation({
    mutationFn: () =>
      api.post<Appointment>(`/appointments/${encodeURIComponent(appointment.id)}/fee/waive`, {
        reason: reason.trim(),
        version: appointment.version,
      }),
    onSuccess: () => {
      setOpen(false);
      toast(t('calendar.detail.feeWaived'));
      void queryClient.invalidateQueries({ queryKey: ['appointments'] });
    },
  });
  if (!appointment.fee || appointment.fee.collected || !can('sales.discount_override')) return null;
  if (!open)
    return (
      <Button size="sm" variant="secondary" className="mt-2" onClick={() => setOpen(true)} data-testid="fee-waive">
        {t('calendar.detail.waiveFee')}
      </Button>
    );
  return (
    <div className="mt-2 space-y-2">
      {waive.error ? <ProblemAlert error={waive.error} /> : null}
      <Textarea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={200}
        rows={2}
        placeholder={t('calendar.detail.waiveReason')}
        aria-label={t('calendar.detail.waiveReason')}
        data-testid="fee-waive-reason"
      />
      <div className="flex gap-2">
        <Button size="sm" onClick={() => waive.mutate()} disabled={!reason.trim() || waive.isPending} data-testid="fee-waive-confirm">
          {t('calendar.detail.waiveConfirm')}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
