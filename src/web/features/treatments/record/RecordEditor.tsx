// The treatment record form, made for a tablet in the treatment room (1024×768, big targets): the visit,
// the template's assessment, photos from the camera, products and technique, the client's reaction, notes,
// aftercare and the next recommended date. New photos are uploaded once the record exists; its author may
// change it for 24 hours, after which the server answers 409 record_locked and an addendum is offered.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Switch, Textarea } from '../../../components/Input.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { fieldErrors, isApiError } from '../../../http/problem.js';
import { currentLanguage } from '../../../i18n/index.js';
import { focusFirstError } from '../../../lib/validation.js';
import { meQuery, useMe } from '../../auth/session.js';
import type { Client } from '../../clients/types.js';
import { PACKAGES_KEY } from '../../packages/api.js';
import { useTr } from '../../packages/format.js';
import { useProducts, useServices } from '../../packages/useCatalog.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { createRecord, deletePhoto, recordQuery, TREATMENTS_KEY, updateRecord, uploadPhoto } from '../api.js';
import type { RecordBody, TreatmentRecord, TreatmentTemplate } from '../types.js';
import { Addenda } from './Addenda.js';
import { MetricField } from './FieldControls.js';
import { NextVisit } from './NextVisit.js';
import { type PendingPhoto, PhotoCapture, pendingPhoto } from './PhotoCapture.js';
import { ProductsUsed } from './ProductsUsed.js';
import { RecordHeader } from './RecordHeader.js';
import { RecordSection } from './RecordSection.js';
import { emptyRecordForm, type FormError, type FormErrors, type RecordForm, recordToForm, toRecordBody } from './recordForm.js';
import type { NewRecordSearch } from './search.js';
import { shrinkPhoto } from './shrink.js';
import { VisitSection } from './VisitSection.js';

const REACTIONS = ['none', 'redness', 'tingling', 'sensitive', 'relaxed', 'sore'] as const;

export function RecordEditor({
  client,
  record: initial,
  search,
  templates,
}: {
  client: Client;
  record: TreatmentRecord | null;
  search: NewRecordSearch;
  templates: TreatmentTemplate[];
}) {
  const { t } = useTranslation();
  const tr = useTr();
  const me = useMe();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const services = useServices();
  const products = useProducts();
  const { store: current } = useCurrentStore();
  const [record, setRecord] = useState(initial);
  const fieldsFor = (serviceId: string, templateId?: string | null) => {
    if (templateId !== undefined) return templates.find((x) => x.id === templateId) ?? null;
    const cat = services.byId.get(serviceId)?.categoryId;
    return cat ? (templates.find((x) => !x.archived && x.categoryIds.includes(cat)) ?? null) : null;
  };
  const [form, setForm] = useState<RecordForm>(() =>
    initial
      ? recordToForm(initial, templates.find((x) => x.id === initial.templateId)?.fields ?? [])
      : emptyRecordForm({
          serviceId: search.serviceId,
          storeId: search.storeId ?? (me.stores.some((s) => s.id === current?.id) ? current!.id : (me.stores[0]?.id ?? '')),
          staffId: search.staffId ?? me.staff.id,
        }),
  );
  const [pending, setPending] = useState<PendingPhoto[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});
  const [addendum, setAddendum] = useState(false);
  const set = (patch: Partial<RecordForm>) => setForm((f) => ({ ...f, ...patch }));
  const template = fieldsFor(form.serviceId, record ? record.templateId : undefined);
  const fields = template?.fields ?? [];
  const serviceFixed = !!record || (!!search.serviceId && !!(search.packageSessionId || search.appointmentLineId));
  const service = services.byId.get(form.serviceId);
  const err = (e: FormError | undefined) =>
    !e ? undefined : 'message' in e ? e.message : (t as (k: string, o?: object) => string)(e.key, e.values);
  const errText = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, err(v)]));

  const upload = async (rec: TreatmentRecord) => {
    for (const p of pending) {
      setPending((list) => list.map((x) => (x.uid === p.uid ? { ...x, uploading: true } : x)));
      try {
        await uploadPhoto(rec.id, p.kind, await shrinkPhoto(p.file), {
          csrfToken: me.csrfToken,
          language: currentLanguage(),
          refreshCsrf: async () => (await queryClient.fetchQuery({ ...meQuery, staleTime: 0 }))?.csrfToken ?? null,
        });
        URL.revokeObjectURL(p.url);
        setPending((list) => list.filter((x) => x.uid !== p.uid));
      } catch (error) {
        setPending((list) => list.map((x) => (x.uid === p.uid ? { ...x, uploading: false } : x)));
        throw error;
      }
    }
  };

  const save = useMutation({
    mutationFn: async (body: RecordBody) => {
      let rec = record;
      if (!rec) {
        rec = await createRecord({
          ...body,
          clientId: client.id,
          storeId: form.storeId,
          serviceId: form.serviceId,
          ...(search.packageSessionId ? { packageSessionId: search.packageSessionId } : {}),
          ...(search.appointmentLineId ? { appointmentLineId: search.appointmentLineId } : {}),
        });
        setRecord(rec);
      } else {
        rec = await updateRecord(rec.id, { ...body, version: rec.version });
        setRecord(rec);
      }
      await upload(rec);
      return rec;
    },
    onSuccess: (rec) => {
      queryClient.removeQueries({ queryKey: recordQuery(rec.id).queryKey });
      void queryClient.invalidateQueries({ queryKey: TREATMENTS_KEY });
      void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
      toast(initial ? t('treatments.form.updated') : t('treatments.form.saved'));
      void navigate({ to: '/clients/$clientId/timeline', params: { clientId: client.id } });
    },
    onError: (error) => {
      const server: FormErrors = {};
      for (const [path, message] of Object.entries(fieldErrors(error))) server[path] = { message };
      setErrors(server);
      focusFirstError();
    },
  });
  const locked = isApiError(save.error) && (save.error.code === 'record_locked' || save.error.code === 'record_not_author');

  const removePhoto = useMutation({
    mutationFn: deletePhoto,
    onSuccess: (_, id) => {
      setRecord((r) => (r ? { ...r, photos: (r.photos ?? []).filter((p) => p.id !== id) } : r));
      void queryClient.invalidateQueries({ queryKey: TREATMENTS_KEY });
    },
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const { body, errors: found } = toRecordBody(form, fields);
    setErrors(found);
    if (!body) {
      focusFirstError();
      return;
    }
    save.mutate(body);
  };

  const title = service ? service.displayName : t('treatments.form.newTitle');
  return (
    <form onSubmit={submit} noValidate className="mx-auto max-w-4xl space-y-5" data-testid="record-form">
      <RecordHeader
        client={client}
        title={title}
        packageId={search.packageId}
        packageSessionId={record?.packageSessionId ?? search.packageSessionId}
      >
        {record ? (
          <span className="text-sm text-zinc-500">
            {t('treatments.form.editableUntil', {
              time: new Date(record.editableUntil).toLocaleString(currentLanguage(), { dateStyle: 'medium', timeStyle: 'short' }),
            })}
          </span>
        ) : null}
      </RecordHeader>

      <VisitSection
        form={form}
        set={set}
        errText={errText}
        services={services.list}
        serviceFixed={serviceFixed}
        storeFixed={!!record || !!search.packageSessionId || !!search.appointmentLineId}
        storeId={record?.storeId ?? form.storeId}
      />

      {template ? (
        <RecordSection
          title={tr(template.name, template.nameTranslations)}
          description={t('treatments.form.assessmentHint')}
          testId="record-assessment"
        >
          <div className="space-y-6">
            {fields.map((f) => (
              <MetricField
                key={f.key}
                field={f}
                value={form.metrics[f.key]}
                onChange={(v) => set({ metrics: { ...form.metrics, [f.key]: v } })}
                error={errText[`metrics.${f.key}`]}
              />
            ))}
          </div>
        </RecordSection>
      ) : form.serviceId ? (
        <Alert tone="info" title={t('treatments.form.noTemplate')} testId="record-no-template" />
      ) : null}

      <RecordSection title={t('treatments.photos.title')} description={t('treatments.photos.hint')} testId="record-photos">
        <PhotoCapture
          photos={record?.photos ?? []}
          pending={pending}
          editable
          onAdd={(files, kind) => setPending((list) => [...list, ...files.map((f) => pendingPhoto(f, kind))])}
          onRemovePending={(uid) =>
            setPending((list) => {
              const gone = list.find((x) => x.uid === uid);
              if (gone) URL.revokeObjectURL(gone.url);
              return list.filter((x) => x.uid !== uid);
            })
          }
          onToggleKind={(uid) =>
            setPending((list) => list.map((x) => (x.uid === uid ? { ...x, kind: x.kind === 'before' ? 'after' : 'before' } : x)))
          }
          onDelete={record ? (id) => removePhoto.mutate(id) : undefined}
          deleting={removePhoto.isPending ? (removePhoto.variables ?? null) : null}
        />
        <ProblemAlert error={removePhoto.error} />
      </RecordSection>

      <RecordSection title={t('treatments.form.treatment')} testId="record-treatment">
        <div className="space-y-2">
          <p className="text-[15px] font-semibold text-zinc-900">{t('treatments.form.products')}</p>
          <ProductsUsed value={form.products} onChange={(next) => set({ products: next })} products={products.list} errors={errText} />
        </div>
        <Field label={t('treatments.form.technique')} error={errText.technique}>
          <Textarea
            rows={3}
            maxLength={2000}
            value={form.technique}
            onChange={(e) => set({ technique: e.target.value })}
            placeholder={t('treatments.form.techniquePlaceholder')}
            className="text-base"
            data-testid="record-technique"
          />
        </Field>
        <div className="space-y-2">
          <Field label={t('treatments.form.reaction')} error={errText.reaction}>
            <Textarea
              rows={2}
              maxLength={2000}
              value={form.reaction}
              onChange={(e) => set({ reaction: e.target.value })}
              className="text-base"
              data-testid="record-reaction"
            />
          </Field>
          <div className="flex flex-wrap gap-2">
            {REACTIONS.map((r) => {
              const text = t(`treatments.reactions.${r}`);
              return (
                <button
                  key={r}
                  type="button"
                  onClick={() =>
                    set({
                      reaction: form.reaction.includes(text)
                        ? form.reaction
                        : form.reaction.trim()
                          ? `${form.reaction.trim()} ${text}`
                          : text,
                    })
                  }
                  className="min-h-10 rounded-full bg-zinc-100 px-3.5 text-sm font-medium text-zinc-700 hover:bg-zinc-200 active:bg-zinc-300"
                  data-testid={`reaction-${r}`}
                >
                  + {text}
                </button>
              );
            })}
          </div>
        </div>
      </RecordSection>

      <RecordSection title={t('treatments.form.notesTitle')} testId="record-notes">
        <Field label={t('treatments.form.notes')} hint={t('treatments.form.notesHint')} error={errText.notes}>
          <Textarea
            rows={3}
            maxLength={5000}
            value={form.notes}
            onChange={(e) => set({ notes: e.target.value })}
            className="text-base"
            data-testid="record-notes-input"
          />
        </Field>
        <Field label={t('treatments.form.aftercare')} hint={t('treatments.form.aftercareHint')} error={errText.aftercare}>
          <Textarea
            rows={2}
            maxLength={2000}
            value={form.aftercare}
            onChange={(e) => set({ aftercare: e.target.value })}
            className="text-base"
            data-testid="record-aftercare"
          />
        </Field>
        <Switch
          checked={form.sharedWithClient}
          onChange={(sharedWithClient) => set({ sharedWithClient })}
          label={t('treatments.form.share')}
          data-testid="record-share"
        />
      </RecordSection>

      <RecordSection title={t('treatments.form.next')} description={t('treatments.form.nextHint')} testId="record-next">
        <NextVisit
          from={form.startedAt}
          value={form.nextRecommendedOn}
          onChange={(nextRecommendedOn) => set({ nextRecommendedOn })}
          error={errText.nextRecommendedOn}
        />
      </RecordSection>

      {locked ? (
        <Alert
          tone="warning"
          title={(save.error as { title?: string }).title ?? t('treatments.form.lockedTitle')}
          testId="record-locked"
          action={
            <Button variant="primary" onClick={() => setAddendum(true)} data-testid="record-offer-addendum">
              {t('treatments.addenda.add')}
            </Button>
          }
        >
          <p>{(save.error as { detail?: string }).detail}</p>
        </Alert>
      ) : save.error && !Object.keys(errors).length ? (
        <ProblemAlert error={save.error} testId="record-error" />
      ) : Object.keys(errors).length ? (
        <Alert tone="danger" title={t('treatments.form.fixErrors')} testId="record-invalid" />
      ) : null}

      <div className="sticky bottom-16 z-10 -mx-4 flex items-center justify-end gap-3 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6 md:bottom-0 lg:-mx-8 lg:px-8">
        {pending.length ? (
          <span className="mr-auto text-sm text-zinc-500">{t('treatments.photos.waiting', { count: pending.length })}</span>
        ) : null}
        <Button size="lg" onClick={() => void navigate({ to: '/clients/$clientId/timeline', params: { clientId: client.id } })}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" size="lg" variant="primary" loading={save.isPending} className="min-w-44" data-testid="record-save">
          {record ? t('common.saveChanges') : t('treatments.form.save')}
        </Button>
      </div>

      {addendum && record ? (
        <Dialog
          open
          onClose={() => setAddendum(false)}
          title={t('treatments.addenda.title')}
          className="sm:max-w-xl"
          testId="addendum-dialog"
        >
          <Addenda record={record} autoFocus />
        </Dialog>
      ) : null}
    </form>
  );
}
