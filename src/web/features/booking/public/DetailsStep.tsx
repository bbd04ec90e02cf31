// Who is booking: a phone number or an email, their name, then the one-time code sent there.
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Field } from '../../../components/Field.js';
import { Input, Textarea } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { fieldErrors } from '../../../http/problem.js';
import { currentLanguage } from '../../../i18n/index.js';
import { sendCode } from '../api.js';

export interface Details {
  channel: 'phone' | 'email';
  phone: string;
  email: string;
  firstName: string;
  lastName: string;
  notes: string;
  code: string;
}

export const emptyDetails: Details = { channel: 'phone', phone: '', email: '', firstName: '', lastName: '', notes: '', code: '' };

export function DetailsStep({
  slug,
  details,
  onChange,
  sentTo,
  onSent,
  newClientsAllowed,
  bookError,
  tried,
}: {
  slug: string;
  details: Details;
  onChange: (d: Details) => void;
  sentTo: string | null;
  onSent: (to: string) => void;
  newClientsAllowed: boolean;
  bookError: unknown;
  tried: boolean;
}) {
  const { t, i18n } = useTranslation();
  const set = <K extends keyof Details>(k: K, v: Details[K]) => onChange({ ...details, [k]: v });
  const contact = details.channel === 'phone' ? details.phone.trim() : details.email.trim();
  const send = useMutation({
    mutationFn: () =>
      sendCode({
        storeSlug: slug,
        ...(details.channel === 'phone' ? { phone: contact } : { email: contact }),
        language: currentLanguage(),
      }),
    onSuccess: () => onSent(contact),
  });
  const sendErrors = fieldErrors(send.error);
  const bookErrors = fieldErrors(bookError);
  const codeError =
    bookError && ['otp_invalid', 'otp_expired', 'otp_too_many_attempts'].includes((bookError as { code?: string }).code ?? '')
      ? ((bookError as { detail?: string; title?: string }).detail ?? (bookError as { title?: string }).title)
      : undefined;
  const missingName = tried && !details.firstName.trim();
  // Chinese names are written family name first.
  const familyFirst = i18n.language.startsWith('zh');
  return (
    <div className="space-y-5" data-testid="public-details">
      {send.error && !sendErrors.phone && !sendErrors.email ? <ProblemAlert error={send.error} /> : null}
      <fieldset className="inline-flex rounded-lg bg-zinc-100 p-0.5" aria-label={t('booking.contactBy')}>
        {(['phone', 'email'] as const).map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={details.channel === c}
            onClick={() => set('channel', c)}
            data-testid={`public-channel-${c}`}
            className={cx(
              'h-9 rounded-md px-4 text-sm font-medium',
              details.channel === c ? 'bg-white text-zinc-900 shadow-sm' : 'text-zinc-600',
            )}
          >
            {t(`booking.by.${c}`)}
          </button>
        ))}
      </fieldset>
      {details.channel === 'phone' ? (
        <Field label={t('booking.phone')} error={sendErrors.phone ?? bookErrors.phone} hint={t('booking.phoneHint')}>
          <Input
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            value={details.phone}
            onChange={(e) => set('phone', e.target.value)}
            data-testid="public-phone"
          />
        </Field>
      ) : (
        <Field label={t('booking.email')} error={sendErrors.email ?? bookErrors.email}>
          <Input
            type="email"
            autoComplete="email"
            value={details.email}
            onChange={(e) => set('email', e.target.value)}
            data-testid="public-email"
          />
        </Field>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {familyFirst ? (
          <>
            <Field label={t('booking.lastName')} optional={t('common.optional')} error={bookErrors.lastName}>
              <Input
                autoComplete="family-name"
                value={details.lastName}
                onChange={(e) => set('lastName', e.target.value)}
                data-testid="public-last-name"
              />
            </Field>
            <Field label={t('booking.firstName')} error={missingName ? t('validation.required') : bookErrors.firstName}>
              <Input
                autoComplete="given-name"
                value={details.firstName}
                onChange={(e) => set('firstName', e.target.value)}
                data-testid="public-first-name"
              />
            </Field>
          </>
        ) : (
          <>
            <Field label={t('booking.firstName')} error={missingName ? t('validation.required') : bookErrors.firstName}>
              <Input
                autoComplete="given-name"
                value={details.firstName}
                onChange={(e) => set('firstName', e.target.value)}
                data-testid="public-first-name"
              />
            </Field>
            <Field label={t('booking.lastName')} optional={t('common.optional')} error={bookErrors.lastName}>
              <Input
                autoComplete="family-name"
                value={details.lastName}
                onChange={(e) => set('lastName', e.target.value)}
                data-testid="public-last-name"
              />
            </Field>
          </>
        )}
      </div>
      <Field label={t('booking.notes')} optional={t('common.optional')}>
        <Textarea
          rows={2}
          value={details.notes}
          onChange={(e) => set('notes', e.target.value)}
          placeholder={t('booking.notesPlaceholder')}
        />
      </Field>
      {!newClientsAllowed ? <p className="text-sm text-zinc-500">{t('booking.existingOnly')}</p> : null}
      {sentTo ? (
        <div className="space-y-3 rounded-2xl bg-orchid-50 p-4 ring-1 ring-orchid-200" data-testid="public-code-box">
          <p className="text-sm text-orchid-900">{t('booking.codeSent', { to: sentTo })}</p>
          <Field label={t('booking.code')} error={codeError}>
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
              value={details.code}
              onChange={(e) => set('code', e.target.value.replace(/\D/g, '').slice(0, 6))}
              className="w-40 text-center text-lg tracking-[0.4em]"
              data-testid="public-code"
            />
          </Field>
          <Button size="sm" variant="ghost" loading={send.isPending} onClick={() => send.mutate()} data-testid="public-resend">
            {t('booking.resend')}
          </Button>
        </div>
      ) : (
        <Button
          variant="primary"
          size="lg"
          className="w-full sm:w-auto"
          disabled={!contact}
          loading={send.isPending}
          onClick={() => send.mutate()}
          data-testid="public-send-code"
        >
          {t('booking.sendCode')}
        </Button>
      )}
    </div>
  );
}
