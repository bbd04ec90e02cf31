// A manager's approval at the terminal: the server said why it is needed; a manager picks their name and
// types their PIN on this screen. The server verifies it (rate limited) and re-runs the change.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar.js';
import { Button } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { Dialog } from '../../components/Dialog.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Spinner } from '../../components/Spinner.js';
import type { Staff } from '../../http/types.js';
import { Keypad } from '../auth/Keypad.js';
import type { Approval } from './types.js';

const DOTS = [0, 1, 2, 3, 4, 5];

export function ApprovalDialog({
  detail,
  error,
  sending,
  approvers,
  onApprove,
  onCancel,
}: {
  detail: string;
  error: unknown;
  sending: boolean;
  approvers: Staff[];
  onApprove: (approval: Approval) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [staffId, setStaffId] = useState<string | null>(approvers.length === 1 ? approvers[0]!.id : null);
  const [pin, setPin] = useState('');
  const [lastError, setLastError] = useState<unknown>(null);
  // A refused PIN clears the pad for the next try.
  if (error !== lastError) {
    setLastError(error);
    if (error) setPin('');
  }
  const submit = () => {
    if (staffId && /^\d{4,6}$/.test(pin) && !sending) onApprove({ staffId, pin });
  };
  return (
    // A stray tap beside the pad must not throw the change away: only Cancel does.
    <Dialog
      open
      onClose={() => undefined}
      title={t('checkout.approval.title')}
      icon="shield"
      testId="approval-dialog"
      className="sm:max-w-md"
    >
      <div className="space-y-4">
        <p className="text-sm text-zinc-700">{detail || t('checkout.approval.body')}</p>
        {error ? <ProblemAlert error={error} testId="approval-error" /> : null}
        {approvers.length === 0 ? (
          <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
            {t('checkout.approval.noManagers')}
          </p>
        ) : (
          <div className="flex flex-wrap gap-2">
            {approvers.map((s) => (
              <button
                key={s.id}
                type="button"
                aria-pressed={staffId === s.id}
                data-testid="approval-staff"
                onClick={() => setStaffId(s.id)}
                className={cx(
                  'flex h-11 items-center gap-2 rounded-full py-1 pl-1 pr-3.5 text-sm font-medium ring-1 ring-inset',
                  staffId === s.id ? 'bg-orchid-700 text-white ring-orchid-700' : 'bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50',
                )}
              >
                <Avatar name={s.displayName || s.name} seed={s.id} className="size-8 text-xs" />
                {s.displayName || s.name}
              </button>
            ))}
          </div>
        )}
        {staffId ? (
          <div className="mx-auto max-w-xs space-y-4">
            <div className="flex justify-center gap-3" aria-live="polite" data-testid="approval-pin-dots">
              {DOTS.map((i) => (
                <span
                  key={i}
                  className={cx(
                    'size-3.5 rounded-full',
                    i < pin.length ? 'bg-orchid-700' : 'ring-1 ring-inset ring-zinc-300',
                    i >= 4 && i >= pin.length && 'opacity-50',
                  )}
                />
              ))}
            </div>
            <Keypad value={pin} onChange={setPin} onSubmit={submit} disabled={sending} />
          </div>
        ) : null}
        <div className="flex items-center justify-end gap-2">
          {sending ? <Spinner className="size-4 text-orchid-600" /> : null}
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      </div>
    </Dialog>
  );
}
