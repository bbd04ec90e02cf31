import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { Input, Select } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { LinkButton } from '../../components/LinkButton.js';
import { Card, PageHeader } from '../../components/Page.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useToast } from '../../components/Toast.js';
import { api } from '../../http/client.js';
import { unplacedErrors } from '../../http/problem.js';
import type { Terminal } from '../../http/types.js';
import { type FormErrors, serverErrors, useErrorText } from '../../lib/validation.js';
import { meQuery, useMe } from '../auth/session.js';
import { terminalQuery, useThisTerminal } from '../auth/terminal.js';
import { useCurrentStore } from '../shell/CurrentStore.js';
import { Guard } from '../shell/Guard.js';

export function TerminalPage() {
  return (
    <Guard allow="terminals.manage">
      <TerminalSettings />
    </Guard>
  );
}

/** Registers this browser as a shared front-desk terminal so staff can switch with a PIN. */
function TerminalSettings() {
  const { t } = useTranslation();
  const me = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const err = useErrorText();
  const { store } = useCurrentStore();
  const [storeId, setStoreId] = useState(store?.id ?? me.stores[0]?.id ?? '');
  const [name, setName] = useState(() => t('terminal.defaultName'));
  const [errors, setErrors] = useState<FormErrors>({});
  const register = useMutation({
    mutationFn: () => api.post<Terminal>('/terminals', { storeId, name: name.trim() }),
    onSuccess: (terminal) => {
      void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      void queryClient.invalidateQueries({ queryKey: terminalQuery.queryKey });
      toast(t('terminal.registered', { name: terminal.name }));
    },
    onError: (error) => setErrors(serverErrors(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormErrors = {};
    if (!name.trim()) found.name = { key: 'required' };
    if (!storeId) found.storeId = { key: 'required' };
    setErrors(found);
    if (Object.keys(found).length === 0) register.mutate();
  };
  const thisTerminal = useThisTerminal(me);
  const registered = thisTerminal.registered ? thisTerminal.terminal : null;
  const terminalStore = registered ? me.stores.find((s) => s.id === registered.storeId) : undefined;

  return (
    <div data-testid="terminal-page" className="max-w-3xl">
      <PageHeader title={t('terminal.title')} description={t('terminal.description')} />
      {thisTerminal.registered ? (
        <Card testId="terminal-registered">
          <div className="flex flex-wrap items-center gap-4">
            <span className="flex size-12 items-center justify-center rounded-xl bg-emerald-50 text-emerald-600">
              <Icon name="monitor" className="size-6" />
            </span>
            <div className="min-w-0 flex-1">
              <p className="font-semibold text-zinc-900">
                {registered ? t('terminal.isRegistered', { name: registered.name }) : t('terminal.isRegisteredUnnamed')}
              </p>
              {terminalStore ? <p className="text-sm text-zinc-500">{t('terminal.atStore', { store: terminalStore.name })}</p> : null}
            </div>
            <LinkButton to="/pin" icon="switchUser" data-testid="terminal-open-pin">
              {t('shell.switchUser')}
            </LinkButton>
          </div>
        </Card>
      ) : (
        <Card title={t('terminal.registerTitle')} description={t('terminal.registerBody')}>
          <form onSubmit={submit} noValidate className="space-y-5" data-testid="terminal-form">
            {register.error ? <ProblemAlert error={register.error} extra={unplacedErrors(register.error, ['storeId', 'name'])} /> : null}
            <div className="grid gap-5 sm:grid-cols-2">
              <Field label={t('terminal.store')} error={err(errors.storeId)}>
                <Select data-testid="terminal-store" value={storeId} onChange={(e) => setStoreId(e.target.value)}>
                  {me.stores.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('terminal.name')} error={err(errors.name)} hint={t('terminal.nameHint')}>
                <Input data-testid="terminal-name" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
              </Field>
            </div>
            <ul className="space-y-2 rounded-xl bg-zinc-50 p-4 text-sm text-zinc-600">
              {(['point1', 'point2', 'point3'] as const).map((key) => (
                <li key={key} className="flex gap-2">
                  <Icon name="check" className="mt-0.5 size-4 text-orchid-600" />
                  {t(`terminal.${key}`)}
                </li>
              ))}
            </ul>
            <Button type="submit" variant="primary" icon="monitor" loading={register.isPending} data-testid="terminal-register">
              {t('terminal.register')}
            </Button>
          </form>
        </Card>
      )}
    </div>
  );
}
