import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { Input } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { Card, PageHeader } from '../../components/Page.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { TimeZonePicker } from '../../components/TimeZonePicker.js';
import { useToast } from '../../components/Toast.js';
import { isApiError, unplacedErrors } from '../../http/problem.js';
import type { Store } from '../../http/types.js';
import { type FormErrors, focusFirstError, hasErrors, serverErrors, useErrorText } from '../../lib/validation.js';
import { meQuery } from '../auth/session.js';
import { Guard } from '../shell/Guard.js';
import { storeQuery, updateStore } from './api.js';
import { HoursEditor } from './HoursEditor.js';
import { SpecialDatesEditor } from './SpecialDatesEditor.js';
import { type StoreForm, toStoreBody, toStoreForm, validateStore } from './storeForm.js';

export function StoreEditPage() {
  const { storeId } = useParams({ strict: false }) as { storeId: string };
  return (
    <Guard allow="stores.write">
      <StoreLoader storeId={storeId} />
    </Guard>
  );
}

function StoreLoader({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const store = useQuery(storeQuery(storeId));
  if (store.isPending) return <Loading label={t('common.loading')} />;
  if (store.isError) return <ProblemAlert error={store.error} />;
  return <StoreEditor key={`${store.data.id}:${store.data.version}`} store={store.data} />;
}

const FIELDS = ['name', 'address', 'phone', 'timeZone', 'hours', 'specialDates'];

function StoreEditor({ store }: { store: Store }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const err = useErrorText();
  const initial = useMemo(() => toStoreForm(store), [store]);
  const [form, setForm] = useState<StoreForm>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);

  const save = useMutation({
    mutationFn: () => updateStore(store.id, toStoreBody(form, store.version)),
    onSuccess: (saved) => {
      queryClient.setQueryData(storeQuery(store.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['stores'], exact: true });
      void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      toast(t('stores.saved', { name: saved.name }));
    },
    onError: (error) => setErrors(serverErrors(error)),
  });

  // Warn before leaving the page with unsaved changes.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const set = <K extends keyof StoreForm>(key: K, value: StoreForm[K]) => {
    const next = { ...form, [key]: value };
    setForm(next);
    if (submitted) setErrors(validateStore(next));
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validateStore(form);
    setErrors(found);
    if (hasErrors(found)) focusFirstError(event.currentTarget as HTMLFormElement);
    else save.mutate();
  };
  const errorAt = (path: string) => err(errors[path]);
  const stale = isApiError(save.error) && save.error.code === 'stale_version';
  const reload = () => void queryClient.invalidateQueries({ queryKey: storeQuery(store.id).queryKey });

  return (
    <form onSubmit={submit} noValidate data-testid="store-edit-page">
      <Link to="/stores" className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-zinc-500 hover:text-zinc-800">
        <Icon name="chevronLeft" className="size-4" />
        {t('stores.title')}
      </Link>
      <PageHeader title={store.name} description={t('stores.editDescription')} />
      <div className="space-y-6">
        {save.error ? (
          <ProblemAlert
            error={save.error}
            extra={unplacedErrors(save.error, FIELDS)}
            action={
              stale ? (
                <Button size="sm" icon="refresh" onClick={reload}>
                  {t('common.reload')}
                </Button>
              ) : undefined
            }
          />
        ) : null}
        <Card title={t('stores.details')} bodyClassName="grid gap-5 p-5 md:grid-cols-2">
          <Field label={t('stores.fields.name')} error={errorAt('name')}>
            <Input data-testid="store-form-name" maxLength={120} value={form.name} onChange={(e) => set('name', e.target.value)} />
          </Field>
          <Field label={t('stores.fields.timeZone')} error={errorAt('timeZone')} hint={t('stores.fields.timeZoneHint')}>
            <TimeZonePicker
              testId="store-form-timezone"
              value={form.timeZone}
              invalid={!!errors.timeZone}
              onChange={(zone) => set('timeZone', zone)}
            />
          </Field>
          <Field label={t('stores.fields.address')} optional={t('common.optional')} error={errorAt('address')}>
            <Input data-testid="store-form-address" maxLength={300} value={form.address} onChange={(e) => set('address', e.target.value)} />
          </Field>
          <Field label={t('stores.fields.phone')} optional={t('common.optional')} error={errorAt('phone')}>
            <Input
              data-testid="store-form-phone"
              maxLength={40}
              type="tel"
              value={form.phone}
              onChange={(e) => set('phone', e.target.value)}
            />
          </Field>
        </Card>
        <Card title={t('stores.hours.title')} description={t('stores.hours.description')}>
          <HoursEditor hours={form.hours} onChange={(hours) => set('hours', hours)} errorAt={errorAt} />
        </Card>
        <Card title={t('stores.special.title')} description={t('stores.special.description')}>
          <SpecialDatesEditor
            dates={form.specialDates}
            timeZone={form.timeZone}
            onChange={(dates) => set('specialDates', dates)}
            errorAt={errorAt}
          />
        </Card>
      </div>
      {dirty ? (
        <div className="sticky bottom-20 z-20 mt-6 md:bottom-4">
          <div className="flex animate-pop-in items-center justify-end gap-3 rounded-xl bg-zinc-900 px-4 py-3 text-white shadow-pop">
            <p className="mr-auto text-sm text-zinc-200">{t('common.unsavedChanges')}</p>
            <Button
              onClick={() => {
                setForm(initial);
                setErrors({});
                save.reset();
              }}
              data-testid="store-discard"
            >
              {t('common.discard')}
            </Button>
            <Button type="submit" variant="primary" loading={save.isPending} data-testid="store-save">
              {t('common.saveChanges')}
            </Button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
