// One appointment: who, allergy reminder first, services, notes, the client's history, and the next
// steps of its day (check in, start, complete, cancel, no-show).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Drawer } from '../../../components/Drawer.js';
import { Textarea } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useToast } from '../../../components/Toast.js';
import type { StoreSummary } from '../../../http/types.js';
import { useCan, useMe } from '../../auth/session.js';
import { formatMoney } from '../../catalog/money.js';
import { clientQuery, notesQuery } from '../../clients/api.js';
import { TreatmentGlance } from '../../treatments/glance/TreatmentGlance.js';
import { appointmentQuery, updateNotes } from '../api.js';
import { hhmmFormatter } from '../grid/CalendarGrid.js';
import { displayName } from '../names.js';
import type { AppointmentDetail } from '../types.js';
import { useZoneCity } from '../useZoneCity.js';
import { AllergyNote } from './AllergyNote.js';
import { FeeWaiver } from './FeeWaiver.js';
import { StatusActions } from './StatusActions.js';
import { StatusBadge } from './StatusBadge.js';

export function AppointmentDrawer({
  id,
  store,
  staffNames,
  onClose,
}: {
  id: string;
  store: StoreSummary;
  staffNames: Map<string, string>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const query = useQuery(appointmentQuery(id));
  const a = query.data;
  const clock = hhmmFormatter(i18n.language);
  const day = a
    ? new Intl.DateTimeFormat(i18n.language, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
        Date.parse(`${a.date}T00:00:00Z`),
      )
    : '';
  return (
    <Drawer
      open
      onClose={onClose}
      testId="appointment-drawer"
      width="max-w-xl"
      title={a ? (a.client ? displayName(a.client) : t('calendar.walkIn')) : t('common.loading')}
      description={
        a ? (
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={a.status} />
            <span>
              {day} · {clock(a.startLocal)}–{clock(a.end.slice(11, 16))}
            </span>
          </span>
        ) : undefined
      }
      footer={a?.allowedActions.length ? <StatusActions appointment={a} onChanged={() => void query.refetch()} /> : undefined}
    >
      {query.error ? (
        <ProblemAlert error={query.error} />
      ) : !a ? (
        <Loading label={t('common.loading')} />
      ) : (
        <Body a={a} store={store} staffNames={staffNames} />
      )}
    </Drawer>
  );
}

function Body({ a, store, staffNames }: { a: AppointmentDetail; store: StoreSummary; staffNames: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const zoneCity = useZoneCity();
  const clock = hhmmFormatter(i18n.language);
  const money = (cents: number) => formatMoney(cents, a.currency || store.currency, i18n.language);
  const card = useQuery({ ...clientQuery(a.client?.id ?? ''), enabled: !!a.client && can('clients.read') });
  const notes = useQuery({ ...notesQuery(a.client?.id ?? ''), enabled: !!a.client && can('clients.read') });
  const allergy = [card.data?.allergyReminder, card.data?.health?.allergies].filter(Boolean).join(' · ');
  const stamp = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: a.timeZone,
    }).format(new Date(iso));

  return (
    <div className="space-y-6">
      {allergy ? <AllergyNote text={allergy} /> : null}

      <section className="space-y-2">
        <h3 className="text-sm font-semibold text-zinc-900">{t('calendar.detail.services')}</h3>
        <ul className="divide-y divide-zinc-100 rounded-xl ring-1 ring-zinc-200" data-testid="appointment-lines">
          {a.lines.map((l) => (
            <li key={l.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 px-3 py-2.5">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-zinc-900">{l.serviceName}</p>
                <p className="text-sm text-zinc-500">
                  {clock(l.start.slice(11, 16))}–{clock(l.end.slice(11, 16))} · {l.staffName}
                  {l.staffRequested ? <span className="ml-1 text-orchid-700">· {t('calendar.detail.requested')}</span> : null}
                </p>
              </div>
              <span className="text-sm tabular-nums text-zinc-700">{money(l.price)}</span>
              {l.addOns.length ? (
                <ul className="basis-full space-y-0.5 pl-3 text-sm text-zinc-600" data-testid="appointment-line-addons">
                  {l.addOns.map((x) => (
                    <li key={x.id} className="flex justify-between gap-3">
                      <span>
                        + {x.name}
                        {x.extraMin ? (
                          <span className="text-zinc-400"> · {t('calendar.detail.addOnMinutes', { count: x.extraMin })}</span>
                        ) : null}
                      </span>
                      <span className="tabular-nums">{money(x.price)}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
          <li className="flex items-center justify-between px-3 py-2.5 text-sm font-semibold">
            <span>{t('calendar.detail.total')}</span>
            <span className="tabular-nums">{money(a.total)}</span>
          </li>
        </ul>
        <p className="flex items-center gap-1.5 text-xs text-zinc-500">
          <Icon name="globe" className="size-3.5" />
          {t('calendar.zoneLabel', { city: zoneCity(a.timeZone) })} · {t(`calendar.sources.${a.source}`)}
        </p>
      </section>

      {a.fee ? (
        <div className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200" data-testid="appointment-fee">
          {t(a.fee.kind === 'no_show' ? 'calendar.detail.noShowFee' : 'calendar.detail.lateFee', { amount: money(a.fee.amount) })}
          <FeeWaiver appointment={a} />
        </div>
      ) : null}
      {a.cancelReason ? (
        <p className="text-sm text-zinc-600">
          <span className="font-medium">{t('calendar.cancelReason')}:</span> {a.cancelReason}
        </p>
      ) : null}

      <NotesEditor a={a} />

      {a.client ? (
        <section className="space-y-2">
          <div className="flex items-center justify-between">
            <h3 className="text-sm font-semibold text-zinc-900">{t('calendar.detail.client')}</h3>
            <Link
              to="/clients/$clientId"
              params={{ clientId: a.client.id }}
              className="text-sm font-medium text-orchid-700 hover:underline"
            >
              {t('calendar.detail.openCard')}
            </Link>
          </div>
          <div className="space-y-1 rounded-xl bg-zinc-50 px-4 py-3 text-sm ring-1 ring-zinc-200">
            {a.client.phone ? (
              <a href={`tel:${a.client.phone}`} className="flex items-center gap-2 text-zinc-800 hover:text-orchid-700">
                <Icon name="phone" className="size-4 text-zinc-400" />
                {card.data?.phoneDisplay ?? a.client.phone}
              </a>
            ) : null}
            {a.client.email ? (
              <p className="flex items-center gap-2 text-zinc-800">
                <Icon name="mail" className="size-4 text-zinc-400" />
                {a.client.email}
              </p>
            ) : null}
            <p className="flex items-center gap-2 text-zinc-600">
              <Icon name="history" className="size-4 text-zinc-400" />
              {card.data?.lastVisitAt
                ? t('calendar.detail.lastVisit', { date: stamp(card.data.lastVisitAt) })
                : t('calendar.detail.firstVisit')}
            </p>
          </div>
          {(notes.data?.data ?? []).length ? (
            <ul className="space-y-1.5" data-testid="appointment-client-notes">
              {(notes.data?.data ?? []).slice(0, 3).map((n) => (
                <li key={n.id} className="rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-zinc-200">
                  <p className="whitespace-pre-line text-zinc-800">{n.body}</p>
                  <p className="mt-0.5 text-xs text-zinc-500">
                    {n.authorName ?? ''} · {stamp(n.createdAt)}
                  </p>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      {a.client ? <Glance a={a} clientId={a.client.id} /> : null}

      <section className="space-y-2">
        <h3 className="text-sm font-semibold text-zinc-900">{t('calendar.detail.history')}</h3>
        <ol className="space-y-2 border-l-2 border-zinc-100 pl-4" data-testid="appointment-history">
          {a.history.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two changes can share a timestamp; the history never reorders
            <li key={`${h.at}-${i}`} className="relative text-sm">
              <span className="absolute -left-[1.3rem] top-1.5 size-2 rounded-full bg-orchid-400" />
              <p className="text-zinc-800">
                {h.from === null
                  ? t('calendar.detail.created')
                  : h.from === h.to
                    ? t('calendar.detail.moved', { time: h.start ? `${clock(h.start.slice(11, 16))}` : '' })
                    : t(`calendar.status.${h.to}`)}
                {h.reason && h.from !== h.to ? <span className="text-zinc-500"> · {h.reason}</span> : null}
              </p>
              <p className="text-xs text-zinc-500">
                {stamp(h.at)}
                {h.by ? ` · ${staffNames.get(h.by) ?? t('calendar.detail.someone')}` : ` · ${t('calendar.detail.online')}`}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/**
 * The client's treatment progress before the visit (packages, last record, next date, suggestions). "Write
 * record" starts from the signed-in technician's own line of this visit, else from its first line.
 */
function Glance({ a, clientId }: { a: AppointmentDetail; clientId: string }) {
  const me = useMe();
  const line = a.lines.find((l) => l.staffId === me.staff.id) ?? a.lines[0];
  return (
    <TreatmentGlance
      clientId={clientId}
      storeId={a.storeId}
      serviceId={line?.serviceId}
      staffId={line?.staffId}
      appointmentLineId={line?.id}
    />
  );
}

function NotesEditor({ a }: { a: AppointmentDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [text, setText] = useState(a.notes ?? '');
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) setText(a.notes ?? '');
  }, [a.notes, dirty]);
  const save = useMutation({
    mutationFn: () => updateNotes(a.id, a.version, text.trim() || null),
    onSuccess: () => {
      setDirty(false);
      toast(t('calendar.detail.notesSaved'));
      void queryClient.invalidateQueries({ queryKey: ['appointments'] });
    },
  });
  const editable = can('appointments.write');
  return (
    <section className="space-y-2">
      <h3 className="text-sm font-semibold text-zinc-900">{t('calendar.detail.notes')}</h3>
      {save.error ? <ProblemAlert error={save.error} /> : null}
      {editable ? (
        <>
          <Textarea
            value={text}
            rows={3}
            placeholder={t('calendar.detail.notesPlaceholder')}
            onChange={(e) => {
              setText(e.target.value);
              setDirty(true);
            }}
            data-testid="appointment-notes"
          />
          {dirty ? (
            <div className="flex justify-end gap-2">
              <Button
                size="sm"
                onClick={() => {
                  setText(a.notes ?? '');
                  setDirty(false);
                }}
              >
                {t('common.discard')}
              </Button>
              <Button
                size="sm"
                variant="primary"
                loading={save.isPending}
                onClick={() => save.mutate()}
                data-testid="appointment-notes-save"
              >
                {t('common.save')}
              </Button>
            </div>
          ) : null}
        </>
      ) : (
        <p className="whitespace-pre-line text-sm text-zinc-700">{a.notes || '—'}</p>
      )}
    </section>
  );
}
