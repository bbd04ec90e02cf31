import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { Field } from '../../components/Field.js';
import { Input } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { TimeZonePicker } from '../../components/TimeZonePicker.js';
import { useToast } from '../../components/Toast.js';
import { unplacedErrors } from '../../http/problem.js';
import { browserTimeZone, normalizeTimeZone } from '../../lib/timezones.js';
import { type FormErrors, hasErrors, serverErrors, useErrorText } from '../../lib/validation.js';
import { meQuery } from '../auth/session.js';
import { createStore } from './api.js';

export function NewStoreDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const err = useErrorText();
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});

  const create = useMutation({
    mutationFn: () =>
      createStore({
        name: name.trim(),
        timeZone: normalizeTimeZone(timeZone) ?? timeZone,
        address: address.trim() || undefined,
        phone: phone.trim() || undefined,
      }),
    onSuccess: (store) => {
      void queryClient.invalidateQueries({ queryKey: ['stores'] });
      void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      toast(t('stores.created', { name: store.name }));
      close();
      void navigate({ to: '/stores/$storeId', params: { storeId: store.id } });
    },
    onError: (error) => setErrors(serverErrors(error)),
  });

  const close = () => {
    setName('');
    setAddress('');
    setPhone('');
    setErrors({});
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormErrors = {};
    if (!name.trim()) found.name = { key: 'required' };
    if (!normalizeTimeZone(timeZone)) found.timeZone = { key: 'timeZone' };
    setErrors(found);
    if (!hasErrors(found)) create.mutate();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('stores.addTitle')}
      icon="store"
      testId="new-store-dialog"
      className="sm:max-w-lg"
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" form="new-store-form" variant="primary" loading={create.isPending} data-testid="new-store-submit">
            {t('stores.add')}
          </Button>
        </>
      }
    >
      <form id="new-store-form" onSubmit={submit} noValidate className="space-y-4 text-zinc-900">
        {create.error ? (
          <ProblemAlert error={create.error} extra={unplacedErrors(create.error, ['name', 'timeZone', 'address', 'phone'])} />
        ) : null}
        <Field label={t('stores.fields.name')} error={err(errors.name)}>
          <Input data-testid="new-store-name" data-autofocus value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('stores.fields.timeZone')} error={err(errors.timeZone)}>
          <TimeZonePicker testId="new-store-timezone" value={timeZone} invalid={!!errors.timeZone} onChange={setTimeZone} />
        </Field>
        <Field label={t('stores.fields.address')} optional={t('common.optional')} error={err(errors.address)}>
          <Input data-testid="new-store-address" value={address} onChange={(e) => setAddress(e.target.value)} />
        </Field>
        <Field label={t('stores.fields.phone')} optional={t('common.optional')} error={err(errors.phone)}>
          <Input data-testid="new-store-phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
