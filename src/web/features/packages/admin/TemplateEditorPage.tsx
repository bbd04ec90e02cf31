// Create or edit a package template (HQ): contents, price with its allocation per session, validity,
// stores, freeze and sharing. Packages already sold keep the terms they were sold with.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Field } from '../../../components/Field.js';
import { Input, Switch, Textarea } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useToast } from '../../../components/Toast.js';
import { fieldErrors, isApiError, unplacedErrors } from '../../../http/problem.js';
import { focusFirstError } from '../../../lib/validation.js';
import { TranslationInputs } from '../../catalog/parts/TranslationInputs.js';
import { Guard } from '../../shell/Guard.js';
import { NotFoundPage } from '../../shell/StatusPages.js';
import { createTemplate, PACKAGES_KEY, templateQuery, updateTemplate } from '../api.js';
import { useTr } from '../format.js';
import type { PackageTemplate } from '../types.js';
import { useProducts, useServices } from '../useCatalog.js';
import { ItemsSection } from './editor/ItemsSection.js';
import { PriceSection } from './editor/PriceSection.js';
import { ProductsSection } from './editor/ProductsSection.js';
import { asCatalogErrors, EditorSection, useErr } from './editor/shared.js';
import { TermsSection } from './editor/TermsSection.js';
import { emptyForm, type FormErrors, type TemplateForm, toBody, toForm } from './templateForm.js';

export function TemplateEditorPage() {
  return (
    <Guard allow="packages.manage">
      <Editor />
    </Guard>
  );
}

function Editor() {
  const { t } = useTranslation();
  const { templateId } = useParams({ strict: false }) as { templateId?: string };
  const existing = useQuery({ ...templateQuery(templateId ?? ''), enabled: !!templateId });
  if (!templateId) return <EditorForm template={null} />;
  if (existing.isPending) return <Loading label={t('common.loading')} />;
  if (existing.isError)
    return isApiError(existing.error) && existing.error.status === 404 ? <NotFoundPage /> : <ProblemAlert error={existing.error} />;
  return <EditorForm key={existing.data.version} template={existing.data} />;
}

const PLACED = [
  'name',
  'nameTranslations',
  'description',
  'descriptionTranslations',
  'items',
  'products',
  'price',
  'validity',
  'storeIds',
  'freeze',
  'sharing',
];

function EditorForm({ template }: { template: PackageTemplate | null }) {
  const { t } = useTranslation();
  const tr = useTr();
  const err = useErr();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const services = useServices();
  const products = useProducts();
  const [form, setForm] = useState<TemplateForm>(() => (template ? toForm(template) : emptyForm()));
  const [errors, setErrors] = useState<FormErrors>({});
  const set = (patch: Partial<TemplateForm>) => setForm((f) => ({ ...f, ...patch }));

  const save = useMutation({
    mutationFn: (body: NonNullable<ReturnType<typeof toBody>['body']>) =>
      template ? updateTemplate(template.id, { ...body, version: template.version }) : createTemplate(body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
      toast(
        template
          ? t('packages.editor.saved', { name: tr(saved.name, saved.nameTranslations) })
          : t('packages.editor.created', { name: tr(saved.name, saved.nameTranslations) }),
      );
      void navigate({ to: '/packages' });
    },
    onError: (error) => {
      const server: FormErrors = {};
      for (const [path, message] of Object.entries(fieldErrors(error))) server[path] = { message };
      setErrors(server);
      focusFirstError();
    },
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const { body, errors: found } = toBody(form);
    setErrors(found);
    if (!body) {
      focusFirstError();
      return;
    }
    save.mutate(body);
  };

  const title = template ? tr(template.name, template.nameTranslations) : t('packages.editor.newTitle');
  return (
    <form onSubmit={submit} noValidate className="space-y-5" data-testid="template-editor">
      <Link to="/packages" className="inline-flex items-center gap-1 text-sm font-medium text-zinc-500 hover:text-zinc-800">
        <Icon name="chevronLeft" className="size-4" />
        {t('packages.title')}
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{title}</h1>
          <p className="mt-1 text-sm text-zinc-500">{template ? t('packages.editor.editHint') : t('packages.editor.newHint')}</p>
        </div>
        <Switch
          checked={form.active}
          onChange={(active) => set({ active })}
          label={t('packages.editor.active')}
          data-testid="editor-active"
        />
      </div>

      <EditorSection title={t('packages.editor.basics')} testId="editor-basics">
        <Field label={t('packages.editor.name')} error={err(errors.name)}>
          <Input
            value={form.name}
            maxLength={120}
            onChange={(e) => set({ name: e.target.value })}
            placeholder={t('packages.editor.namePlaceholder')}
            data-testid="editor-name"
          />
        </Field>
        <TranslationInputs
          value={form.nameTranslations}
          onChange={(nameTranslations) => set({ nameTranslations })}
          errors={asCatalogErrors(errors)}
          path="nameTranslations"
          testId="editor-name"
          maxLength={120}
          base={form.name}
        />
        <Field label={t('packages.editor.descriptionLabel')} optional={t('common.optional')} error={err(errors.description)}>
          <Textarea
            rows={2}
            maxLength={2000}
            value={form.description}
            onChange={(e) => set({ description: e.target.value })}
            placeholder={t('packages.editor.descriptionPlaceholder')}
            data-testid="editor-description"
          />
        </Field>
      </EditorSection>

      <ItemsSection form={form} set={set} errors={errors} services={services.list} />
      <PriceSection form={form} set={set} errors={errors} services={services.list} />
      <TermsSection form={form} set={set} errors={errors} />
      <ProductsSection form={form} set={set} errors={errors} products={products.list} />

      {save.error && (!isApiError(save.error) || save.error.errors.length === 0 || unplacedErrors(save.error, PLACED).length) ? (
        <ProblemAlert error={save.error} extra={unplacedErrors(save.error, PLACED)} />
      ) : Object.keys(errors).length ? (
        <Alert tone="danger" title={t('packages.editor.fixErrors')} />
      ) : null}

      <div className="sticky bottom-16 z-10 -mx-4 flex items-center justify-end gap-2 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6 md:bottom-0 lg:-mx-8 lg:px-8">
        {template ? <p className="mr-auto hidden text-sm text-zinc-500 sm:block">{t('packages.editor.soldKeepTerms')}</p> : null}
        <Link to="/packages" className="inline-flex h-10 items-center rounded-lg px-4 text-sm font-medium text-zinc-700 hover:bg-zinc-100">
          {t('common.cancel')}
        </Link>
        <Button type="submit" variant="primary" loading={save.isPending} data-testid="editor-save">
          {template ? t('common.saveChanges') : t('packages.editor.create')}
        </Button>
      </div>
    </form>
  );
}
