import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { Field } from '../../components/Field.js';
import { Input } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useToast } from '../../components/Toast.js';
import { unplacedErrors } from '../../http/problem.js';
import { createCategory, updateCategory } from './api.js';
import { type CatalogErrors, fromServer, useErrText } from './errors.js';
import { ColorPalette } from './parts/ColorPalette.js';
import { fromTranslationForm, TranslationsBox, toTranslationForm } from './parts/TranslationInputs.js';
import type { Category } from './types.js';

/** Add or edit a service category: name in three languages and a colour; archive or bring back. */
export function CategoryDialog({
  category,
  nextSortOrder,
  onClose,
  readOnly,
}: {
  category: Category | null;
  nextSortOrder: number;
  onClose: () => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const err = useErrText();
  const [name, setName] = useState(category?.name ?? '');
  const [translations, setTranslations] = useState(() => toTranslationForm(category?.nameTranslations));
  const [color, setColor] = useState<string | null>(category?.color ?? null);
  const [errors, setErrors] = useState<CatalogErrors>({});

  const done = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: ['catalog'] });
    toast(message);
    onClose();
  };
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), nameTranslations: fromTranslationForm(translations), color };
      return category
        ? updateCategory(category.id, { ...body, version: category.version })
        : createCategory({ ...body, sortOrder: nextSortOrder });
    },
    onSuccess: (saved) =>
      done(
        category ? t('catalog.category.saved', { name: saved.displayName }) : t('catalog.category.created', { name: saved.displayName }),
      ),
    onError: (error) => setErrors(fromServer(error)),
  });
  const archive = useMutation({
    mutationFn: () => updateCategory(category?.id ?? '', { version: category?.version ?? 0, archived: !category?.archived }),
    onSuccess: (saved) =>
      done(
        saved.archived
          ? t('catalog.category.archived', { name: saved.displayName })
          : t('catalog.category.restored', { name: saved.displayName }),
      ),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: { key: 'validation.required' } });
      return;
    }
    save.mutate();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      icon="sliders"
      title={category ? category.displayName : t('catalog.category.addTitle')}
      testId="category-dialog"
      footer={
        <>
          {category && !readOnly ? (
            <Button
              variant="ghost"
              icon={category.archived ? 'refresh' : 'archive'}
              className="mr-auto"
              loading={archive.isPending}
              onClick={() => archive.mutate()}
              data-testid="category-archive"
            >
              {category.archived ? t('catalog.restore') : t('catalog.archive')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
          {!readOnly ? (
            <Button type="submit" form="category-form" variant="primary" loading={save.isPending} data-testid="category-form-submit">
              {category ? t('common.save') : t('catalog.category.add')}
            </Button>
          ) : null}
        </>
      }
    >
      <form id="category-form" onSubmit={submit} noValidate>
        <fieldset disabled={readOnly} className="space-y-4">
          {save.error || archive.error ? (
            <ProblemAlert error={save.error ?? archive.error} extra={unplacedErrors(save.error, ['name', 'nameTranslations', 'color'])} />
          ) : null}
          <Field label={t('catalog.category.name')} error={err(errors.name)}>
            <Input data-testid="category-form-name" data-autofocus maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <TranslationsBox
            value={translations}
            onChange={setTranslations}
            errors={errors}
            path="nameTranslations"
            testId="category-form-name"
            stacked
            maxLength={120}
            base={name}
          />
          <Field label={t('catalog.category.color')} optional={t('common.optional')} error={err(errors.color)}>
            <ColorPalette value={color} onChange={setColor} label={t('catalog.category.color')} testId="category-form-color" />
          </Field>
        </fieldset>
      </form>
    </Dialog>
  );
}
