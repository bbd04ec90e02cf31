// The frame of a money action on a completed sale (refund, void): a dialog whose submit button sends the
// body the form prepares through useKeyedAction (one Idempotency-Key per body), shows the server's
// problem under the form, and the manager's PIN pad when the server asks for an approval.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog, type DialogProps } from '../../../components/Dialog.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { ApprovalDialog } from '../ApprovalDialog.js';
import type { StoreStaff } from '../lib/staff.js';
import { useKeyedAction } from './useKeyedAction.js';

export function SaleActionDialog<B extends object, R>({
  path,
  prepare,
  staff,
  onClose,
  onDone,
  submitLabel,
  submitTestId,
  errorTestId,
  bodyClassName,
  children,
  ...dialog
}: Pick<DialogProps, 'title' | 'icon' | 'tone' | 'testId' | 'className'> & {
  /** Where the body is posted. */
  path: string;
  /** The body to send, or null when the form is not valid yet (it then shows why). */
  prepare: () => B | null;
  staff: StoreStaff;
  onClose: () => void;
  /** Called with the server's answer once the action went through (after an approval too). */
  onDone: (result: R) => void;
  submitLabel: string;
  submitTestId: string;
  errorTestId: string;
  bodyClassName: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const action = useKeyedAction<B, R>(path);
  const submit = async () => {
    const body = prepare();
    if (!body) return;
    const result = await action.send(body);
    if (result) onDone(result);
  };
  return (
    <>
      <Dialog
        open
        onClose={onClose}
        {...dialog}
        footer={
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button variant="danger" onClick={() => void submit()} loading={action.sending} data-testid={submitTestId}>
              {submitLabel}
            </Button>
          </>
        }
      >
        <div className={bodyClassName}>
          {children}
          {action.error ? <ProblemAlert error={action.error} testId={errorTestId} /> : null}
        </div>
      </Dialog>
      {action.approval ? (
        <ApprovalDialog
          detail={action.approval.detail}
          error={action.approval.error}
          sending={action.approval.sending}
          approvers={staff.approvers}
          onApprove={(a) =>
            void action.approve(a).then((r) => {
              if (r) onDone(r);
            })
          }
          onCancel={action.cancelApproval}
        />
      ) : null}
    </>
  );
}
