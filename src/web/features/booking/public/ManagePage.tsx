// The manage link of a booking (/book/manage/:token): see it, cancel it or move it to another time,
// within the store's cancellation window; after that, the store's phone number.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Textarea } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useToast } from '../../../components/Toast.js';
import { hhmmFormatter } from '../../calendar/grid/CalendarGrid.js';
import { alternativesOf } from '../../calendar/http.js';
import type { Slot } from '../../calendar/types.js';
import { cancelOnline, icsUrl, publicBookingQuery, rescheduleOnline } from '../api.js';
import type { PublicBooking } from '../types.js';
import { BookingView } from './BookingView.js';
import { PublicLayout } from './PublicLayout.js';
import { TimeStep } from './TimeStep.js';

export function ManagePage() {
  const { t, i18n } = useTranslation();
  const { token } = useParams({ strict: false }) as { token: string };
  const q = useQuery(publicBookingQuery(token, i18n.language));
  const b = q.data;
  return (
    <PublicLayout storeName={b?.store.name} address={b?.store.address} phone={b?.store.phone}>
      {q.error ? (
        <div className="py-10">
          <ProblemAlert error={q.error} testId="manage-error" />
        </div>
      ) : !b ? (
        <Loading label={t('common.loading')} />
      ) : (
        <Manage token={token} booking={b} />
      )}
    </PublicLayout>
  );
}

function Manage({ token, booking: b }: { token: string; booking: PublicBooking }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const clock = hhmmFormatter(i18n.language);
  const [moving, setMoving] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [taken, setTaken] = useState<Slot[] | null>(null);
  const update = (next: PublicBooking) => queryClient.setQueryData(publicBookingQuery(token, i18n.language).queryKey, next);
  const cancel = useMutation({
    mutationFn: () => cancelOnline(token, reason.trim() || undefined),
    onSuccess: (next) => {
      update(next);
      setCancelling(false);
      toast(t('booking.manage.cancelled'));
    },
  });
  const move = useMutation({
    mutationFn: (s: Slot) => rescheduleOnline(token, { date: s.date, startLocal: s.startLocal }),
    onSuccess: (next) => {
      update(next);
      setMoving(false);
      setSlot(null);
      toast(t('booking.manage.moved'));
    },
    onError: (error) => setTaken(alternativesOf(error)),
  });
  const deadline = new Intl.DateTimeFormat(i18n.language, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: b.timeZone,
  }).format(new Date(b.changeableUntil));
  const cancelled = b.status === 'cancelled';
  return (
    <div className="mx-auto max-w-lg space-y-5" data-testid="manage-page">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{t('booking.manage.title')}</h1>
        <Badge tone={cancelled ? 'neutral' : 'success'}>
          <span data-testid="manage-status">
            {t(`calendar.status.${b.status}` as 'calendar.status.booked', { defaultValue: b.status })}
          </span>
        </Badge>
      </div>
      <BookingView booking={b} />
      {cancelled ? null : b.canCancel || b.canReschedule ? (
        <>
          <p className="text-sm text-zinc-500">{t('booking.manage.until', { when: deadline })}</p>
          {moving ? (
            <div className="space-y-4 rounded-2xl bg-white p-4 shadow-card ring-1 ring-zinc-200" data-testid="manage-move">
              <h2 className="font-semibold text-zinc-900">{t('booking.manage.pickNew')}</h2>
              {taken ? (
                <Alert tone="warning" title={t('booking.takenTitle')}>
                  {t('booking.takenBody')}
                </Alert>
              ) : null}
              {move.error && !taken ? <ProblemAlert error={move.error} /> : null}
              <TimeStep
                slug={b.store.slug}
                timeZone={b.timeZone}
                horizonDays={60}
                serviceIds={b.services.map((s) => s.serviceId)}
                addOnIds={b.services.flatMap((s) => (s.addOns ?? []).map((a) => a.id))}
                staffId="any"
                initialDate={b.date}
                staffNames={new Map()}
                value={slot}
                onChange={(s) => {
                  setSlot(s);
                  setTaken(null);
                }}
              />
              <div className="flex justify-end gap-2">
                <Button onClick={() => setMoving(false)}>{t('common.cancel')}</Button>
                <Button
                  variant="primary"
                  disabled={!slot}
                  loading={move.isPending}
                  onClick={() => slot && move.mutate(slot)}
                  data-testid="manage-move-confirm"
                >
                  {slot ? t('booking.manage.moveTo', { time: clock(slot.startLocal) }) : t('booking.manage.move')}
                </Button>
              </div>
            </div>
          ) : (
            <div className="flex flex-wrap gap-2">
              {b.canReschedule ? (
                <Button icon="calendar" onClick={() => setMoving(true)} data-testid="manage-move-open">
                  {t('booking.manage.move')}
                </Button>
              ) : null}
              {b.canCancel ? (
                <Button variant="danger-ghost" icon="x" onClick={() => setCancelling(true)} data-testid="manage-cancel-open">
                  {t('booking.manage.cancel')}
                </Button>
              ) : null}
              <a
                href={icsUrl(token)}
                className="inline-flex h-10 items-center gap-2 rounded-lg px-4 text-sm font-medium text-zinc-700 hover:bg-zinc-100"
              >
                <Icon name="calendar" className="size-4" />
                {t('booking.addToCalendar')}
              </a>
            </div>
          )}
        </>
      ) : (
        <Alert tone="info" title={t('booking.manage.tooLate')}>
          {b.store.phone ? t('booking.manage.callUs', { phone: b.store.phone }) : null}
        </Alert>
      )}
      <Dialog
        open={cancelling}
        onClose={() => setCancelling(false)}
        icon="alert"
        tone="danger"
        title={t('booking.manage.cancelTitle')}
        testId="manage-cancel-dialog"
        footer={
          <>
            <Button onClick={() => setCancelling(false)}>{t('booking.manage.keep')}</Button>
            <Button variant="danger" loading={cancel.isPending} onClick={() => cancel.mutate()} data-testid="manage-cancel-confirm">
              {t('booking.manage.cancel')}
            </Button>
          </>
        }
      >
        {cancel.error ? <ProblemAlert error={cancel.error} className="mb-3" /> : null}
        <Field label={t('booking.manage.reason')} optional={t('common.optional')}>
          <Textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </Dialog>
    </div>
  );
}
