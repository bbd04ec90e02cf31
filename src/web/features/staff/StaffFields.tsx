import { useTranslation } from 'react-i18next';
import { cx } from '../../components/cx.js';
import { Field } from '../../components/Field.js';
import { Checkbox, Input, Select } from '../../components/Input.js';
import { type Language, ROLES, type Role } from '../../http/types.js';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages.js';
import { type FormErrors, MIN_PASSWORD, PIN_MAX, useErrorText } from '../../lib/validation.js';
import { useMe } from '../auth/session.js';
import type { StaffForm } from './form.js';

/** The inputs of the staff drawer. */
export function StaffFields({
  form,
  errors,
  set,
  isNew,
  readOnly,
}: {
  form: StaffForm;
  errors: FormErrors;
  set: <K extends keyof StaffForm>(key: K, value: StaffForm[K]) => void;
  isNew: boolean;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const err = useErrorText();
  const toggleStore = (id: string, on: boolean) => set('storeIds', on ? [...form.storeIds, id] : form.storeIds.filter((s) => s !== id));

  return (
    <fieldset disabled={readOnly} className="space-y-5">
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('staff.fields.name')} error={err(errors.name)}>
          <Input
            data-testid="staff-form-name"
            maxLength={120}
            data-autofocus
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
          />
        </Field>
        <Field
          label={t('staff.fields.displayName')}
          optional={t('common.optional')}
          hint={t('staff.fields.displayNameHint')}
          error={err(errors.displayName)}
        >
          <Input
            data-testid="staff-form-display-name"
            maxLength={60}
            value={form.displayName}
            placeholder={form.name}
            onChange={(e) => set('displayName', e.target.value)}
          />
        </Field>
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('staff.fields.email')} error={err(errors.email)}>
          <Input
            data-testid="staff-form-email"
            type="email"
            inputMode="email"
            value={form.email}
            onChange={(e) => set('email', e.target.value)}
          />
        </Field>
        <Field label={t('staff.fields.phone')} optional={t('common.optional')} error={err(errors.phone)}>
          <Input
            data-testid="staff-form-phone"
            maxLength={40}
            type="tel"
            value={form.phone}
            onChange={(e) => set('phone', e.target.value)}
          />
        </Field>
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('staff.fields.role')} error={err(errors.role)} hint={t(`roleDescriptions.${form.role}`)}>
          <Select data-testid="staff-form-role" value={form.role} onChange={(e) => set('role', e.target.value as Role)}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('staff.fields.language')} error={err(errors.language)}>
          <Select data-testid="staff-form-language" value={form.language} onChange={(e) => set('language', e.target.value as Language)}>
            {LANGUAGES.map((lang) => (
              <option key={lang} value={lang} lang={lang}>
                {LANGUAGE_NAMES[lang]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <fieldset className="space-y-2" data-testid="staff-form-stores">
        <legend className="mb-1.5 text-sm font-medium text-zinc-800">{t('staff.fields.stores')}</legend>
        {form.role === 'owner' ? <p className="text-sm text-zinc-500">{t('staff.fields.ownerStores')}</p> : null}
        <div
          className={cx(
            'grid gap-2 rounded-xl bg-zinc-50 p-3 ring-1 ring-inset ring-zinc-200 sm:grid-cols-2',
            form.role === 'owner' && 'hidden',
          )}
        >
          {me.stores.map((store) => (
            <Checkbox
              key={store.id}
              label={store.name}
              checked={form.storeIds.includes(store.id)}
              onChange={(e) => toggleStore(store.id, e.target.checked)}
              data-testid={`staff-form-store-${store.slug}`}
            />
          ))}
        </div>
        {errors.storeIds ? (
          <p className="text-sm text-red-700" role="alert">
            {err(errors.storeIds)}
          </p>
        ) : null}
      </fieldset>
      {isNew ? (
        <div className="space-y-5 rounded-xl border border-dashed border-zinc-300 p-4">
          <div>
            <p className="text-sm font-medium text-zinc-800">{t('staff.fields.signInTitle')}</p>
            <p className="text-sm text-zinc-500">{t('staff.fields.signInBody')}</p>
          </div>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              label={t('staff.fields.password')}
              optional={t('common.optional')}
              error={err(errors.password)}
              hint={t('validation.passwordLength', { min: MIN_PASSWORD })}
            >
              <Input
                data-testid="staff-form-password"
                type="password"
                autoComplete="new-password"
                value={form.password}
                onChange={(e) => set('password', e.target.value)}
              />
            </Field>
            <Field label={t('staff.fields.pin')} optional={t('common.optional')} error={err(errors.pin)} hint={t('staff.fields.pinHint')}>
              <Input
                data-testid="staff-form-pin"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={PIN_MAX}
                value={form.pin}
                onChange={(e) => set('pin', e.target.value.replace(/\D/g, ''))}
              />
            </Field>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
