import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Drawer } from '../../components/Drawer.js';
import { Field } from '../../components/Field.js';
import { Checkbox, Input } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useToast } from '../../components/Toast.js';
import { unplacedErrors } from '../../http/problem.js';
import { focusFirstError } from '../../lib/validation.js';
import { categoriesQuery, createAddOn, servicesQuery, updateAddOn } from './api.js';
import { type CatalogErrors, fromServer, hasErrors, KEY_PATTERN, useErrText } from './errors.js';
import { useCatalogAccess, useCatalogFormat } from './format.js';
import { keyChoices, TAX_CLASSES, useKeyLabels } from './labels.js';
import { centsToInput, parseMoney } from './money.js';
import { DurationSelect } from './parts/DurationSelect.js';
import { FormSection } from './parts/FormSection.js';
import { KeySelect } from './parts/KeySelect.js';
import { MoneyInput } from './parts/MoneyInput.js';
import { fromTranslationForm, TranslationsBox, toTranslationForm } from './parts/TranslationInputs.js';
import type { AddOn } from './types.js';

const FIELDS = ['name', 'nameTranslations', 'price', 'extraMin', 'taxClass', 'serviceIds'];

/** Create or edit an add-on ("Paraffin +$10, +10 min") and choose the services it goes with. */
export function AddOnDrawer({ addOn, onClose }: { addOn: AddOn | null; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const err = useErrText();
  const fmt = useCatalogFormat();
  const labels = useKeyLabels();
  const { canWrite } = useCatalogAccess();
  const readOnly = !canWrite;
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(addOn?.name ?? '');
  const [translations, setTranslations] = useState(() => toTranslationForm(addOn?.nameTranslations));
  const [price, setPrice] = useState(centsToInput(addOn?.price));
  const [extraMin, setExtraMin] = useState(addOn?.extraMin ?? 0);
  const [taxClass, setTaxClass] = useState(addOn?.taxClass ?? 'service');
  const [serviceIds, setServiceIds] = useState<string[]>(addOn?.serviceIds ?? []);
  const [errors, setErrors] = useState<CatalogErrors>({});
  const services = useQuery(servicesQuery({ includeArchived: false }));
  const categories = useQuery(categoriesQuery({ includeArchived: true }));

  const done = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: ['catalog'] });
    toast(message);
    onClose();
  };
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: name.trim(),
        nameTranslations: fromTranslationForm(translations),
        price: parseMoney(price) ?? 0,
        extraMin,
        taxClass,
        serviceIds,
      };
      return addOn ? updateAddOn(addOn.id, { ...body, version: addOn.version }) : createAddOn(body);
    },
    onSuccess: (saved) =>
      done(addOn ? t('catalog.addOn.saved', { name: saved.displayName }) : t('catalog.addOn.created', { name: saved.displayName })),
    onError: (error) => {
      setErrors(fromServer(error));
      focusFirstError(formRef.current);
    },
  });
  const archive = useMutation({
    mutationFn: () => updateAddOn(addOn?.id ?? '', { version: addOn?.version ?? 0, archived: !addOn?.archived }),
    onSuccess: (saved) =>
      done(
        saved.archived
          ? t('catalog.addOn.archived', { name: saved.displayName })
          : t('catalog.addOn.restored', { name: saved.displayName }),
      ),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: CatalogErrors = {};
    if (!name.trim()) found.name = { key: 'validation.required' };
    if (!price.trim()) found.price = { key: 'validation.required' };
    else if (parseMoney(price) === null) found.price = { key: 'catalog.validation.money' };
    if (!KEY_PATTERN.test(taxClass)) found.taxClass = { key: 'catalog.validation.key' };
    setErrors(found);
    if (hasErrors(found)) focusFirstError(formRef.current);
    else save.mutate();
  };

  const toggle = (id: string, on: boolean) => setServiceIds(on ? [...serviceIds, id] : serviceIds.filter((x) => x !== id));
  const catName = (id: string | null) => categories.data?.find((c) => c.id === id)?.displayName ?? t('catalog.uncategorised');
  const list = [...(services.data ?? [])].sort((a, b) => catName(a.categoryId).localeCompare(catName(b.categoryId)));

  return (
    <Drawer
      open
      onClose={onClose}
      testId="add-on-drawer"
      width="max-w-2xl"
      title={addOn ? addOn.displayName : t('catalog.addOn.addTitle')}
      description={addOn?.archived ? <Badge>{t('catalog.archivedBadge')}</Badge> : t('catalog.addOn.addDescription')}
      footer={
        <>
          {addOn && canWrite ? (
            <Button
              variant="ghost"
              className="mr-auto"
              icon={addOn.archived ? 'refresh' : 'archive'}
              loading={archive.isPending}
              onClick={() => archive.mutate()}
              data-testid="add-on-archive"
            >
              {addOn.archived ? t('catalog.restore') : t('catalog.archive')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
          {!readOnly ? (
            <Button type="submit" form="add-on-form" variant="primary" loading={save.isPending} data-testid="add-on-form-submit">
              {addOn ? t('common.save') : t('catalog.addOn.add')}
            </Button>
          ) : null}
        </>
      }
    >
      <form id="add-on-form" ref={formRef} onSubmit={submit} noValidate>
        <fieldset disabled={readOnly} className="space-y-6">
          {save.error || archive.error ? (
            <ProblemAlert error={save.error ?? archive.error} extra={unplacedErrors(save.error, FIELDS)} />
          ) : null}
          <FormSection title={t('catalog.service.sections.basics')}>
            <Field label={t('catalog.addOn.name')} error={err(errors.name)} hint={t('catalog.addOn.nameHint')}>
              <Input data-testid="add-on-form-name" data-autofocus maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <TranslationsBox
              value={translations}
              onChange={setTranslations}
              errors={errors}
              path="nameTranslations"
              testId="add-on-form-name"
              maxLength={120}
              base={name}
            />
            <div className="grid gap-5 sm:grid-cols-3">
              <Field label={t('catalog.addOn.price')} error={err(errors.price)}>
                <MoneyInput data-testid="add-on-form-price" currency={fmt.currency} value={price} onChange={setPrice} placeholder="0.00" />
              </Field>
              <Field label={t('catalog.addOn.extraTime')} error={err(errors.extraMin)}>
                <DurationSelect
                  data-testid="add-on-form-extra"
                  min={0}
                  max={240}
                  zeroLabel={t('catalog.addOn.noExtraTime')}
                  value={extraMin}
                  onChange={(v) => setExtraMin(v ?? 0)}
                />
              </Field>
              <Field label={t('catalog.taxClass')} error={err(errors.taxClass)}>
                <KeySelect
                  testId="add-on-form-tax-class"
                  value={taxClass}
                  onChange={setTaxClass}
                  choices={keyChoices(TAX_CLASSES, [taxClass]).map((k) => ({ key: k, label: labels.taxClass(k) }))}
                />
              </Field>
            </div>
          </FormSection>
          <FormSection
            title={t('catalog.addOn.services')}
            description={t('catalog.addOn.servicesHint', { count: serviceIds.length })}
            testId="add-on-form-services"
          >
            {errors.serviceIds ? <p className="text-sm text-red-700">{err(errors.serviceIds)}</p> : null}
            <div className="grid gap-3 rounded-xl bg-zinc-50 p-4 ring-1 ring-inset ring-zinc-200 sm:grid-cols-2">
              {list.length === 0 ? <p className="text-sm text-zinc-500">{t('catalog.service.emptyTitle')}</p> : null}
              {list.map((s) => (
                <Checkbox
                  key={s.id}
                  label={s.displayName}
                  description={catName(s.categoryId)}
                  checked={serviceIds.includes(s.id)}
                  onChange={(e) => toggle(s.id, e.target.checked)}
                  data-testid="add-on-service-check"
                />
              ))}
            </div>
          </FormSection>
        </fieldset>
      </form>
    </Drawer>
  );
}
