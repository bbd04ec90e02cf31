import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Drawer } from '../../components/Drawer.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useToast } from '../../components/Toast.js';
import { isApiError, unplacedErrors } from '../../http/problem.js';
import type { Staff } from '../../http/types.js';
import { currentLanguage } from '../../i18n/index.js';
import { type FormErrors, focusFirstError, hasErrors, placedOnField, serverErrors } from '../../lib/validation.js';
import { CalendarFeedSection } from '../account/CalendarFeed.js';
import { useCan } from '../auth/session.js';
import { useCurrentStore } from '../shell/CurrentStore.js';
import { archiveStaff, createStaff, staffQuery, updateStaff } from './api.js';
import { STAFF_FIELDS, type StaffForm, toCreateBody, toForm, toInput, validateStaff } from './form.js';
import { ArchiveDialog, PinDialog } from './StaffDialogs.js';
import { StaffFields } from './StaffFields.js';

/** Server codes that are about one field, though they come without a path. */
const CODE_FIELDS = { email_taken: 'email', unknown_store: 'storeIds', weak_password: 'password' };

/** Create or edit a staff member. `staff` null means a new one. */
export function StaffDrawer({ staff, onClose }: { staff: Staff | null; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const can = useCan();
  const queryClient = useQueryClient();
  const { store } = useCurrentStore();
  const isNew = staff === null;
  const [current, setCurrent] = useState<Staff | null>(staff);
  const [form, setForm] = useState<StaffForm>(() => toForm(staff, { storeId: store?.id, language: currentLanguage() }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [dialog, setDialog] = useState<'pin' | 'archive' | null>(null);
  const readOnly = !can('staff.write') || (current !== null && !current.active);

  const done = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: ['staff'] });
    toast(message);
    onClose();
  };

  const save = useMutation({
    mutationFn: () => (current ? updateStaff(current.id, { ...toInput(form), version: current.version }) : createStaff(toCreateBody(form))),
    onSuccess: (saved) => done(current ? t('staff.saved', { name: saved.name }) : t('staff.created', { name: saved.name })),
    onError: (error) => {
      setErrors(serverErrors(error, undefined, CODE_FIELDS));
      focusFirstError();
    },
  });

  const archive = useMutation({
    mutationFn: () => archiveStaff(current?.id ?? ''),
    onSuccess: () => done(t('staff.archived', { name: current?.name ?? '' })),
  });

  const set = <K extends keyof StaffForm>(key: K, value: StaffForm[K]) => {
    const next = { ...form, [key]: value };
    setForm(next);
    if (submitted) setErrors(validateStaff(next, isNew));
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validateStaff(form, isNew);
    setErrors(found);
    if (hasErrors(found)) focusFirstError(event.currentTarget as HTMLFormElement);
    else save.mutate();
  };

  const stale = isApiError(save.error) && save.error.code === 'stale_version';
  const reload = async () => {
    if (!current) return;
    // There is no GET /staff/:id: read the list again and take the fresh copy from it.
    const page = await queryClient.fetchQuery({ ...staffQuery({ includeArchived: true }), staleTime: 0 }).catch(() => null);
    const fresh = page?.data.find((s) => s.id === current.id);
    if (fresh) {
      setCurrent(fresh);
      setForm(toForm(fresh, { language: currentLanguage() }));
    }
    save.reset();
    setErrors({});
  };

  return (
    <Drawer
      open
      onClose={onClose}
      testId="staff-drawer"
      width="max-w-2xl"
      title={current ? current.name : t('staff.addTitle')}
      description={
        current ? (
          <span className="flex items-center gap-2">
            {t(`roles.${current.role}`)}
            {!current.active ? <Badge tone="neutral">{t('staff.status.archived')}</Badge> : null}
          </span>
        ) : (
          t('staff.addDescription')
        )
      }
      footer={
        <>
          {current?.active && can('staff.write') ? (
            <div className="mr-auto flex gap-1">
              <Button variant="ghost" icon="lock" onClick={() => setDialog('pin')} data-testid="staff-set-pin">
                {current.hasPin ? t('staff.changePin') : t('staff.setPin')}
              </Button>
              <Button variant="danger-ghost" icon="archive" onClick={() => setDialog('archive')} data-testid="staff-archive">
                {t('staff.archive')}
              </Button>
            </div>
          ) : null}
          <Button onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
          {!readOnly ? (
            <Button type="submit" form="staff-form" variant="primary" loading={save.isPending} data-testid="staff-form-submit">
              {current ? t('common.save') : t('staff.add')}
            </Button>
          ) : null}
        </>
      }
    >
      <form id="staff-form" onSubmit={submit} noValidate className="space-y-5">
        {save.error && !placedOnField(save.error, CODE_FIELDS) ? (
          <ProblemAlert
            error={save.error}
            extra={unplacedErrors(save.error, STAFF_FIELDS)}
            action={
              stale ? (
                <Button size="sm" icon="refresh" onClick={() => void reload()}>
                  {t('common.reload')}
                </Button>
              ) : undefined
            }
          />
        ) : null}
        <StaffFields form={form} errors={errors} set={set} isNew={isNew} readOnly={readOnly} />
      </form>
      {current?.active && can('staff.write') ? (
        <div className="mt-6 border-t border-zinc-100 pt-5">
          <CalendarFeedSection staffId={current.id} name={current.displayName || current.name} />
        </div>
      ) : null}
      {current ? (
        <>
          <PinDialog open={dialog === 'pin'} staff={current} onClose={() => setDialog(null)} />
          <ArchiveDialog
            open={dialog === 'archive'}
            staff={current}
            onClose={() => setDialog(null)}
            onConfirm={() => archive.mutate()}
            loading={archive.isPending}
            error={archive.error}
          />
        </>
      ) : null}
    </Drawer>
  );
}
