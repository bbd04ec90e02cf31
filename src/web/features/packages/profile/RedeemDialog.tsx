// Redeem one session of a package outside checkout (the visit is done, in the treatment room or at the desk):
// which service, at which store, by which technician. A retried tap is safe (Idempotency-Key). Afterwards
// the technician goes straight to the treatment record for that session. From an appointment (`visit`), the
// session is for that line: its store, service and technician (a technician may only use her own lines).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, buttonClass } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Input, Select } from '../../../components/Input.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { useCan, useMe } from '../../auth/session.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { applicableQuery, newIdempotencyKey, PACKAGES_KEY, type RedeemBody, redeemSession } from '../api.js';
import { useTr } from '../format.js';
import { StaffChooser } from '../parts/StaffChooser.js';
import type { ClientPackage, PackageSession } from '../types.js';
import { useServices } from '../useCatalog.js';

export type RedeemVisit = { appointmentLineId: string; storeId: string; serviceId: string; staffId: string };

export function RedeemDialog({
  pkg: p,
  clientId,
  visit,
  onClose,
}: {
  pkg: ClientPackage;
  clientId: string;
  visit?: RedeemVisit | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const tr = useTr();
  const me = useMe();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const services = useServices();
  const { store: current } = useCurrentStore();

  const stores = me.stores.filter((s) => (visit ? s.id === visit.storeId : !p.terms.storeIds || p.terms.storeIds.includes(s.id)));
  const [storeId, setStoreId] = useState(stores.find((s) => s.id === current?.id)?.id ?? stores[0]?.id ?? '');
  const open = p.items.filter((i) => i.remaining > 0);
  const serviceIds = visit ? [visit.serviceId] : [...new Set(open.flatMap((i) => i.serviceIds))];
  const [serviceId, setServiceId] = useState(serviceIds.length === 1 ? serviceIds[0]! : '');
  const [staffId, setStaffId] = useState<string | null>(visit?.staffId ?? (me.staff.role === 'technician' ? me.staff.id : null));
  // Only the desk may credit someone else; a technician's own line is hers.
  const chooseStaff = !visit || can('packages.redeem');
  const [override, setOverride] = useState('');
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<PackageSession | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const check = useQuery({ ...applicableQuery({ clientId, storeId, serviceId }), enabled: !!storeId && !!serviceId });
  const mine = check.data?.data.find((a) => a.package.id === p.id);
  const blocked = mine?.stepBlocked ?? null;
  const notUsable = check.isSuccess && !mine;

  const redeem = useMutation({
    mutationFn: (body: RedeemBody) => {
      const json = JSON.stringify(body);
      if (attempt.current?.body !== json) attempt.current = { body: json, key: newIdempotencyKey() };
      return redeemSession(p.id, body, attempt.current.key);
    },
    onSuccess: (session) => {
      void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['treatments'] });
      toast(t('packages.redeem.done', { n: session.sessionNumber }));
      setDone(session);
    },
  });

  const submit = () => {
    setTried(true);
    if (!storeId || !serviceId || !staffId) return;
    if (blocked !== null && !override.trim()) return;
    const body: RedeemBody = { storeId, serviceId, staffId, clientId };
    if (visit) body.appointmentLineId = visit.appointmentLineId;
    if (mine?.itemId) body.itemId = mine.itemId;
    if (blocked !== null) body.stepOverride = { reason: override.trim() };
    redeem.mutate(body);
  };

  const name = tr(p.name, p.nameTranslations);
  const serviceName = (id: string) => services.byId.get(id)?.displayName ?? '…';

  if (done) {
    const item = p.items.find((i) => i.id === done.itemId);
    return (
      <Dialog
        open
        onClose={onClose}
        title={t('packages.redeem.doneTitle')}
        icon="checkCircle"
        tone="success"
        testId="redeem-done"
        footer={
          <>
            <Button onClick={onClose} data-testid="redeem-close">
              {t('common.close')}
            </Button>
            {can('treatments.write') ? (
              <Link
                to="/clients/$clientId/records/new"
                params={{ clientId }}
                search={{
                  serviceId: done.serviceId,
                  storeId: done.storeId,
                  packageSessionId: done.id,
                  packageId: p.id,
                  ...(done.staffId ? { staffId: done.staffId } : {}),
                  // Used for an appointment's line: the record is that visit's too.
                  ...(done.appointmentLineId ? { appointmentLineId: done.appointmentLineId } : {}),
                }}
                className={buttonClass('primary', 'md')}
                data-testid="redeem-write-record"
              >
                {t('packages.redeem.writeRecord')}
              </Link>
            ) : null}
          </>
        }
      >
        <p data-testid="redeem-done-text">
          {t('packages.redeem.doneBody', {
            n: done.sessionNumber,
            total: item?.sessions ?? p.sessions.total,
            item: item ? tr(item.label, item.labelTranslations) : name,
            service: serviceName(done.serviceId),
          })}
        </p>
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('packages.redeem.title')}
      testId="redeem-dialog"
      className="sm:max-w-xl"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            onClick={submit}
            loading={redeem.isPending}
            disabled={notUsable || (blocked !== null && !can('packages.adjust'))}
            data-testid="redeem-submit"
          >
            {t('packages.redeem.submit')}
          </Button>
        </>
      }
    >
      <div className="space-y-5">
        <p className="text-zinc-600">{t('packages.redeem.intro', { name, left: p.sessions.remaining })}</p>
        {stores.length > 1 ? (
          <Field label={t('packages.redeem.store')}>
            <Select value={storeId} onChange={(e) => setStoreId(e.target.value)} data-testid="redeem-store">
              {stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {stores.length === 0 ? <Alert tone="warning" title={t('packages.redeem.noStore')} /> : null}

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800">{t('packages.redeem.service')}</legend>
          <div className="grid gap-2 sm:grid-cols-2" data-testid="redeem-services">
            {serviceIds.map((id) => (
              <button
                key={id}
                type="button"
                aria-pressed={serviceId === id}
                onClick={() => setServiceId(id)}
                data-testid="redeem-service"
                data-service-id={id}
                className={cx(
                  'min-h-12 rounded-xl px-3 py-2 text-left text-sm font-medium ring-1 ring-inset transition-colors',
                  serviceId === id
                    ? 'bg-orchid-50 text-orchid-900 ring-2 ring-orchid-600'
                    : 'bg-white text-zinc-800 ring-zinc-200 hover:bg-zinc-50',
                )}
              >
                {serviceName(id)}
              </button>
            ))}
          </div>
          {tried && !serviceId ? <p className="text-sm text-red-700">{t('packages.redeem.pickService')}</p> : null}
        </fieldset>

        <fieldset className={cx('space-y-2', !chooseStaff && 'hidden')}>
          <legend className="text-sm font-medium text-zinc-800">{t('packages.redeem.technician')}</legend>
          {storeId ? (
            <StaffChooser storeId={storeId} value={staffId} onChange={setStaffId} testId="redeem-staff" invalid={tried && !staffId} />
          ) : null}
          {tried && !staffId ? <p className="text-sm text-red-700">{t('packages.redeem.pickTechnician')}</p> : null}
        </fieldset>

        {blocked !== null ? (
          can('packages.adjust') ? (
            <Alert tone="warning" title={t('packages.redeem.stepBlocked', { step: blocked })} testId="redeem-step-blocked">
              <p>{t('packages.redeem.stepOverrideHint')}</p>
              <div className="mt-2">
                <Field label={t('packages.redeem.overrideReason')} error={tried && !override.trim() ? t('validation.required') : undefined}>
                  <Input
                    value={override}
                    onChange={(e) => setOverride(e.target.value)}
                    maxLength={200}
                    data-testid="redeem-override-reason"
                  />
                </Field>
              </div>
            </Alert>
          ) : (
            <Alert tone="warning" title={t('packages.redeem.stepBlocked', { step: blocked })} testId="redeem-step-blocked">
              <p>{t('packages.redeem.stepAskManager')}</p>
            </Alert>
          )
        ) : null}
        {notUsable ? <Alert tone="warning" title={t('packages.redeem.notUsable')} testId="redeem-not-usable" /> : null}
        <ProblemAlert error={redeem.error} testId="redeem-error" />
      </div>
    </Dialog>
  );
}
