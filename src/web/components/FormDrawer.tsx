import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.js';
import { Drawer, type DrawerProps } from './Drawer.js';

/**
 * A drawer holding one form, with Cancel and a primary submit button in its footer. Enter in a field
 * submits too (through a hidden submit button); both call onSubmit, which validates and sends.
 */
export function FormDrawer({
  onClose,
  onSubmit,
  submitLabel,
  submitting,
  submitDisabled = false,
  submitTestId,
  children,
  ...drawer
}: Omit<DrawerProps, 'open' | 'footer' | 'children' | 'onClose'> & {
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  submitting: boolean;
  /** The submit button is off (and Enter does nothing) until the form can be sent. */
  submitDisabled?: boolean;
  submitTestId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open
      onClose={onClose}
      {...drawer}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" onClick={onSubmit} loading={submitting} disabled={submitDisabled} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form
        className="space-y-6"
        onSubmit={(e) => {
          e.preventDefault();
          if (!submitDisabled) onSubmit();
        }}
      >
        {children}
        <button type="submit" className="hidden" aria-hidden="true" tabIndex={-1} />
      </form>
    </Drawer>
  );
}
