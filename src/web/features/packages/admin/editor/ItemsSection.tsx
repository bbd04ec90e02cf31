// What the package contains: items of N sessions of a service (or a pool over services), optionally in
// steps (3 cleansing sessions, then 5 repair sessions), each with an optional value per session.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../../../components/Button.js';
import { Field } from '../../../../components/Field.js';
import { Input, Select, Switch } from '../../../../components/Input.js';
import { useMe } from '../../../auth/session.js';
import { categoriesQuery } from '../../../catalog/api.js';
import { MoneyInput } from '../../../catalog/parts/MoneyInput.js';
import { TranslationInputs } from '../../../catalog/parts/TranslationInputs.js';
import type { AnyService } from '../../../catalog/types.js';
import { emptyItem, type FormErrors, type ItemForm, type TemplateForm } from '../templateForm.js';
import { ServicePicker } from './ServicePicker.js';
import { asCatalogErrors, EditorSection, useErr } from './shared.js';

const STAGES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export function ItemsSection({
  form,
  set,
  errors,
  services,
}: {
  form: TemplateForm;
  set: (patch: Partial<TemplateForm>) => void;
  errors: FormErrors;
  services: AnyService[];
}) {
  const { t } = useTranslation();
  const err = useErr();
  const setItem = (i: number, patch: Partial<ItemForm>) => set({ items: form.items.map((it, n) => (n === i ? { ...it, ...patch } : it)) });
  const move = (i: number, by: -1 | 1) => {
    const items = [...form.items];
    const [it] = items.splice(i, 1);
    items.splice(i + by, 0, it!);
    set({ items });
  };
  return (
    <EditorSection
      title={t('packages.editor.contents')}
      description={t('packages.editor.contentsHint')}
      testId="editor-items"
      aside={
        <Switch
          checked={form.staged}
          onChange={(staged) =>
            set({ staged, items: form.items.map((it, n) => ({ ...it, step: staged ? it.step || String(Math.min(10, n + 1)) : '' })) })
          }
          label={t('packages.editor.staged')}
          data-testid="editor-staged"
        />
      }
    >
      {form.staged ? <p className="-mt-2 text-sm text-zinc-500">{t('packages.editor.stagedHint')}</p> : null}
      <ol className="space-y-4">
        {form.items.map((item, i) => (
          <li key={item.uid}>
            <ItemEditor
              item={item}
              index={i}
              count={form.items.length}
              staged={form.staged}
              errors={errors}
              services={services}
              onChange={(patch) => setItem(i, patch)}
              onRemove={() => set({ items: form.items.filter((_, n) => n !== i) })}
              onMove={(by) => move(i, by)}
            />
          </li>
        ))}
      </ol>
      {errors.items ? <p className="text-sm text-red-700">{err(errors.items)}</p> : null}
      <Button
        icon="plus"
        onClick={() => set({ items: [...form.items, emptyItem(form.staged ? String(Math.min(10, form.items.length + 1)) : '')] })}
        disabled={form.items.length >= 20}
        data-testid="editor-add-item"
      >
        {t('packages.editor.addItem')}
      </Button>
    </EditorSection>
  );
}

function ItemEditor({
  item,
  index: i,
  count,
  staged,
  errors,
  services,
  onChange,
  onRemove,
  onMove,
}: {
  item: ItemForm;
  index: number;
  count: number;
  staged: boolean;
  errors: FormErrors;
  services: AnyService[];
  onChange: (patch: Partial<ItemForm>) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const err = useErr();
  const categories = useQuery(categoriesQuery());
  const [showTr, setShowTr] = useState(Object.values(item.labelTranslations).some(Boolean));
  const p = `items.${i}`;
  const sessions = Number(item.sessions) || 0;
  return (
    <div className="rounded-xl bg-zinc-50/70 p-4 ring-1 ring-zinc-200" data-testid="editor-item">
      <div className="mb-3 flex items-center justify-between gap-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('packages.editor.itemN', { n: i + 1 })}</span>
        <div className="flex items-center">
          <IconButton
            icon="chevronDown"
            className="rotate-180"
            size="sm"
            label={t('packages.editor.moveUp')}
            disabled={i === 0}
            onClick={() => onMove(-1)}
          />
          <IconButton
            icon="chevronDown"
            size="sm"
            label={t('packages.editor.moveDown')}
            disabled={i === count - 1}
            onClick={() => onMove(1)}
          />
          <IconButton
            icon="trash"
            size="sm"
            label={t('packages.editor.removeItem')}
            disabled={count === 1}
            onClick={onRemove}
            data-testid="editor-item-remove"
          />
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_8rem]">
        <Field label={t('packages.editor.itemLabel')} error={err(errors[`${p}.label`])}>
          <Input
            value={item.label}
            maxLength={120}
            onChange={(e) => onChange({ label: e.target.value })}
            placeholder={t('packages.editor.itemLabelPlaceholder')}
            data-testid="editor-item-label"
          />
        </Field>
        <Field label={t('packages.editor.sessions')} error={err(errors[`${p}.sessions`])}>
          <div className="flex items-center gap-1">
            <Button
              size="md"
              className="w-10 px-0"
              onClick={() => onChange({ sessions: String(Math.max(1, sessions - 1)) })}
              aria-label={t('packages.editor.fewer')}
            >
              −
            </Button>
            <Input
              inputMode="numeric"
              value={item.sessions}
              onChange={(e) => onChange({ sessions: e.target.value })}
              className="w-14 text-center tabular-nums"
              data-testid="editor-item-sessions"
            />
            <Button
              size="md"
              className="w-10 px-0"
              onClick={() => onChange({ sessions: String(Math.min(100, sessions + 1)) })}
              aria-label={t('packages.editor.more')}
            >
              +
            </Button>
          </div>
        </Field>
      </div>
      <button
        type="button"
        className="mt-1.5 text-sm font-medium text-orchid-700 hover:text-orchid-900"
        onClick={() => setShowTr((v) => !v)}
        aria-expanded={showTr}
      >
        {showTr ? t('packages.editor.hideTranslations') : t('packages.editor.showTranslations')}
      </button>
      {showTr ? (
        <div className="mt-3">
          <TranslationInputs
            value={item.labelTranslations}
            onChange={(labelTranslations) => onChange({ labelTranslations })}
            errors={asCatalogErrors(errors)}
            path={`${p}.labelTranslations`}
            testId="editor-item-label"
            maxLength={120}
            base={item.label}
          />
        </div>
      ) : null}
      <div className="mt-4 grid gap-4 sm:grid-cols-[minmax(0,1fr)_11rem]">
        <Field label={t('packages.editor.services')} error={err(errors[`${p}.serviceIds`])}>
          <ServicePicker
            value={item.serviceIds}
            onChange={(serviceIds) =>
              onChange({ serviceIds, label: item.label || (services.find((s) => s.id === serviceIds[0])?.name ?? '') })
            }
            services={services}
            categories={categories.data ?? []}
            currency={me.business.currency}
            invalid={!!errors[`${p}.serviceIds`]}
            testId="editor-item-service"
          />
        </Field>
        <div className="space-y-4">
          <Field label={t('packages.editor.valuePerSession')} optional={t('common.optional')} error={err(errors[`${p}.valuePerSession`])}>
            <MoneyInput
              value={item.value}
              onChange={(value) => onChange({ value })}
              currency={me.business.currency}
              placeholder={t('packages.editor.listPrice')}
              data-testid="editor-item-value"
            />
          </Field>
          {staged ? (
            <Field label={t('packages.editor.step')} error={err(errors[`${p}.step`])}>
              <Select value={item.step} onChange={(e) => onChange({ step: e.target.value })} data-testid="editor-item-step">
                {STAGES.map((n) => (
                  <option key={n} value={String(n)}>
                    {t('packages.client.step', { step: n })}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
        </div>
      </div>
    </div>
  );
}
