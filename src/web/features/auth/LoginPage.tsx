import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { Input } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { api } from '../../http/client.js';
import { unplacedErrors } from '../../http/problem.js';
import type { Me } from '../../http/types.js';
import { type FormErrors, focusFirstError, hasErrors, isEmail, serverErrors, useErrorText } from '../../lib/validation.js';
import { AuthLayout } from './AuthLayout.js';
import { signedIn } from './session.js';
import { terminalQuery } from './terminal.js';

/** Only same-app paths are followed after sign-in (no open redirects). */
export function safeRedirect(target: string | undefined): string {
  return target?.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
}

export function LoginPage({ redirect }: { redirect?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const err = useErrorText();
  const terminal = useQuery(terminalQuery);

  const login = useMutation({
    mutationFn: () => api.post<Me>('/auth/login', { email: email.trim(), password }, { allow401: true }),
    onSuccess: (me) => {
      signedIn(queryClient, me);
      void navigate({ to: safeRedirect(redirect) });
    },
    onError: (error) => setErrors(serverErrors(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormErrors = {};
    if (!email.trim()) found.email = { key: 'required' };
    else if (!isEmail(email)) found.email = { key: 'email' };
    if (!password) found.password = { key: 'required' };
    setErrors(found);
    if (hasErrors(found)) focusFirstError(event.currentTarget as HTMLFormElement);
    else login.mutate();
  };

  return (
    <AuthLayout>
      <div className="rounded-2xl bg-white p-6 shadow-card ring-1 ring-zinc-200 sm:p-8" data-testid="login-page">
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{t('auth.title')}</h1>
        <p className="mt-1 text-sm text-zinc-500">{t('auth.subtitle')}</p>
        <form onSubmit={submit} noValidate className="mt-6 space-y-5">
          {login.error ? (
            <ProblemAlert error={login.error} extra={unplacedErrors(login.error, ['email', 'password'])} testId="login-error" />
          ) : null}
          <Field label={t('auth.email')} error={err(errors.email)}>
            <Input
              data-testid="login-email"
              type="email"
              autoComplete="username"
              inputMode="email"
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
          <Field label={t('auth.password')} error={err(errors.password)}>
            <Input
              data-testid="login-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          <Button type="submit" variant="primary" size="lg" className="w-full" loading={login.isPending} data-testid="login-submit">
            {t('auth.signIn')}
          </Button>
        </form>
      </div>
      {terminal.isSuccess ? (
        <Link
          to="/pin"
          data-testid="login-use-pin"
          className="mt-4 flex items-center justify-center gap-2 rounded-2xl bg-white/70 px-4 py-3 text-sm font-medium text-orchid-800 ring-1 ring-orchid-200 transition-colors hover:bg-white"
        >
          <Icon name="lock" className="size-4" />
          {t('auth.usePin')}
        </Link>
      ) : null}
    </AuthLayout>
  );
}
