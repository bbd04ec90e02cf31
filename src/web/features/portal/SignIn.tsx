// Signing in to the portal: her phone number or email, then the 6-digit code sent there. The server answers
// the same whether or not a client has that contact, so nothing here tells who is a client.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { Field } from '../../components/Field.js';
import { Input } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { fieldErrors } from '../../http/problem.js';
import { currentLanguage } from '../../i18n/index.js';
import { type Contact, requestCode, signIn } from './api.js';

export function SignIn({ onSignedIn }: { onSignedIn: (firstName: string) => void }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<'phone' | 'email'>('phone');
  const [value, setValue] = useState('');
  const [sent, setSent] = useState<{ contact: Contact; channel: 'sms' | 'email' } | null>(null);
  const [code, setCode] = useState('');
  const contact = (): Contact => (by === 'phone' ? { phone: value.trim() } : { email: value.trim() });

  const ask = useMutation({
    mutationFn: (c: Contact) => requestCode(c, currentLanguage()),
    onSuccess: (res, c) => {
      setSent({ contact: c, channel: res.channel });
      setCode('');
    },
  });
  const enter = useMutation({
    mutationFn: () => signIn(sent!.contact, code.trim()),
    onSuccess: (res) => onSignedIn(res.client.firstName),
  });
  const askErrors = fieldErrors(ask.error);

  if (sent) {
    return (
      <form
        className="space-y-5"
        data-testid="portal-code-step"
        onSubmit={(e) => {
          e.preventDefault();
          if (/^\d{6}$/.test(code.trim())) enter.mutate();
        }}
      >
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{t('portal.codeTitle')}</h1>
          <p className="mt-1 text-zinc-600">
            {sent.channel === 'sms' ? t('portal.codeSentSms', { to: value.trim() }) : t('portal.codeSentEmail', { to: value.trim() })}
          </p>
        </div>
        <Field label={t('portal.code')}>
          <Input
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            maxLength={6}
            className="h-14 text-center font-mono text-2xl tracking-[0.5em]"
            data-testid="portal-code"
          />
        </Field>
        <ProblemAlert error={enter.error} testId="portal-code-error" />
        <Button
          type="submit"
          variant="primary"
          size="lg"
          className="w-full"
          loading={enter.isPending}
          disabled={code.length !== 6}
          data-testid="portal-code-submit"
        >
          {t('portal.signIn')}
        </Button>
        <div className="flex justify-between text-sm">
          <button type="button" className="font-medium text-zinc-600 hover:text-zinc-900" onClick={() => setSent(null)}>
            {t('portal.changeContact')}
          </button>
          <button
            type="button"
            className="font-medium text-orchid-700 hover:text-orchid-900"
            onClick={() => ask.mutate(sent.contact)}
            disabled={ask.isPending}
          >
            {t('portal.resend')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form
      className="space-y-5"
      data-testid="portal-signin"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) ask.mutate(contact());
      }}
    >
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{t('portal.welcome')}</h1>
        <p className="mt-1 text-zinc-600">{t('portal.intro')}</p>
      </div>
      <div className="grid grid-cols-2 rounded-xl bg-zinc-100 p-1 text-sm">
        {(['phone', 'email'] as const).map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={by === k}
            onClick={() => {
              setBy(k);
              setValue('');
            }}
            data-testid={`portal-by-${k}`}
            className={cx('h-10 rounded-lg font-medium', by === k ? 'bg-white text-zinc-900 shadow-sm' : 'text-zinc-500')}
          >
            {k === 'phone' ? t('portal.byPhone') : t('portal.byEmail')}
          </button>
        ))}
      </div>
      <Field label={by === 'phone' ? t('portal.phone') : t('portal.email')} error={askErrors.phone ?? askErrors.email}>
        <Input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          type={by === 'phone' ? 'tel' : 'email'}
          inputMode={by === 'phone' ? 'tel' : 'email'}
          autoComplete={by === 'phone' ? 'tel' : 'email'}
          placeholder={by === 'phone' ? '(212) 555-0123' : 'name@example.com'}
          className="h-12 text-base"
          data-testid="portal-contact"
        />
      </Field>
      <ProblemAlert error={Object.keys(askErrors).length ? null : ask.error} testId="portal-signin-error" />
      <Button
        type="submit"
        variant="primary"
        size="lg"
        className="w-full"
        loading={ask.isPending}
        disabled={!value.trim()}
        data-testid="portal-send-code"
      >
        {t('portal.sendCode')}
      </Button>
      <p className="text-center text-xs text-zinc-500">{t('portal.privacy')}</p>
    </form>
  );
}
