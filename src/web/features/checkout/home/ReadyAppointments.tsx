// Today's visits ready to pay: checked in or in service (the rest of the day on request). Checking one out
// opens a ticket with its services, technicians and quoted prices.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { Badge } from '../../../components/Badge.js';
import { Button } from '../../../components/Button.js';
import { Switch } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import type { StoreSummary } from '../../../http/types.js';
import { useFormat } from '../../../lib/format.js';
import { dateIn } from '../../../lib/hours.js';
import { feedQuery } from '../../calendar/api.js';
import { displayName } from '../../calendar/names.js';
import type { Appointment } from '../../calendar/types.js';
import { useMoney } from '../lib/money.js';
import type { SaleSummary } from '../types.js';

const READY = new Set(['checked_in', 'in_service']);
const LATER = new Set(['booked', 'confirmed']);

export function ReadyAppointments({
  store,
  openTickets,
  canCheckOut,
  starting,
  onCheckOut,
  onOpen,
}: {
  store: StoreSummary;
  openTickets: SaleSummary[];
  canCheckOut: boolean;
  starting: string | null;
  onCheckOut: (appointmentId: string) => void;
  onOpen: (saleId: string) => void;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const today = dateIn(store.timeZone);
  const feed = useQuery(feedQuery({ storeId: store.id, from: today, to: today }));
  const onTicket = new Map(openTickets.filter((s) => s.appointmentId).map((s) => [s.appointmentId!, s.id]));
  const list = (feed.data?.data ?? [])
    .filter((a) => READY.has(a.status) || (all && LATER.has(a.status)))
    .sort((a, b) => Number(READY.has(b.status)) - Number(READY.has(a.status)) || a.start.localeCompare(b.start));

  return (
    <section aria-labelledby="ready-appointments" data-testid="ready-appointments">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="ready-appointments" className="text-base font-semibold text-zinc-900">
          {t('checkout.readyTitle')}
        </h2>
        <Switch checked={all} onChange={setAll} label={t('checkout.showAllToday')} data-testid="ready-all" />
      </div>
      {feed.isError ? <ProblemAlert error={feed.error} /> : null}
      {feed.isSuccess && list.length === 0 ? (
        <p
          className="rounded-xl border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-500"
          data-testid="ready-empty"
        >
          {all ? t('checkout.noneToday') : t('checkout.noneReady')}
        </p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {list.map((a) => (
            <AppointmentCard
              key={a.id}
              appointment={a}
              store={store}
              saleId={onTicket.get(a.id) ?? null}
              canCheckOut={canCheckOut}
              starting={starting === a.id}
              onCheckOut={() => onCheckOut(a.id)}
              onOpen={onOpen}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function AppointmentCard({
  appointment: a,
  store,
  saleId,
  canCheckOut,
  starting,
  onCheckOut,
  onOpen,
}: {
  appointment: Appointment;
  store: StoreSummary;
  saleId: string | null;
  canCheckOut: boolean;
  starting: boolean;
  onCheckOut: () => void;
  onOpen: (saleId: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = useMoney(store.currency);
  const name = a.client ? displayName(a.client) : t('checkout.ticket.walkIn');
  const staffNames = [...new Set(a.lines.map((l) => l.staffName))].join(', ');
  return (
    <li
      className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-card ring-1 ring-zinc-200"
      data-testid="ready-appointment"
      data-appointment={a.id}
    >
      <div className="flex items-start gap-3">
        <Avatar name={name} seed={a.client?.id ?? a.id} className="size-11 text-sm" />
        <div className="min-w-0 flex-1">
          <p className="truncate font-semibold text-zinc-900">{name}</p>
          <p className="text-sm text-zinc-500">
            {fmt.hhmm(a.startLocal)} · {staffNames}
          </p>
        </div>
        <Badge tone={READY.has(a.status) ? 'success' : 'neutral'}>
          {t(`checkout.apptStatus.${a.status}` as 'checkout.apptStatus.checked_in')}
        </Badge>
      </div>
      <p className="line-clamp-2 text-sm text-zinc-700">{a.lines.map((l) => l.serviceName).join(' + ')}</p>
      <div className="mt-auto flex items-center justify-between gap-3">
        <span className="text-base font-semibold tabular-nums text-zinc-900">{money(a.total)}</span>
        {saleId ? (
          <Button onClick={() => onOpen(saleId)} data-testid="ready-open-ticket">
            {t('checkout.openTicket')}
          </Button>
        ) : canCheckOut ? (
          <Button variant="primary" onClick={onCheckOut} loading={starting} data-testid="ready-check-out">
            {t('checkout.checkOut')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}
