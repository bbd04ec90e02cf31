// The buttons of the next steps an appointment can take, by its status (the server's allowedActions).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Checkbox, Textarea } from '../../../components/Input.js';
import { ProblemAlert, useProblemText } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { useCan } from '../../auth/session.js';
import { changeStatus } from '../api.js';
import { displayName } from '../names.js';
import type { Action, Appointment } from '../types.js';

/** What a technician may do on their own clients; the front desk does everything. */
const TECHNICIAN: ReadonlySet<Action> = new Set(['check_in', 'start', 'complete']);
const PRIMARY: Action[] = ['check_in', 'start', 'complete', 'confirm'];

export function StatusActions({ appointment: a, onChanged }: { appointment: Appointment; onChanged: (a: Appointment) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const toast = useToast();
  const problem = useProblemText();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'cancel' | 'no_show' | null>(null);
  const started = Date.now() >= Date.parse(a.start);
  // A no-show can only be recorded once the start has passed (the server refuses it before).
  const allowed = a.allowedActions.filter((x) => (can('appointments.write') || TECHNICIAN.has(x)) && (x !== 'no_show' || started));
  const run = useMutation({
    mutationFn: ({ action, body }: { action: Action; body: { reason?: string; waiveFee?: boolean } }) =>
      changeStatus(a.id, action, { version: a.version, ...body }),
    onSuccess: (updated, { action }) => {
      setDialog(null);
      void queryClient.invalidateQueries({ queryKey: ['appointments'] });
      toast(t(`calendar.actionDone.${action}`));
      onChanged(updated);
    },
    onError: (error, { action }) => {
      if (action === 'cancel' || action === 'no_show') return;
      const text = problem(error);
      toast(text.detail ?? text.title, 'error');
    },
  });
  const main = PRIMARY.find((x) => allowed.includes(x));
  const others = allowed.filter((x) => x !== main && x !== 'cancel' && x !== 'no_show');
  return (
    <>
      {allowed.includes('cancel') ? (
        <Button variant="danger-ghost" onClick={() => setDialog('cancel')} data-testid="appointment-cancel" className="mr-auto">
          {t('calendar.actions.cancel')}
        </Button>
      ) : null}
      {allowed.includes('no_show') ? (
        <Button variant="ghost" onClick={() => setDialog('no_show')} data-testid="appointment-no-show">
          {t('calendar.actions.no_show')}
        </Button>
      ) : null}
      {others.map((x) => (
        <Button
          key={x}
          onClick={() => run.mutate({ action: x, body: {} })}
          loading={run.isPending && run.variables?.action === x}
          data-testid={`appointment-${x.replace('_', '-')}`}
        >
          {t(`calendar.actions.${x}`)}
        </Button>
      ))}
      {main ? (
        <Button
          variant="primary"
          onClick={() => run.mutate({ action: main, body: {} })}
          loading={run.isPending && run.variables?.action === main}
          data-testid={`appointment-${main.replace('_', '-')}`}
        >
          {t(`calendar.actions.${main}`)}
        </Button>
      ) : null}
      {dialog ? (
        <CloseDialog
          kind={dialog}
          appointment={a}
          loading={run.isPending}
          error={run.error}
          onClose={() => {
            setDialog(null);
            run.reset();
          }}
          onConfirm={(body) => run.mutate({ action: dialog, body })}
        />
      ) : null}
    </>
  );
}

function CloseDialog({
  kind,
  appointment: a,
  loading,
  error,
  onClose,
  onConfirm,
}: {
  kind: 'cancel' | 'no_show';
  appointment: Appointment;
  loading: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (body: { reason?: string; waiveFee?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [waive, setWaive] = useState(false);
  const reasons = ['client', 'illness', 'staff', 'weather', 'duplicate'] as const;
  return (
    <Dialog
      open
      onClose={onClose}
      icon="alert"
      tone="danger"
      testId={`appointment-${kind === 'cancel' ? 'cancel' : 'no-show'}-dialog`}
      title={kind === 'cancel' ? t('calendar.cancelTitle') : t('calendar.noShowTitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('calendar.keep')}</Button>
          <Button
            variant="danger"
            loading={loading}
            data-testid="appointment-close-confirm"
            onClick={() =>
              onConfirm({ ...(kind === 'cancel' && reason.trim() ? { reason: reason.trim() } : {}), ...(waive ? { waiveFee: true } : {}) })
            }
          >
            {kind === 'cancel' ? t('calendar.actions.cancel') : t('calendar.actions.no_show')}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <p>{kind === 'cancel' ? t('calendar.cancelBody') : t('calendar.noShowBody')}</p>
        {error ? <ProblemAlert error={error} /> : null}
        {kind === 'cancel' ? (
          <Field label={t('calendar.cancelReason')} optional={t('common.optional')}>
            <div className="space-y-2">
              <div className="flex flex-wrap gap-1.5">
                {reasons.map((r) => (
                  <button
                    key={r}
                    type="button"
                    onClick={() => setReason(t(`calendar.cancelReasons.${r}`))}
                    className="rounded-full bg-zinc-100 px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-200"
                  >
                    {t(`calendar.cancelReasons.${r}`)}
                  </button>
                ))}
              </div>
              <Textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} data-testid="appointment-cancel-reason" />
            </div>
          </Field>
        ) : null}
        <Checkbox
          label={t('calendar.waiveFee')}
          description={t('calendar.waiveFeeHint', { client: a.client ? displayName(a.client) : '' })}
          checked={waive}
          onChange={(e) => setWaive(e.target.checked)}
        />
      </div>
    </Dialog>
  );
}
