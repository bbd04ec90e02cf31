import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { api } from '../../http/client.js';
import { isApiError, unplacedErrors } from '../../http/problem.js';
import type { Language, Me } from '../../http/types.js';
import { currentLanguage } from '../../i18n/index.js';
import { browserTimeZone } from '../../lib/timezones.js';
import { type FormErrors, focusFirstError, hasErrors, serverErrors } from '../../lib/validation.js';
import { AuthLayout } from '../auth/AuthLayout.js';
import { setupStatusQuery, signedIn } from '../auth/session.js';
import { DoneStep } from './DoneStep.js';
import { firstStepWithError, guessCurrency, type SetupForm, STEPS, type Step, toRequest, validateStep } from './model.js';
import { Stepper } from './Stepper.js';
import { BusinessStep, OwnerStep, type StepProps, StoreStep } from './steps.js';

const FIELDS = [
  'business.name',
  'business.currency',
  'business.language',
  'store.name',
  'store.timeZone',
  'store.address',
  'store.phone',
  'owner.name',
  'owner.email',
  'owner.password',
];

function initialForm(): SetupForm {
  const zone = browserTimeZone();
  return {
    business: { name: '', currency: guessCurrency(zone, navigator.languages ?? []), language: currentLanguage() },
    store: { name: '', timeZone: zone, address: '', phone: '' },
    owner: { name: '', email: '', password: '', confirm: '' },
  };
}

/** First-run setup: business → first store → owner account → done. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('business');
  const [form, setForm] = useState<SetupForm>(initialForm);
  const [errors, setErrors] = useState<FormErrors>({});
  const languageTouched = useRef(false);

  const submit = useMutation({
    mutationFn: (body: ReturnType<typeof toRequest>) => api.post<Me>('/setup', body),
    onSuccess: (me) => {
      signedIn(queryClient, me);
      queryClient.setQueryData(setupStatusQuery.queryKey, { setUp: true });
      setStep('done');
    },
    onError: (error) => {
      const fromServer = serverErrors(error, undefined, { weak_password: 'owner.password', email_taken: 'owner.email' });
      setErrors(fromServer);
      const back = firstStepWithError(Object.keys(fromServer));
      if (back) setStep(back);
      focusFirstError();
    },
  });

  const set: StepProps['set'] = (section, field, value) => {
    if (section === 'business' && field === 'language') languageTouched.current = true;
    setForm((f) => ({ ...f, [section]: { ...f[section], [field]: value } }));
    const path = `${String(section)}.${String(field)}`;
    if (errors[path]) {
      setErrors(({ [path]: _removed, ...rest }) => rest);
    }
  };

  // Until the owner picks the business language explicitly, it follows the language of the wizard.
  const onLanguageChange = (language: Language) => {
    if (!languageTouched.current) setForm((f) => ({ ...f, business: { ...f.business, language } }));
  };

  const index = STEPS.indexOf(step);
  const next = (event: FormEvent) => {
    event.preventDefault();
    const found = validateStep(step, form);
    setErrors(found);
    if (hasErrors(found)) {
      focusFirstError(event.currentTarget as HTMLFormElement);
      return;
    }
    if (step === 'business' && !form.store.name.trim()) {
      setForm((f) => ({ ...f, store: { ...f.store, name: f.business.name.trim() } }));
    }
    if (step === 'owner') {
      submit.mutate(toRequest(form));
      return;
    }
    setStep(STEPS[index + 1] ?? step);
  };

  const alreadySetUp = isApiError(submit.error) && submit.error.code === 'already_set_up';

  return (
    <AuthLayout wide onLanguageChange={onLanguageChange}>
      {step === 'done' ? (
        <DoneStep form={form} onContinue={() => void navigate({ to: '/' })} />
      ) : (
        <div className="rounded-2xl bg-white p-6 shadow-card ring-1 ring-zinc-200 sm:p-10" data-testid="setup-wizard">
          <Stepper current={step} />
          <p className="text-sm font-medium text-orchid-700">{t('setup.welcome')}</p>
          <StepHeading step={step} />
          <form onSubmit={next} noValidate className="space-y-6">
            {submit.error ? (
              <ProblemAlert
                error={submit.error}
                extra={unplacedErrors(submit.error, FIELDS)}
                action={
                  alreadySetUp ? (
                    <Button size="sm" onClick={() => void navigate({ to: '/login' })}>
                      {t('auth.signIn')}
                    </Button>
                  ) : undefined
                }
              />
            ) : null}
            {step === 'business' ? <BusinessStep form={form} errors={errors} set={set} /> : null}
            {step === 'store' ? <StoreStep form={form} errors={errors} set={set} /> : null}
            {step === 'owner' ? <OwnerStep form={form} errors={errors} set={set} /> : null}
            <div className="flex items-center justify-between gap-3 border-t border-zinc-100 pt-6">
              {index > 0 ? (
                <Button variant="ghost" icon="chevronLeft" onClick={() => setStep(STEPS[index - 1] ?? step)} data-testid="setup-back">
                  {t('common.back')}
                </Button>
              ) : (
                <span />
              )}
              {step === 'owner' ? (
                <Button type="submit" variant="primary" size="lg" loading={submit.isPending} data-testid="setup-finish">
                  {t('setup.finish')}
                </Button>
              ) : (
                <Button type="submit" variant="primary" size="lg" data-testid="setup-next">
                  {t('common.continue')}
                </Button>
              )}
            </div>
          </form>
        </div>
      )}
    </AuthLayout>
  );
}

function StepHeading({ step }: { step: Exclude<Step, 'done'> }) {
  const { t } = useTranslation();
  return (
    <div className="mb-6 mt-1">
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{t(`setup.${step}.title`)}</h1>
      <p className="mt-1 text-sm text-zinc-500">{t(`setup.${step}.description`)}</p>
    </div>
  );
}
