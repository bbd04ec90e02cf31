// How long the package lasts, where it can be used, whether it can be paused or shared.
import { useTranslation } from 'react-i18next';
import { cx } from '../../../../components/cx.js';
import { Field } from '../../../../components/Field.js';
import { Checkbox, Input, Switch } from '../../../../components/Input.js';
import { useMe } from '../../../auth/session.js';
import type { FormErrors, TemplateForm } from '../templateForm.js';
import { EditorSection, useErr } from './shared.js';

const KINDS = ['months', 'fixed', 'none'] as const;

export function TermsSection({
  form,
  set,
  errors,
}: {
  form: TemplateForm;
  set: (patch: Partial<TemplateForm>) => void;
  errors: FormErrors;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const err = useErr();
  return (
    <EditorSection title={t('packages.editor.terms')} testId="editor-terms">
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-zinc-800">{t('packages.editor.validity')}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              aria-pressed={form.validityKind === kind}
              onClick={() => set({ validityKind: kind })}
              data-testid={`editor-validity-${kind}`}
              className={cx(
                'rounded-xl px-3 py-2.5 text-left ring-1 ring-inset transition-colors',
                form.validityKind === kind ? 'bg-orchid-50 ring-2 ring-orchid-600' : 'bg-white ring-zinc-200 hover:bg-zinc-50',
              )}
            >
              <span className="block text-sm font-medium text-zinc-900">{t(`packages.validity.${kind}`)}</span>
              <span className="block text-xs text-zinc-500">{t(`packages.validity.${kind}Hint`)}</span>
            </button>
          ))}
        </div>
        {form.validityKind === 'months' ? (
          <Field label={t('packages.editor.months')} error={err(errors['validity.months'])} className="w-40">
            <Input inputMode="numeric" value={form.months} onChange={(e) => set({ months: e.target.value })} data-testid="editor-months" />
          </Field>
        ) : form.validityKind === 'fixed' ? (
          <Field label={t('packages.editor.until')} error={err(errors['validity.until'])} className="w-52">
            <Input type="date" value={form.until} onChange={(e) => set({ until: e.target.value })} data-testid="editor-until" />
          </Field>
        ) : null}
      </fieldset>

      <fieldset className="space-y-3 border-t border-zinc-100 pt-5">
        <legend className="sr-only">{t('packages.editor.stores')}</legend>
        <Switch
          checked={form.allStores}
          onChange={(allStores) => set({ allStores })}
          label={t('packages.editor.allStores')}
          data-testid="editor-all-stores"
        />
        {form.allStores ? null : (
          <div className="grid gap-2 sm:grid-cols-2" data-testid="editor-stores">
            {me.stores.map((s) => (
              <Checkbox
                key={s.id}
                label={s.name}
                checked={form.storeIds.includes(s.id)}
                onChange={(e) => set({ storeIds: e.target.checked ? [...form.storeIds, s.id] : form.storeIds.filter((x) => x !== s.id) })}
              />
            ))}
            {errors.storeIds ? <p className="text-sm text-red-700 sm:col-span-2">{err(errors.storeIds)}</p> : null}
          </div>
        )}
      </fieldset>

      <div className="grid gap-5 border-t border-zinc-100 pt-5 sm:grid-cols-2">
        <div className="space-y-3">
          <Switch
            checked={form.freezeAllowed}
            onChange={(freezeAllowed) => set({ freezeAllowed })}
            label={t('packages.editor.freezeAllowed')}
            data-testid="editor-freeze"
          />
          {form.freezeAllowed ? (
            <Field label={t('packages.editor.freezeMax')} hint={t('packages.editor.freezeHint')} error={err(errors['freeze.maxDays'])}>
              <Input
                inputMode="numeric"
                value={form.freezeMaxDays}
                onChange={(e) => set({ freezeMaxDays: e.target.value })}
                className="w-28"
                data-testid="editor-freeze-days"
              />
            </Field>
          ) : null}
        </div>
        <div className="space-y-3">
          <Switch
            checked={form.shareable}
            onChange={(shareable) => set({ shareable })}
            label={t('packages.editor.shareable')}
            data-testid="editor-shareable"
          />
          {form.shareable ? (
            <Field label={t('packages.editor.maxMembers')} hint={t('packages.editor.shareHint')} error={err(errors['sharing.maxMembers'])}>
              <Input
                inputMode="numeric"
                value={form.maxMembers}
                onChange={(e) => set({ maxMembers: e.target.value })}
                className="w-28"
                data-testid="editor-max-members"
              />
            </Field>
          ) : null}
        </div>
      </div>
    </EditorSection>
  );
}
