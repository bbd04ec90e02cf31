import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Drawer } from '../../components/Drawer.js';
import { Alert, ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { useToast } from '../../components/Toast.js';
import { isApiError, normalizePath } from '../../http/problem.js';
import { currentLanguage } from '../../i18n/index.js';
import { focusFirstError } from '../../lib/validation.js';
import { useCurrentStore } from '../shell/CurrentStore.js';
import { clientQuery, createClient, customFieldsQuery, findExistingClient, updateClient } from './api.js';
import { ClientFields } from './ClientFields.js';
import {
  CLIENT_FIELDS,
  type ClientForm,
  type ClientFormErrors,
  emptyForm,
  isNoop,
  mapServerErrors,
  toCreateBody,
  toForm,
  toPatchBody,
  validateClient,
} from './form.js';
import { fullName, splitTypedName } from './format.js';
import type { Client, ClientSummary, CustomFieldDef } from './types.js';

export type ClientPrefill = { name?: string; phone?: string; email?: string };

/** Create (client null) or edit a client. Waits for the custom field definitions so required ones show. */
export function ClientDrawer({ client, prefill, onClose }: { client: Client | null; prefill?: ClientPrefill; onClose: () => void }) {
  const { t } = useTranslation();
  const defs = useQuery(customFieldsQuery());
  return defs.isPending ? (
    <Drawer open onClose={onClose} title={client ? fullName(client) : t('clients.form.newTitle')} testId="client-drawer" width="max-w-2xl">
      <Loading label={t('common.loading')} />
    </Drawer>
  ) : (
    <ClientDrawerForm client={client} prefill={prefill} defs={defs.data?.data ?? []} onClose={onClose} />
  );
}

function initialForm(client: Client | null, prefill: ClientPrefill | undefined, defs: CustomFieldDef[], homeStoreId: string) {
  if (client) return toForm(client, defs);
  const form = emptyForm({ homeStoreId, language: currentLanguage() }, defs);
  if (prefill?.name) Object.assign(form, splitTypedName(prefill.name));
  if (prefill?.phone) form.phone = prefill.phone;
  if (prefill?.email) form.email = prefill.email;
  return form;
}

function ClientDrawerForm({
  client,
  prefill,
  defs,
  onClose,
}: {
  client: Client | null;
  prefill: ClientPrefill | undefined;
  defs: CustomFieldDef[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { store } = useCurrentStore();
  const [current, setCurrent] = useState<Client | null>(client);
  const [form, setForm] = useState<ClientForm>(() => initialForm(client, prefill, defs, store?.id ?? ''));
  const [errors, setErrors] = useState<ClientFormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [existing, setExisting] = useState<ClientSummary | null | undefined>(undefined);
  const banner = useRef<HTMLDivElement>(null);
  const showBanner = () => requestAnimationFrame(() => banner.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' }));

  const save = useMutation({
    mutationFn: async () => {
      if (!current) return createClient(toCreateBody(form, defs));
      const body = toPatchBody(form, current, defs);
      return isNoop(body) ? current : updateClient(current.id, body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(clientQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['clients'] });
      if (current) {
        toast(t('clients.form.saved', { name: fullName(saved) }));
        onClose();
      } else {
        toast(t('clients.form.created', { name: fullName(saved) }));
        onClose();
        void navigate({ to: '/clients/$clientId', params: { clientId: saved.id } });
      }
    },
    onError: async (error) => {
      const placed = mapServerErrors(error, defs);
      setErrors(placed);
      if (Object.keys(placed).length) focusFirstError();
      else showBanner();
      if (isApiError(error) && error.code === 'client_exists') {
        setExisting(undefined);
        const found = await findExistingClient({ phone: form.phone, email: form.email }).catch(() => null);
        setExisting(found);
        // Mark the input that matched: the phone when its digits are the found client's, else the email.
        const digits = form.phone.replace(/\D/g, '');
        const samePhone = !!found?.phone && digits.length >= 4 && found.phone.replace(/\D/g, '').endsWith(digits.slice(-10));
        const field = samePhone || !form.email.trim() ? 'phone' : 'email';
        setErrors({ [field]: { message: t('clients.form.existsField') } });
        showBanner();
      }
    },
  });

  const set = <K extends keyof ClientForm>(key: K, value: ClientForm[K]) => {
    const next = { ...form, [key]: value };
    setForm(next);
    if (submitted) setErrors(validateClient(next, defs, { original: current }));
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validateClient(form, defs, { original: current });
    setErrors(found);
    if (Object.keys(found).length) focusFirstError(event.currentTarget as HTMLFormElement);
    else save.mutate();
  };

  const reload = async () => {
    if (!current) return;
    const fresh = await queryClient.fetchQuery({ ...clientQuery(current.id), staleTime: 0 });
    setCurrent(fresh);
    setForm(toForm(fresh, defs));
    setErrors({});
    save.reset();
  };

  const code = isApiError(save.error) ? save.error.code : null;
  const known = CLIENT_FIELDS;
  const unplaced = isApiError(save.error)
    ? save.error.errors.filter((e) => !known.some((k) => normalizePath(e.path) === k || normalizePath(e.path).startsWith(`${k}.`)))
    : [];
  const fieldOnly = code === 'invalid_phone' || code === 'invalid_email' || (code === 'validation_failed' && unplaced.length === 0);

  return (
    <Drawer
      open
      onClose={onClose}
      testId="client-drawer"
      width="max-w-2xl"
      title={current ? t('clients.form.editTitle', { name: fullName(current) }) : t('clients.form.newTitle')}
      description={current ? undefined : t('clients.form.newDescription')}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form="client-form" variant="primary" loading={save.isPending} data-testid="client-form-submit">
            {current ? t('common.save') : t('clients.form.create')}
          </Button>
        </>
      }
    >
      <form id="client-form" onSubmit={submit} noValidate className="space-y-6">
        <div ref={banner} className="scroll-mt-4 empty:hidden">
          {code === 'client_exists' ? (
            <Alert
              tone="warning"
              testId="client-exists"
              title={t('clients.form.existsTitle')}
              action={
                existing ? (
                  <Button
                    size="sm"
                    variant="primary"
                    data-testid="client-exists-open"
                    onClick={() => {
                      onClose();
                      void navigate({ to: '/clients/$clientId', params: { clientId: existing.id } });
                    }}
                  >
                    {t('clients.form.openExisting')}
                  </Button>
                ) : undefined
              }
            >
              <p>{existing ? t('clients.form.existsBody', { name: fullName(existing) }) : t('clients.form.existsBodyUnknown')}</p>
            </Alert>
          ) : code === 'stale_version' ? (
            <Alert
              tone="warning"
              testId="client-stale"
              title={t('clients.form.staleTitle')}
              action={
                <Button size="sm" icon="refresh" onClick={() => void reload()} data-testid="client-stale-reload">
                  {t('common.reload')}
                </Button>
              }
            >
              <p>{t('clients.form.staleBody')}</p>
            </Alert>
          ) : save.error && !fieldOnly ? (
            <ProblemAlert error={save.error} extra={unplaced} />
          ) : null}
        </div>
        <ClientFields form={form} errors={errors} set={set} defs={defs} isNew={!current} />
      </form>
    </Drawer>
  );
}
