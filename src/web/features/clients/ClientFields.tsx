import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import { Checkbox, Input, Select } from '../../components/Input.js';
import type { Language } from '../../http/types.js';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages.js';
import { useMe } from '../auth/session.js';
import { staffQuery } from '../staff/api.js';
import { tagsQuery } from './api.js';
import { CustomFieldInput } from './CustomFieldInput.js';
import { labelIn } from './customValues.js';
import { type ClientForm, type ClientFormErrors, MAX_TAG_LENGTH, MAX_TAGS, tagProblem } from './form.js';
import { maxDay } from './format.js';
import { TagInput } from './TagInput.js';
import { type CustomFieldDef, PRESSURES, type Pressure } from './types.js';
import { useClientErrorText } from './useErrorText.js';

type Set = <K extends keyof ClientForm>(key: K, value: ClientForm[K]) => void;

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="space-y-4" data-testid={testId}>
      <h3 className="border-b border-zinc-100 pb-2 text-xs font-semibold uppercase tracking-wider text-zinc-500">{title}</h3>
      {children}
    </section>
  );
}

/** The inputs of the client drawer, in sections. */
export function ClientFields({
  form,
  errors,
  set,
  defs,
  isNew,
}: {
  form: ClientForm;
  errors: ClientFormErrors;
  set: Set;
  defs: CustomFieldDef[];
  isNew: boolean;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const err = useClientErrorText();
  const tags = useQuery(tagsQuery);
  const staff = useQuery(staffQuery({}));
  const familyFirst = i18n.language.startsWith('zh');
  const optional = t('common.optional');

  const first = (
    <Field key="first" label={t('clients.fields.firstName')} error={err(errors.firstName)} errorTestId="client-form-first-name-error">
      <Input
        data-testid="client-form-first-name"
        data-autofocus={familyFirst ? undefined : true}
        maxLength={100}
        value={form.firstName}
        onChange={(e) => set('firstName', e.target.value)}
      />
    </Field>
  );
  const last = (
    <Field
      key="last"
      label={t('clients.fields.lastName')}
      optional={optional}
      hint={t('clients.fields.lastNameHint')}
      error={err(errors.lastName)}
    >
      <Input
        data-testid="client-form-last-name"
        data-autofocus={familyFirst ? true : undefined}
        maxLength={100}
        value={form.lastName}
        onChange={(e) => set('lastName', e.target.value)}
      />
    </Field>
  );

  const activeDefs = defs.filter((d) => !d.archived);

  return (
    <div className="space-y-8">
      <Section title={t('clients.form.sections.name')}>
        <div className="grid gap-5 sm:grid-cols-2">{familyFirst ? [last, first] : [first, last]}</div>
        <Field
          label={t('clients.fields.preferredName')}
          optional={optional}
          hint={t('clients.fields.preferredNameHint')}
          error={err(errors.preferredName)}
        >
          <Input
            data-testid="client-form-preferred-name"
            maxLength={100}
            value={form.preferredName}
            onChange={(e) => set('preferredName', e.target.value)}
          />
        </Field>
      </Section>

      <Section title={t('clients.form.sections.contact')}>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label={t('clients.fields.phone')} optional={optional} error={err(errors.phone)} errorTestId="client-form-phone-error">
            <Input
              data-testid="client-form-phone"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              maxLength={40}
              placeholder="(415) 555-0134"
              value={form.phone}
              onChange={(e) => set('phone', e.target.value)}
            />
          </Field>
          <Field label={t('clients.fields.email')} optional={optional} error={err(errors.email)} errorTestId="client-form-email-error">
            <Input
              data-testid="client-form-email"
              type="email"
              inputMode="email"
              autoComplete="off"
              maxLength={320}
              value={form.email}
              onChange={(e) => set('email', e.target.value)}
            />
          </Field>
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label={t('clients.fields.language')} hint={t('clients.fields.languageHint')}>
            <Select data-testid="client-form-language" value={form.language} onChange={(e) => set('language', e.target.value as Language)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </Select>
          </Field>
          {me.stores.length > 1 ? (
            <Field label={t('clients.fields.homeStore')} error={err(errors.homeStoreId)}>
              <Select data-testid="client-form-home-store" value={form.homeStoreId} onChange={(e) => set('homeStoreId', e.target.value)}>
                {me.stores.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
        </div>
      </Section>

      <Section title={t('clients.form.sections.about')}>
        <BirthdayInput form={form} set={set} error={err(errors.birthday)} />
        <div className="grid gap-5 sm:grid-cols-3">
          <Field label={t('clients.fields.gender')} optional={optional}>
            <Input data-testid="client-form-gender" maxLength={40} value={form.gender} onChange={(e) => set('gender', e.target.value)} />
          </Field>
          <Field label={t('clients.fields.source')} optional={optional} hint={t('clients.fields.sourceHint')}>
            <Input data-testid="client-form-source" maxLength={100} value={form.source} onChange={(e) => set('source', e.target.value)} />
          </Field>
          <Field label={t('clients.fields.referrer')} optional={optional}>
            <Input
              data-testid="client-form-referrer"
              maxLength={200}
              value={form.referrer}
              onChange={(e) => set('referrer', e.target.value)}
            />
          </Field>
        </div>
        <Field label={t('clients.fields.tags')} optional={optional} hint={t('clients.fields.tagsHint')} error={err(errors.tags)}>
          <TagInput
            testId="client-form-tags"
            value={form.tags}
            onChange={(v) => set('tags', v)}
            suggestions={(tags.data?.data ?? []).map((tag) => tag.name)}
            max={MAX_TAGS}
            maxLength={MAX_TAG_LENGTH}
            check={(w) => (tagProblem(w) ? t('clients.validation.tag') : null)}
            placeholder={t('clients.fields.tagsPlaceholder')}
          />
        </Field>
      </Section>

      <Section title={t('clients.form.sections.preferences')}>
        <Field
          label={t('clients.fields.allergyReminder')}
          optional={optional}
          hint={t('clients.fields.allergyReminderHint')}
          error={err(errors['preferences.allergyReminder'])}
        >
          <Input
            data-testid="client-form-allergy"
            maxLength={500}
            value={form.allergyReminder}
            placeholder={t('clients.fields.allergyPlaceholder')}
            onChange={(e) => set('allergyReminder', e.target.value)}
          />
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label={t('clients.fields.favouriteStaff')} optional={optional} error={err(errors['preferences.favouriteStaffId'])}>
            <Select
              data-testid="client-form-favourite"
              value={form.favouriteStaffId}
              onChange={(e) => set('favouriteStaffId', e.target.value)}
            >
              <option value="">{t('clients.form.noPreference')}</option>
              {(staff.data?.data ?? [])
                .filter((s) => s.active || s.id === form.favouriteStaffId)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.displayName || s.name}
                  </option>
                ))}
            </Select>
          </Field>
          <Field label={t('clients.fields.pressure')} optional={optional}>
            <Select
              data-testid="client-form-pressure"
              value={form.pressure}
              onChange={(e) => set('pressure', e.target.value as Pressure | '')}
            >
              <option value="">{t('clients.form.noPreference')}</option>
              {PRESSURES.map((p) => (
                <option key={p} value={p}>
                  {t(`clients.pressure.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field
          label={t('clients.fields.focusAreas')}
          optional={optional}
          hint={t('clients.fields.focusAreasHint')}
          error={err(errors['preferences.focusAreas'])}
        >
          <TagInput
            testId="client-form-focus"
            value={form.focusAreas}
            onChange={(v) => set('focusAreas', v)}
            max={20}
            maxLength={60}
            placeholder={t('clients.fields.focusAreasPlaceholder')}
          />
        </Field>
      </Section>

      {activeDefs.length > 0 ? (
        <Section title={t('clients.form.sections.custom')} testId="client-form-custom">
          <div className="grid gap-5 sm:grid-cols-2">
            {activeDefs.map((def) => (
              <Field
                key={def.id}
                label={labelIn(def.labels, i18n.language, def.key)}
                optional={def.required ? undefined : optional}
                error={err(errors[`customFields.${def.key}`])}
                errorTestId={`client-custom-${def.key}-error`}
                className={def.type === 'multi_choice' || def.type === 'text' ? 'sm:col-span-2' : undefined}
              >
                <CustomFieldInput
                  def={def}
                  value={form.custom[def.key]}
                  onChange={(v) => set('custom', { ...form.custom, [def.key]: v })}
                />
              </Field>
            ))}
          </div>
        </Section>
      ) : null}

      {isNew ? (
        <Section title={t('clients.form.sections.consent')}>
          <p className="text-sm text-zinc-500">{t('clients.consent.askWording')}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <Checkbox
              data-testid="client-form-sms-consent"
              label={t('clients.consent.smsOptIn')}
              description={t('clients.consent.smsOptInHint')}
              checked={form.smsConsent}
              onChange={(e) => set('smsConsent', e.target.checked)}
            />
            <Checkbox
              data-testid="client-form-email-consent"
              label={t('clients.consent.emailOptIn')}
              description={t('clients.consent.emailOptInHint')}
              checked={form.emailConsent}
              onChange={(e) => set('emailConsent', e.target.checked)}
            />
          </div>
        </Section>
      ) : null}
    </div>
  );
}

function BirthdayInput({ form, set, error }: { form: ClientForm; set: Set; error: string | undefined }) {
  const { t, i18n } = useTranslation();
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, m - 1, 1));
  const dayId = useId();
  const yearId = useId();
  const days = maxDay(Number(form.birthMonth) || 1, form.birthYear ? Number(form.birthYear) : null, form.lunar);
  return (
    <Field
      label={t('clients.fields.birthday')}
      optional={t('common.optional')}
      hint={t('clients.fields.birthdayHint')}
      error={error}
      errorTestId="client-form-birthday-error"
    >
      <div className="flex flex-wrap items-center gap-2">
        <Select
          data-testid="client-form-birth-month"
          aria-label={t('clients.fields.birthMonth')}
          value={form.birthMonth}
          onChange={(e) => set('birthMonth', e.target.value)}
          className="w-40"
        >
          <option value="">{t('clients.fields.birthMonth')}</option>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <option key={m} value={String(m)}>
              {form.lunar ? t('clients.fields.lunarMonth', { month: m }) : monthName(m)}
            </option>
          ))}
        </Select>
        <Select
          id={dayId}
          data-testid="client-form-birth-day"
          aria-label={t('clients.fields.birthDay')}
          value={form.birthDay}
          onChange={(e) => set('birthDay', e.target.value)}
          className="w-24"
        >
          <option value="">{t('clients.fields.birthDay')}</option>
          {Array.from({ length: Math.max(days, Number(form.birthDay) || 0) }, (_, i) => i + 1).map((d) => (
            <option key={d} value={String(d)}>
              {d}
            </option>
          ))}
        </Select>
        <Input
          id={yearId}
          data-testid="client-form-birth-year"
          aria-label={t('clients.fields.birthYear')}
          placeholder={t('clients.fields.birthYear')}
          inputMode="numeric"
          maxLength={4}
          value={form.birthYear}
          onChange={(e) => set('birthYear', e.target.value.replace(/\D/g, ''))}
          className="w-28"
        />
        <Checkbox
          label={t('clients.fields.lunar')}
          checked={form.lunar}
          onChange={(e) => set('lunar', e.target.checked)}
          className="ml-1"
        />
      </div>
    </Field>
  );
}
