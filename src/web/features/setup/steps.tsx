// The three form steps of the setup wizard.
import { useTranslation } from 'react-i18next';
import { cx } from '../../components/cx.js';
import { Field } from '../../components/Field.js';
import { Input, Select } from '../../components/Input.js';
import { TimeZonePicker } from '../../components/TimeZonePicker.js';
import type { Currency, Language } from '../../http/types.js';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages.js';
import { type FormErrors, MIN_PASSWORD, useErrorText } from '../../lib/validation.js';
import type { SetupForm } from './model.js';

export interface StepProps {
  form: SetupForm;
  errors: FormErrors;
  set: <S extends keyof SetupForm, F extends keyof SetupForm[S]>(section: S, field: F, value: SetupForm[S][F]) => void;
}

export function BusinessStep({ form, errors, set }: StepProps) {
  const { t } = useTranslation();
  const err = useErrorText();
  const currencies: Currency[] = ['USD', 'CAD'];
  return (
    <div className="space-y-5">
      <Field label={t('setup.business.name')} error={err(errors['business.name'])} hint={t('setup.business.nameHint')}>
        <Input
          data-testid="setup-business-name"
          maxLength={120}
          data-autofocus
          autoFocus
          value={form.business.name}
          placeholder={t('setup.business.namePlaceholder')}
          onChange={(e) => set('business', 'name', e.target.value)}
          autoComplete="organization"
        />
      </Field>
      <fieldset className="space-y-1.5">
        <legend className="mb-1.5 text-sm font-medium text-zinc-800">{t('setup.business.currency')}</legend>
        <div className="grid grid-cols-2 gap-3">
          {currencies.map((currency) => {
            const checked = form.business.currency === currency;
            return (
              <label
                key={currency}
                className={cx(
                  'flex cursor-pointer items-center gap-3 rounded-xl px-4 py-3 ring-1 ring-inset transition-colors',
                  checked ? 'bg-orchid-50 ring-2 ring-orchid-600' : 'bg-white ring-zinc-300 hover:bg-zinc-50',
                )}
              >
                <input
                  type="radio"
                  name="currency"
                  value={currency}
                  checked={checked}
                  onChange={() => set('business', 'currency', currency)}
                  className="accent-orchid-700"
                  data-testid={`setup-currency-${currency.toLowerCase()}`}
                />
                <span className="flex flex-col">
                  <span className="text-sm font-semibold text-zinc-900">{currency}</span>
                  <span className="text-xs text-zinc-500">{t(`currencies.${currency}`)}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <Field label={t('setup.business.language')} hint={t('setup.business.languageHint')} error={err(errors['business.language'])}>
        <Select
          data-testid="setup-business-language"
          value={form.business.language}
          onChange={(e) => set('business', 'language', e.target.value as Language)}
        >
          {LANGUAGES.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {LANGUAGE_NAMES[lang]}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

export function StoreStep({ form, errors, set }: StepProps) {
  const { t } = useTranslation();
  const err = useErrorText();
  return (
    <div className="space-y-5">
      <Field label={t('setup.store.name')} error={err(errors['store.name'])} hint={t('setup.store.nameHint')}>
        <Input
          data-testid="setup-store-name"
          maxLength={120}
          data-autofocus
          value={form.store.name}
          placeholder={t('setup.store.namePlaceholder')}
          onChange={(e) => set('store', 'name', e.target.value)}
        />
      </Field>
      <Field label={t('setup.store.timeZone')} error={err(errors['store.timeZone'])} hint={t('setup.store.timeZoneHint')}>
        <TimeZonePicker
          testId="setup-store-timezone"
          value={form.store.timeZone}
          invalid={!!errors['store.timeZone']}
          onChange={(zone) => set('store', 'timeZone', zone)}
        />
      </Field>
      <Field label={t('setup.store.address')} optional={t('common.optional')} error={err(errors['store.address'])}>
        <Input
          data-testid="setup-store-address"
          maxLength={300}
          value={form.store.address}
          placeholder={t('setup.store.addressPlaceholder')}
          onChange={(e) => set('store', 'address', e.target.value)}
          autoComplete="street-address"
        />
      </Field>
      <Field label={t('setup.store.phone')} optional={t('common.optional')} error={err(errors['store.phone'])}>
        <Input
          data-testid="setup-store-phone"
          maxLength={40}
          type="tel"
          value={form.store.phone}
          placeholder={t('setup.store.phonePlaceholder')}
          onChange={(e) => set('store', 'phone', e.target.value)}
          autoComplete="tel"
        />
      </Field>
    </div>
  );
}

export function OwnerStep({ form, errors, set }: StepProps) {
  const { t } = useTranslation();
  const err = useErrorText();
  return (
    <div className="space-y-5">
      <Field label={t('setup.owner.name')} error={err(errors['owner.name'])}>
        <Input
          data-testid="setup-owner-name"
          maxLength={120}
          data-autofocus
          value={form.owner.name}
          onChange={(e) => set('owner', 'name', e.target.value)}
          autoComplete="name"
        />
      </Field>
      <Field label={t('setup.owner.email')} error={err(errors['owner.email'])} hint={t('setup.owner.emailHint')}>
        <Input
          data-testid="setup-owner-email"
          type="email"
          value={form.owner.email}
          onChange={(e) => set('owner', 'email', e.target.value)}
          autoComplete="email"
          inputMode="email"
        />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          label={t('setup.owner.password')}
          error={err(errors['owner.password'])}
          hint={t('validation.passwordLength', { min: MIN_PASSWORD })}
        >
          <Input
            data-testid="setup-owner-password"
            maxLength={200}
            type="password"
            value={form.owner.password}
            onChange={(e) => set('owner', 'password', e.target.value)}
            autoComplete="new-password"
          />
        </Field>
        <Field label={t('setup.owner.confirm')} error={err(errors['owner.confirm'])}>
          <Input
            data-testid="setup-owner-password-confirm"
            type="password"
            value={form.owner.confirm}
            onChange={(e) => set('owner', 'confirm', e.target.value)}
            autoComplete="new-password"
          />
        </Field>
      </div>
    </div>
  );
}
