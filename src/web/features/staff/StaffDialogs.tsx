import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { ConfirmDialog, Dialog } from '../../components/Dialog.js';
import { Field } from '../../components/Field.js';
import { Input } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useToast } from '../../components/Toast.js';
import type { Staff } from '../../http/types.js';
import { type FormErrors, PIN_MAX, PIN_PATTERN, serverErrors, useErrorText } from '../../lib/validation.js';
import { setStaffPin } from './api.js';

export function PinDialog({ open, staff, onClose }: { open: boolean; staff: Staff; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const err = useErrorText();
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useMutation({
    mutationFn: () => setStaffPin(staff.id, pin),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['staff'] });
      toast(t('staff.pinSaved', { name: staff.displayName || staff.name }));
      close();
    },
    onError: (error) => setErrors(serverErrors(error)),
  });
  const close = () => {
    setPin('');
    setConfirm('');
    setErrors({});
    save.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormErrors = {};
    if (!PIN_PATTERN.test(pin)) found.pin = { key: 'pin' };
    else if (confirm !== pin) found.confirm = { key: 'pinMatch' };
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const digits = (value: string) => value.replace(/\D/g, '').slice(0, PIN_MAX);
  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('staff.pinDialog.title', { name: staff.displayName || staff.name })}
      icon="lock"
      testId="pin-dialog"
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" form="pin-form" variant="primary" loading={save.isPending} data-testid="pin-dialog-save">
            {t('staff.pinDialog.save')}
          </Button>
        </>
      }
    >
      <form id="pin-form" onSubmit={submit} noValidate className="space-y-4">
        <p>{t('staff.pinDialog.body')}</p>
        {save.error && !errors.pin ? <ProblemAlert error={save.error} /> : null}
        <Field label={t('staff.pinDialog.pin')} error={err(errors.pin)}>
          <Input
            data-testid="pin-dialog-input"
            data-autofocus
            type="password"
            inputMode="numeric"
            autoComplete="off"
            className="text-lg tracking-[0.4em]"
            value={pin}
            onChange={(e) => setPin(digits(e.target.value))}
          />
        </Field>
        <Field label={t('staff.pinDialog.confirm')} error={err(errors.confirm)}>
          <Input
            data-testid="pin-dialog-confirm"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            className="text-lg tracking-[0.4em]"
            value={confirm}
            onChange={(e) => setConfirm(digits(e.target.value))}
          />
        </Field>
      </form>
    </Dialog>
  );
}

export function ArchiveDialog({
  open,
  staff,
  onClose,
  onConfirm,
  loading,
  error,
}: {
  open: boolean;
  staff: Staff;
  onClose: () => void;
  onConfirm: () => void;
  loading: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      onConfirm={onConfirm}
      loading={loading}
      title={t('staff.archiveDialog.title', { name: staff.name })}
      body={t('staff.archiveDialog.body')}
      confirmLabel={t('staff.archive')}
      error={error ? <ProblemAlert error={error} /> : null}
      testId="archive-dialog"
    />
  );
}
