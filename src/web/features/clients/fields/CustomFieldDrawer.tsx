import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../../components/Button.js';
import { Drawer } from '../../../components/Drawer.js';
import { Field } from '../../../components/Field.js';
import { Input, Select, Switch } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { isApiError } from '../../../http/problem.js';
import type { Language } from '../../../http/types.js';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../i18n/languages.js';
import { createCustomField, updateCustomField } from '../api.js';
import { labelIn } from '../customValues.js';
import { CUSTOM_FIELD_TYPES, type CustomFieldDef, type CustomFieldType } from '../types.js';
import {
  type FieldForm,
  type FieldFormErrors,
  isChoice,
  newFieldForm,
  newUid,
  type OptionRow,
  suggestKey,
  toCreateFieldBody,
  toFieldForm,
  toUpdateFieldBody,
  validateFieldForm,
} from './fieldForm.js';

export function CustomFieldDrawer({ def, takenKeys, onClose }: { def: CustomFieldDef | null; takenKeys: string[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const isNew = def === null;
  const [form, setForm] = useState<FieldForm>(() => (def ? toFieldForm(def) : newFieldForm()));
  const [errors, setErrors] = useState<FieldFormErrors>({});
  const [submitted, setSubmitted] = useState(false);

  const done = (saved: CustomFieldDef, message: 'saved' | 'created' | 'archivedToast' | 'restoredToast') => {
    void queryClient.invalidateQueries({ queryKey: ['custom-fields'] });
    toast(t(`clients.customFields.${message}`, { name: labelIn(saved.labels, i18n.language, saved.key) }));
    onClose();
  };
  const save = useMutation({
    mutationFn: () => (def ? updateCustomField(def.id, toUpdateFieldBody(form, def.version)) : createCustomField(toCreateFieldBody(form))),
    onSuccess: (saved) => done(saved, def ? 'saved' : 'created'),
  });
  const archive = useMutation({
    mutationFn: () => updateCustomField(def?.id ?? '', { version: def?.version ?? 1, archived: !def?.archived }),
    onSuccess: (saved) => done(saved, saved.archived ? 'archivedToast' : 'restoredToast'),
  });

  const update = (next: FieldForm) => {
    setForm(next);
    if (submitted) setErrors(validateFieldForm(next, { isNew, takenKeys }));
  };
  const setLabel = (lang: Language, value: string) => {
    const next = { ...form, labels: { ...form.labels, [lang]: value } };
    if (isNew && !form.keyTouched && lang === 'en') next.key = suggestKey(value);
    update(next);
  };
  const setOption = (i: number, patch: Partial<OptionRow>) =>
    update({ ...form, options: form.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validateFieldForm(form, { isNew, takenKeys });
    setErrors(found);
    if (!Object.keys(found).length) save.mutate();
  };

  const serverKeyTaken = isApiError(save.error) && save.error.code === 'custom_field_key_taken';
  const problem = (p: FieldFormErrors[keyof FieldFormErrors]) => (p ? t(`clients.customFields.problems.${p}`) : undefined);

  return (
    <Drawer
      open
      onClose={onClose}
      testId="custom-field-drawer"
      width="max-w-xl"
      title={def ? labelIn(def.labels, i18n.language, def.key) : t('clients.customFields.addTitle')}
      description={def ? t('clients.customFields.editDescription') : t('clients.customFields.addDescription')}
      footer={
        <>
          {def ? (
            <Button
              variant={def.archived ? 'ghost' : 'danger-ghost'}
              icon="archive"
              className="mr-auto"
              onClick={() => archive.mutate()}
              loading={archive.isPending}
            >
              {def.archived ? t('clients.customFields.restore') : t('clients.customFields.archive')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form="custom-field-form" variant="primary" loading={save.isPending} data-testid="custom-field-submit">
            {def ? t('common.save') : t('clients.customFields.create')}
          </Button>
        </>
      }
    >
      <form id="custom-field-form" onSubmit={submit} noValidate className="space-y-6">
        {save.error && !serverKeyTaken ? <ProblemAlert error={save.error} /> : null}
        {archive.error ? <ProblemAlert error={archive.error} /> : null}
        <fieldset className="space-y-4">
          <legend className="mb-1 text-sm font-medium text-zinc-800">{t('clients.customFields.labels')}</legend>
          {LANGUAGES.map((lang) => (
            <Field key={lang} label={LANGUAGE_NAMES[lang]} error={lang === 'en' ? problem(errors.labels) : undefined}>
              <Input
                data-testid={`custom-field-label-${lang}`}
                data-autofocus={lang === 'en' ? true : undefined}
                lang={lang}
                maxLength={100}
                value={form.labels[lang]}
                onChange={(e) => setLabel(lang, e.target.value)}
              />
            </Field>
          ))}
          <p className="text-sm text-zinc-500">{t('clients.customFields.labelsHint')}</p>
        </fieldset>

        <div className="grid gap-5 sm:grid-cols-2">
          <Field
            label={t('clients.customFields.type')}
            hint={isNew ? t('clients.customFields.typeHint') : t('clients.customFields.typeFixed')}
          >
            <Select
              data-testid="custom-field-type"
              value={form.type}
              disabled={!isNew}
              onChange={(e) => {
                const type = e.target.value as CustomFieldType;
                update({ ...form, type, options: isChoice(type) && form.options.length === 0 ? [blankOption()] : form.options });
              }}
            >
              {CUSTOM_FIELD_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`clients.customFields.types.${type}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('clients.customFields.key')}
            hint={isNew ? t('clients.customFields.keyHint') : t('clients.customFields.keyFixed')}
            error={problem(errors.key) ?? (serverKeyTaken ? t('clients.customFields.problems.keyTaken') : undefined)}
          >
            <Input
              data-testid="custom-field-key"
              className="font-mono"
              maxLength={40}
              disabled={!isNew}
              value={form.key}
              onChange={(e) => update({ ...form, key: e.target.value.toLowerCase(), keyTouched: true })}
            />
          </Field>
        </div>

        <Switch
          checked={form.required}
          onChange={(v) => update({ ...form, required: v })}
          label={t('clients.customFields.requiredLabel')}
          data-testid="custom-field-required"
        />
        {form.required ? <p className="-mt-3 text-sm text-zinc-500">{t('clients.customFields.requiredHint')}</p> : null}

        {isChoice(form.type) ? (
          <fieldset className="space-y-3" data-testid="custom-field-options">
            <legend className="text-sm font-medium text-zinc-800">{t('clients.customFields.options')}</legend>
            <p className="text-sm text-zinc-500">{t('clients.customFields.optionsHint')}</p>
            {form.options.map((o, i) => (
              <div key={o.uid} className="rounded-lg bg-zinc-50 p-3 ring-1 ring-inset ring-zinc-200">
                <div className="grid gap-2 sm:grid-cols-3">
                  {LANGUAGES.map((lang) => (
                    <Input
                      key={lang}
                      lang={lang}
                      aria-label={`${t('clients.customFields.optionLabel', { n: i + 1 })} (${LANGUAGE_NAMES[lang]})`}
                      placeholder={LANGUAGE_NAMES[lang]}
                      maxLength={100}
                      value={o.labels[lang]}
                      data-testid={`custom-field-option-${i}-${lang}`}
                      onChange={(e) => setOption(i, { labels: { ...o.labels, [lang]: e.target.value } })}
                    />
                  ))}
                </div>
                <div className="mt-2 flex items-center gap-2">
                  <span className="text-xs text-zinc-500">{t('clients.customFields.optionValue')}</span>
                  <Input
                    className="h-8 max-w-56 font-mono text-xs"
                    maxLength={60}
                    disabled={o.saved}
                    placeholder={t('clients.customFields.optionValueAuto')}
                    value={o.value}
                    aria-label={t('clients.customFields.optionValue')}
                    onChange={(e) => setOption(i, { value: e.target.value })}
                  />
                  <IconButton
                    icon="trash"
                    size="sm"
                    className="ml-auto"
                    label={t('clients.customFields.removeOption')}
                    onClick={() => update({ ...form, options: form.options.filter((_, j) => j !== i) })}
                  />
                </div>
              </div>
            ))}
            {errors.options ? (
              <p className="text-sm text-red-700" role="alert">
                {problem(errors.options)}
              </p>
            ) : null}
            <Button
              size="sm"
              icon="plus"
              onClick={() => update({ ...form, options: [...form.options, blankOption()] })}
              data-testid="custom-field-add-option"
            >
              {t('clients.customFields.addOption')}
            </Button>
          </fieldset>
        ) : null}
      </form>
    </Drawer>
  );
}

const blankOption = (): OptionRow => ({ uid: newUid(), value: '', labels: { en: '', 'zh-CN': '', 'zh-TW': '' }, saved: false });
