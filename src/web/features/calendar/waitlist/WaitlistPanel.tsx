// The waitlist: clients waiting for a time. When a cancellation or a move frees one that fits, the entry
// is flagged with that time and the front desk books it for them in one tap.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Button, IconButton } from '../../../components/Button.js';
import { Drawer } from '../../../components/Drawer.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Icon } from '../../../components/icons.js';
import { ProblemAlert, useProblemText } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useToast } from '../../../components/Toast.js';
import type { StoreSummary } from '../../../http/types.js';
import { useCan } from '../../auth/session.js';
import { servicesQuery } from '../../catalog/api.js';
import { removeWaitlistEntry, useStaffPost, waitlistMatchesQuery, waitlistQuery } from '../api.js';
import { hhmmFormatter } from '../grid/CalendarGrid.js';
import { newIdempotencyKey } from '../http.js';
import { displayName } from '../names.js';
import type { Appointment, WaitlistEntry } from '../types.js';
import { WaitlistForm } from './WaitlistForm.js';

export function WaitlistPanel({
  store,
  staffNames,
  onClose,
}: {
  store: StoreSummary;
  staffNames: Map<string, string>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const list = useQuery(waitlistQuery(store.id));
  const matches = useQuery(waitlistMatchesQuery(store.id));
  const stillFree = new Map((matches.data?.data ?? []).map((w) => [w.id, w.stillFree !== false]));
  const entries = [...(list.data?.data ?? [])].sort(
    (a, b) => Number(!!b.match && stillFree.get(b.id)) - Number(!!a.match && stillFree.get(a.id)),
  );
  return (
    <Drawer
      open
      onClose={onClose}
      testId="waitlist-panel"
      width="max-w-lg"
      title={t('calendar.waitlist')}
      description={t('calendar.wait.description')}
      footer={
        !adding && can('appointments.write') ? (
          <Button variant="primary" icon="plus" onClick={() => setAdding(true)} data-testid="waitlist-add">
            {t('calendar.wait.add')}
          </Button>
        ) : undefined
      }
    >
      {adding ? (
        <WaitlistForm store={store} staffNames={staffNames} onDone={() => setAdding(false)} />
      ) : list.error ? (
        <ProblemAlert error={list.error} />
      ) : !list.data ? (
        <Loading label={t('common.loading')} />
      ) : entries.length === 0 ? (
        <EmptyState icon="clock" title={t('calendar.wait.empty')} description={t('calendar.wait.emptyHint')} />
      ) : (
        <ul className="space-y-3" data-testid="waitlist-entries">
          {entries.map((w) => (
            <Entry key={w.id} entry={w} store={store} staffNames={staffNames} free={stillFree.get(w.id) ?? false} />
          ))}
        </ul>
      )}
    </Drawer>
  );
}

function Entry({
  entry: w,
  store,
  staffNames,
  free,
}: {
  entry: WaitlistEntry;
  store: StoreSummary;
  staffNames: Map<string, string>;
  free: boolean;
}) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const toast = useToast();
  const problem = useProblemText();
  const post = useStaffPost();
  const queryClient = useQueryClient();
  const services = useQuery(servicesQuery({ storeId: store.id }));
  const clock = hhmmFormatter(i18n.language);
  const names = w.serviceIds.map((id) => services.data?.find((s) => s.id === id)?.displayName ?? '…').join(', ');
  const day = (ymd: string) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      Date.parse(`${ymd}T00:00:00Z`),
    );
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['appointments'] });
  const remove = useMutation({ mutationFn: () => removeWaitlistEntry(w.id), onSuccess: refresh });
  const [key] = useState(newIdempotencyKey);
  const book = useMutation({
    mutationFn: () => {
      const m = w.match;
      if (!m) throw new Error('no match');
      return post<Appointment>(
        '/appointments',
        {
          storeId: store.id,
          clientId: w.clientId,
          source: 'phone',
          ...(w.notes ? { notes: w.notes } : {}),
          waitlistEntryId: w.id,
          lines: m.lines.map((l) => ({ serviceId: l.serviceId, staffId: w.staffId === 'any' ? l.staffId : w.staffId, start: l.start })),
        },
        key,
      );
    },
    onSuccess: (a) => {
      toast(t('calendar.book.booked', { client: a.client ? displayName(a.client) : '', time: clock(a.startLocal) }));
      refresh();
    },
    onError: (error) => {
      const text = problem(error);
      toast(text.detail ?? text.title, 'error');
      refresh();
    },
  });
  const who = w.client ? displayName({ ...w.client, preferredName: null }) : '—';
  return (
    <li className="rounded-xl bg-white p-4 ring-1 ring-zinc-200" data-testid="waitlist-entry">
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="font-medium text-zinc-900">{who}</p>
          <p className="text-sm text-zinc-600">{names}</p>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 text-xs text-zinc-500">
            <span>
              {w.dateFrom === w.dateTo ? day(w.dateFrom) : `${day(w.dateFrom)} – ${day(w.dateTo)}`}
              {w.timeFrom || w.timeTo ? ` · ${w.timeFrom ? clock(w.timeFrom) : ''}–${w.timeTo ? clock(w.timeTo) : ''}` : ''}
            </span>
            <span>· {w.staffId === 'any' ? t('calendar.book.anyone') : (staffNames.get(w.staffId) ?? '')}</span>
            {w.client?.phone ? (
              <a href={`tel:${w.client.phone}`} className="inline-flex items-center gap-1 text-orchid-700">
                <Icon name="phone" className="size-3" />
                {w.client.phone}
              </a>
            ) : null}
          </p>
          {w.notes ? <p className="mt-1 text-sm text-zinc-600">{w.notes}</p> : null}
        </div>
        {can('appointments.write') ? (
          <IconButton
            icon="trash"
            size="sm"
            label={t('calendar.wait.remove')}
            onClick={() => remove.mutate()}
            disabled={remove.isPending}
          />
        ) : null}
      </div>
      {w.match ? (
        <div
          className={`mt-3 flex flex-wrap items-center gap-2 rounded-lg px-3 py-2 text-sm ${free ? 'bg-emerald-50 ring-1 ring-emerald-200' : 'bg-zinc-50 ring-1 ring-zinc-200'}`}
          data-testid="waitlist-match"
        >
          <Badge tone={free ? 'success' : 'neutral'}>{free ? t('calendar.wait.slotFree') : t('calendar.wait.slotGone')}</Badge>
          <span className="flex-1 font-medium text-zinc-800">
            {day(w.match.date)} · {clock(w.match.startLocal)} ·{' '}
            {[...new Set(w.match.lines.map((l) => staffNames.get(l.staffId) ?? ''))].join(', ')}
          </span>
          {free && can('appointments.write') ? (
            <Button size="sm" variant="primary" loading={book.isPending} onClick={() => book.mutate()} data-testid="waitlist-book">
              {t('calendar.wait.book')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {remove.error ? <ProblemAlert error={remove.error} className="mt-2" /> : null}
    </li>
  );
}
