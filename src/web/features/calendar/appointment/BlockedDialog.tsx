// Blocked time on the calendar (meeting, cleaning…): what it is, and removing it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { useCan } from '../../auth/session.js';
import { deleteBlocked } from '../../rosters/api.js';
import type { RosterStaff } from '../../rosters/types.js';
import { hhmmFormatter } from '../grid/CalendarGrid.js';

export function BlockedDialog({ id, rosterStaff, onClose }: { id: string; rosterStaff: RosterStaff[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const clock = hhmmFormatter(i18n.language);
  const owner = rosterStaff.find((s) => s.days.some((d) => d.blocked.some((b) => b.id === id)));
  const block = owner?.days.flatMap((d) => d.blocked).find((b) => b.id === id);
  const remove = useMutation({
    mutationFn: () => deleteBlocked(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['rosters'] });
      toast(t('calendar.blockedRemoved'));
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      icon="clock"
      testId="blocked-dialog"
      title={block ? t(`calendar.blockReasons.${block.reason}`) : t('calendar.blockedTime')}
      footer={
        <>
          <Button onClick={onClose}>{t('common.close')}</Button>
          {can('rosters.write') ? (
            <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate()} data-testid="blocked-remove">
              {t('calendar.removeBlocked')}
            </Button>
          ) : null}
        </>
      }
    >
      {block ? (
        <p>
          {owner?.displayName} · {clock(block.start.slice(11, 16))}–{clock(block.end.slice(11, 16))}
          {block.note ? ` · ${block.note}` : ''}
        </p>
      ) : null}
      {remove.error ? <ProblemAlert error={remove.error} className="mt-3" /> : null}
    </Dialog>
  );
}
