import { type ReactNode, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.js';
import { cx } from './cx.js';
import { Icon, type IconName } from './icons.js';
import { useModal } from './overlay.js';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  icon?: IconName;
  tone?: 'default' | 'danger' | 'success';
  testId?: string;
  className?: string;
}

const toneClass = {
  default: 'bg-orchid-100 text-orchid-700',
  danger: 'bg-red-100 text-red-700',
  success: 'bg-emerald-100 text-emerald-700',
};

/** A centred modal for confirmations and short forms. */
export function Dialog({ open, onClose, title, children, footer, icon, tone = 'default', testId, className }: DialogProps) {
  const panel = useRef<HTMLDivElement>(null);
  useModal(open, panel, onClose);
  if (!open) return null;
  return createPortal(
    <div className="fixed inset-0 z-50 flex items-end justify-center p-0 sm:items-center sm:p-6">
      <div className="absolute inset-0 animate-fade-in bg-zinc-950/40" onClick={onClose} aria-hidden="true" />
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-label={typeof title === 'string' ? title : undefined}
        tabIndex={-1}
        data-testid={testId}
        className={cx(
          'relative w-full animate-pop-in rounded-t-2xl bg-white shadow-pop focus:outline-none sm:max-w-md sm:rounded-2xl',
          className,
        )}
      >
        <div className="flex gap-4 px-6 pb-4 pt-6">
          {icon ? (
            <div className={cx('flex size-10 shrink-0 items-center justify-center rounded-full', toneClass[tone])}>
              <Icon name={icon} className="size-5" />
            </div>
          ) : null}
          <div className="min-w-0 flex-1">
            <h2 className="text-lg font-semibold text-zinc-900">{title}</h2>
            {children ? <div className="mt-2 text-sm text-zinc-600">{children}</div> : null}
          </div>
        </div>
        {footer ? <div className="flex flex-wrap justify-end gap-2 px-6 pb-6 pt-2">{footer}</div> : null}
      </div>
    </div>,
    document.body,
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  loading?: boolean;
  error?: ReactNode;
  testId?: string;
}

/** "Are you sure?" for destructive actions such as archive and revoke. */
export function ConfirmDialog({ open, onClose, onConfirm, title, body, confirmLabel, loading, error, testId }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      icon="alert"
      tone="danger"
      testId={testId}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="danger" onClick={onConfirm} loading={loading} data-testid="confirm-button">
            {confirmLabel}
          </Button>
        </>
      }
    >
      {body}
      {error ? <div className="mt-3">{error}</div> : null}
    </Dialog>
  );
}
