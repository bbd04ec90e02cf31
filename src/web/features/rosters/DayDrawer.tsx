// One staff member on one date: the hours that apply, the dated changes (time off, a break, an extra
// shift, custom hours) and blocked time (meeting, cleaning…), each added or removed here.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button, IconButton } from '../../components/Button.js';
import { Drawer } from '../../components/Drawer.js';
import { Field } from '../../components/Field.js';
import { Input, Select } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useToast } from '../../components/Toast.js';
import { fieldErrors } from '../../http/problem.js';
import type { Shift } from '../../http/types.js';
import { validateShifts } from '../../lib/hours.js';
import { useCan } from '../auth/session.js';
import { hhmmFormatter } from '../calendar/grid/CalendarGrid.js';
import { zonedIso } from '../calendar/time.js';
import { ShiftList } from '../stores/ShiftList.js';
import { addException, createBlocked, deleteBlocked, removeException } from './api.js';
import { BLOCK_REASONS, type BlockReason, EXCEPTION_KINDS, type ExceptionKind, type RosterDay, type RosterStaff } from './types.js';

export function DayDrawer({
  storeId,
  timeZone,
  person,
  day,
  onClose,
}: {
  storeId: string;
  timeZone: string;
  person: RosterStaff;
  day: RosterDay;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const clock = hhmmFormatter(i18n.language);
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['rosters'] });
  const drop = useMutation({ mutationFn: (id: string) => removeException(storeId, person.staffId, id), onSuccess: refresh });
  const unblock = useMutation({ mutationFn: (id: string) => deleteBlocked(id), onSuccess: refresh });
  const title = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(`${day.date}T00:00:00Z`),
  );
  const writable = can('rosters.write');
  return (
    <Drawer open onClose={onClose} testId="roster-day-drawer" title={person.displayName} description={title} width="max-w-lg">
      <div className="space-y-6">
        <section className="space-y-2">
          <h3 className="text-sm font-semibold text-zinc-900">{t('rosters.hoursThisDay')}</h3>
          <p className="text-sm text-zinc-700" data-testid="roster-day-hours">
            {day.hours.length ? day.hours.map((h) => `${clock(h.open)}–${clock(h.close)}`).join(', ') : t('rosters.off')}
          </p>
        </section>
        {day.exceptions.length || day.blocked.length ? (
          <section className="space-y-2">
            <h3 className="text-sm font-semibold text-zinc-900">{t('rosters.changesThisDay')}</h3>
            <ul className="divide-y divide-zinc-100 rounded-xl ring-1 ring-zinc-200">
              {day.exceptions.map((e) => (
                <li key={e.id} className="flex items-center gap-3 px-3 py-2 text-sm">
                  <Badge tone={e.kind === 'time_off' ? 'warning' : e.kind === 'extra_shift' ? 'success' : 'info'}>
                    {t(`rosters.kinds.${e.kind}`)}
                  </Badge>
                  <span className="flex-1 text-zinc-700">
                    {e.hours.map((h) => `${clock(h.open)}–${clock(h.close)}`).join(', ')}
                    {e.note ? <span className="text-zinc-500"> · {e.note}</span> : null}
                  </span>
                  {writable ? <IconButton icon="trash" size="sm" label={t('rosters.remove')} onClick={() => drop.mutate(e.id)} /> : null}
                </li>
              ))}
              {day.blocked.map((b) => (
                <li key={b.id} className="flex items-center gap-3 px-3 py-2 text-sm">
                  <Badge tone="neutral">{t(`calendar.blockReasons.${b.reason}`)}</Badge>
                  <span className="flex-1 text-zinc-700">
                    {clock(b.start.slice(11, 16))}–{clock(b.end.slice(11, 16))}
                    {b.note ? <span className="text-zinc-500"> · {b.note}</span> : null}
                  </span>
                  {writable ? <IconButton icon="trash" size="sm" label={t('rosters.remove')} onClick={() => unblock.mutate(b.id)} /> : null}
                </li>
              ))}
            </ul>
            {drop.error || unblock.error ? <ProblemAlert error={drop.error ?? unblock.error} /> : null}
          </section>
        ) : null}
        {writable ? <ExceptionForm storeId={storeId} person={person} date={day.date} /> : null}
        {writable ? <BlockForm storeId={storeId} timeZone={timeZone} person={person} date={day.date} /> : null}
      </div>
    </Drawer>
  );
}

function ExceptionForm({ storeId, person, date }: { storeId: string; person: RosterStaff; date: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ExceptionKind>('time_off');
  const [hours, setHours] = useState<Shift[]>([]);
  const [note, setNote] = useState('');
  const needsHours = kind !== 'time_off';
  const shifts = needsHours && hours.length === 0 ? [{ open: '12:00', close: '13:00' }] : hours;
  const problems = validateShifts(shifts);
  const save = useMutation({
    mutationFn: () => addException(storeId, person.staffId, { date, kind, hours: shifts, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['rosters'] });
      toast(t('rosters.changeAdded'));
      setHours([]);
      setNote('');
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <section className="space-y-3 rounded-xl bg-zinc-50 p-4 ring-1 ring-zinc-200" data-testid="roster-exception-form">
      <h3 className="text-sm font-semibold text-zinc-900">{t('rosters.addChange')}</h3>
      {save.error && !Object.keys(errors).length ? <ProblemAlert error={save.error} /> : null}
      <Field label={t('rosters.kind')}>
        <Select value={kind} onChange={(e) => setKind(e.target.value as ExceptionKind)} data-testid="roster-exception-kind">
          {EXCEPTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`rosters.kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <p className="text-sm text-zinc-500">{t(`rosters.kindHints.${kind}`)}</p>
      {kind === 'time_off' && hours.length === 0 ? (
        <button type="button" className="text-sm font-medium text-orchid-700" onClick={() => setHours([{ open: '09:00', close: '12:00' }])}>
          + {t('rosters.partOfDay')}
        </button>
      ) : (
        <ShiftList
          shifts={shifts}
          testId="roster-exception"
          errorAt={(i) => errors[`hours.${i}`] ?? (problems.get(i) ? t('validation.shiftOrder') : undefined)}
          onChange={setHours}
        />
      )}
      <Field label={t('rosters.note')} optional={t('common.optional')}>
        <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
      </Field>
      <div className="flex justify-end">
        <Button
          variant="primary"
          size="sm"
          loading={save.isPending}
          disabled={problems.size > 0}
          onClick={() => save.mutate()}
          data-testid="roster-exception-save"
        >
          {t('rosters.addChange')}
        </Button>
      </div>
    </section>
  );
}

function BlockForm({ storeId, timeZone, person, date }: { storeId: string; timeZone: string; person: RosterStaff; date: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [from, setFrom] = useState('12:00');
  const [to, setTo] = useState('13:00');
  const [reason, setReason] = useState<BlockReason>('meeting');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      createBlocked({
        storeId,
        staffId: person.staffId,
        start: zonedIso(date, from, timeZone),
        end: zonedIso(date, to, timeZone),
        reason,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['rosters'] });
      toast(t('rosters.blockAdded'));
      setNote('');
    },
  });
  const errors = fieldErrors(save.error);
  const bad = !from || !to || to <= from;
  return (
    <section className="space-y-3 rounded-xl bg-zinc-50 p-4 ring-1 ring-zinc-200" data-testid="roster-block-form">
      <h3 className="text-sm font-semibold text-zinc-900">{t('rosters.blockTime')}</h3>
      <p className="text-sm text-zinc-500">{t('rosters.blockHint')}</p>
      {save.error && !errors.end && !errors.start ? <ProblemAlert error={save.error} /> : null}
      <div className="grid grid-cols-2 gap-3">
        <Field label={t('rosters.from')} error={errors.start}>
          <Input type="time" step={300} value={from} onChange={(e) => setFrom(e.target.value)} data-testid="roster-block-from" />
        </Field>
        <Field label={t('rosters.to')} error={errors.end ?? (bad && from && to ? t('validation.shiftOrder') : undefined)}>
          <Input type="time" step={300} value={to} onChange={(e) => setTo(e.target.value)} data-testid="roster-block-to" />
        </Field>
        <Field label={t('rosters.reason')}>
          <Select value={reason} onChange={(e) => setReason(e.target.value as BlockReason)}>
            {BLOCK_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`calendar.blockReasons.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('rosters.note')} optional={t('common.optional')}>
          <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button
          variant="primary"
          size="sm"
          disabled={bad}
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid="roster-block-save"
        >
          {t('rosters.blockTime')}
        </Button>
      </div>
    </section>
  );
}
