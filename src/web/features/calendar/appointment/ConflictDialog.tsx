// A move that lost the race for its time: the visit went back where it was; here are the nearest free
// starts the server found, one tap to take one.
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { useStaffPost } from '../api.js';
import { hhmmFormatter } from '../grid/CalendarGrid.js';
import { linesAt } from '../reschedule.js';
import type { Appointment, Slot } from '../types.js';

export function ConflictDialog({
  appointment: a,
  alternatives,
  staffNames,
  onClose,
  onMoved,
}: {
  appointment: Appointment;
  alternatives: Slot[];
  staffNames: Map<string, string>;
  onClose: () => void;
  onMoved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const post = useStaffPost();
  const clock = hhmmFormatter(i18n.language);
  const move = useMutation({
    mutationFn: (slot: Slot) =>
      post<Appointment>(`/appointments/${encodeURIComponent(a.id)}/reschedule`, { version: a.version, lines: linesAt(slot, a) }),
    onSuccess: (moved) => {
      toast(t('calendar.moved', { time: clock(moved.startLocal), staff: [...new Set(moved.lines.map((l) => l.staffName))].join(', ') }));
      onMoved();
    },
  });
  const day = (ymd: string) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      Date.parse(`${ymd}T00:00:00Z`),
    );
  return (
    <Dialog
      open
      onClose={onClose}
      icon="alert"
      tone="danger"
      testId="conflict-dialog"
      title={t('calendar.conflictTitle')}
      footer={<Button onClick={onClose}>{t('calendar.keepWhereItWas')}</Button>}
    >
      <p>{t('calendar.conflictBody')}</p>
      {move.error ? <ProblemAlert error={move.error} className="mt-3" /> : null}
      {alternatives.length ? (
        <div className="mt-4 space-y-1.5" data-testid="conflict-alternatives">
          <p className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('calendar.nearestFree')}</p>
          {alternatives.map((s) => (
            <button
              key={s.start}
              type="button"
              disabled={move.isPending}
              onClick={() => move.mutate(s)}
              data-testid="conflict-alternative"
              className="flex w-full items-center justify-between gap-3 rounded-lg px-3 py-2 text-left ring-1 ring-zinc-200 hover:bg-orchid-50 hover:ring-orchid-300 disabled:opacity-50"
            >
              <span className="font-medium text-zinc-900">
                {s.date !== a.date ? `${day(s.date)} · ` : ''}
                {clock(s.startLocal)}
              </span>
              <span className="truncate text-sm text-zinc-500">
                {[...new Set(s.lines.map((l) => staffNames.get(l.staffId) ?? ''))].join(', ')}
              </span>
            </button>
          ))}
        </div>
      ) : (
        <p className="mt-3 text-zinc-500">{t('calendar.noAlternatives')}</p>
      )}
    </Dialog>
  );
}
