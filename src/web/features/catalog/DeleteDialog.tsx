import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { Alert, ProblemAlert, useProblemText } from '../../components/ProblemAlert.js';
import { isApiError } from '../../http/problem.js';

/**
 * Delete something never booked or sold. When the server says it is in use (409 in_use), explain
 * why in its words and offer to archive it instead.
 */
export function DeleteDialog({
  open,
  name,
  onClose,
  remove,
  archive,
  onDone,
}: {
  open: boolean;
  name: string;
  onClose: () => void;
  remove: () => Promise<unknown>;
  archive: () => Promise<unknown>;
  onDone: (what: 'deleted' | 'archived') => void;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const del = useMutation({ mutationFn: remove, onSuccess: () => onDone('deleted') });
  const arch = useMutation({ mutationFn: archive, onSuccess: () => onDone('archived') });
  const inUse = isApiError(del.error) && del.error.code === 'in_use';
  const close = () => {
    del.reset();
    arch.reset();
    onClose();
  };
  const problem = inUse ? problemText(del.error) : null;
  return (
    <Dialog
      open={open}
      onClose={close}
      icon={inUse ? 'archive' : 'trash'}
      tone={inUse ? 'default' : 'danger'}
      title={inUse ? t('catalog.delete.inUseTitle', { name }) : t('catalog.delete.title', { name })}
      testId="delete-dialog"
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          {inUse ? (
            <Button
              variant="primary"
              icon="archive"
              loading={arch.isPending}
              onClick={() => arch.mutate()}
              data-testid="delete-archive-instead"
            >
              {t('catalog.delete.archiveInstead')}
            </Button>
          ) : (
            <Button variant="danger" icon="trash" loading={del.isPending} onClick={() => del.mutate()} data-testid="delete-confirm">
              {t('catalog.delete.confirm')}
            </Button>
          )}
        </>
      }
    >
      {inUse && problem ? (
        <Alert tone="warning" title={problem.title} testId="delete-in-use">
          {problem.detail ? <p>{problem.detail}</p> : null}
        </Alert>
      ) : (
        <p>{t('catalog.delete.body')}</p>
      )}
      {del.error && !inUse ? <ProblemAlert error={del.error} className="mt-3" /> : null}
      {arch.error ? <ProblemAlert error={arch.error} className="mt-3" /> : null}
    </Dialog>
  );
}
