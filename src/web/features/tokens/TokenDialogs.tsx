import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { Field } from '../../components/Field.js';
import { Input, Select } from '../../components/Input.js';
import { Alert, ProblemAlert } from '../../components/ProblemAlert.js';
import type { CreatedApiToken } from '../../http/types.js';
import { type FormErrors, serverErrors, useErrorText } from '../../lib/validation.js';
import { createToken, EXPIRY_CHOICES, type ExpiryChoice, expiryDate, tokensQuery } from './api.js';
import { CopyButton } from './CopyButton.js';

export function CreateTokenDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (token: CreatedApiToken) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const err = useErrorText();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<ExpiryChoice>('90');
  const [errors, setErrors] = useState<FormErrors>({});
  const create = useMutation({
    mutationFn: () => createToken({ name: name.trim(), expiresAt: expiryDate(expiry) }),
    onSuccess: (token) => {
      void queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
      close();
      onCreated(token);
    },
    onError: (error) => setErrors(serverErrors(error)),
  });
  const close = () => {
    setName('');
    setExpiry('90');
    setErrors({});
    create.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: { key: 'required' } });
      return;
    }
    create.mutate();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('tokens.createTitle')}
      icon="key"
      testId="token-create-dialog"
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="submit" form="token-form" variant="primary" loading={create.isPending} data-testid="token-create-submit">
            {t('tokens.create')}
          </Button>
        </>
      }
    >
      <form id="token-form" onSubmit={submit} noValidate className="space-y-4 text-zinc-900">
        <p className="text-zinc-600">{t('tokens.createBody')}</p>
        {create.error && !errors.name ? <ProblemAlert error={create.error} /> : null}
        <Field label={t('tokens.name')} error={err(errors.name)}>
          <Input
            data-testid="token-name"
            maxLength={80}
            data-autofocus
            value={name}
            placeholder={t('tokens.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field label={t('tokens.expiry')} error={err(errors.expiresAt)}>
          <Select data-testid="token-expiry" value={expiry} onChange={(e) => setExpiry(e.target.value as ExpiryChoice)}>
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice === 'never' ? t('tokens.never') : t('tokens.days', { count: Number(choice) })}
              </option>
            ))}
          </Select>
        </Field>
      </form>
    </Dialog>
  );
}

/** The only time the secret is visible: copy it now. */
export function ShowTokenDialog({ token, onClose }: { token: CreatedApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={token !== null}
      onClose={onClose}
      title={t('tokens.shownOnceTitle')}
      icon="checkCircle"
      tone="success"
      testId="token-show-dialog"
      className="sm:max-w-lg"
      footer={
        <Button variant="secondary" onClick={onClose} data-testid="token-show-done">
          {t('tokens.savedIt')}
        </Button>
      }
    >
      {token ? (
        <div className="space-y-4">
          <Alert tone="warning" title={t('tokens.shownOnceWarning')} />
          <p className="text-zinc-600">{t('tokens.tokenFor', { name: token.name })}</p>
          <code
            data-testid="token-secret"
            className="block select-all break-all rounded-lg bg-zinc-900 px-4 py-3 font-mono text-sm text-emerald-300"
          >
            {token.token}
          </code>
          <div>
            <CopyButton text={token.token} testId="token-copy" />
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
