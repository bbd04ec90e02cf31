// What the product and service drawers share around the form: archive, restore and delete (with the
// delete dialog), the "archived" badge beside the title, and the cancel / save buttons of the footer.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { useToast } from '../../components/Toast.js';
import { DeleteDialog } from './DeleteDialog.js';

type Kind = 'product' | 'service';
type Named = { displayName: string };

/** finish(message): refresh the catalog, say it, close. restore / archive: the item's two mutations. */
export function useCatalogLifecycle<T extends Named>({
  kind,
  restore,
  archive,
  onArchived,
  onClose,
}: {
  kind: Kind;
  restore: () => Promise<T>;
  archive: () => Promise<T>;
  onArchived?: (saved: T) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const finish = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: ['catalog'] });
    toast(message);
    onClose();
  };
  return {
    finish,
    restore: useMutation({
      mutationFn: restore,
      onSuccess: (saved) => finish(t(`catalog.${kind}.restored`, { name: saved.displayName })),
    }),
    archive: useMutation({
      mutationFn: archive,
      onSuccess: (saved) => {
        onArchived?.(saved);
        finish(t(`catalog.${kind}.archived`, { name: saved.displayName }));
      },
    }),
  };
}

type Action = { isPending: boolean; mutate: () => void };
type Lifecycle = { finish: (message: string) => void; restore: Action; archive: Action };

/** Restore (when archived) or archive, and delete, which may offer to archive instead. */
export function CatalogItemActions({
  kind,
  item,
  lifecycle,
  remove,
  archiveNow,
}: {
  kind: Kind;
  item: Named & { archived: boolean };
  lifecycle: Lifecycle;
  remove: () => Promise<unknown>;
  archiveNow: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [deleting, setDeleting] = useState(false);
  const { restore, archive, finish } = lifecycle;
  return (
    <div className="mr-auto flex gap-1">
      {item.archived ? (
        <Button variant="ghost" icon="refresh" loading={restore.isPending} onClick={() => restore.mutate()} data-testid={`${kind}-restore`}>
          {t('catalog.restore')}
        </Button>
      ) : (
        <Button variant="ghost" icon="archive" loading={archive.isPending} onClick={() => archive.mutate()} data-testid={`${kind}-archive`}>
          {t('catalog.archive')}
        </Button>
      )}
      <Button variant="danger-ghost" icon="trash" onClick={() => setDeleting(true)} data-testid={`${kind}-delete`}>
        {t('catalog.delete.button')}
      </Button>
      <DeleteDialog
        open={deleting}
        name={item.displayName}
        onClose={() => setDeleting(false)}
        remove={remove}
        archive={archiveNow}
        onDone={(what) =>
          finish(
            what === 'deleted'
              ? t(`catalog.${kind}.deleted`, { name: item.displayName })
              : t(`catalog.${kind}.archived`, { name: item.displayName }),
          )
        }
      />
    </div>
  );
}

/** The drawer's description for an existing item: its line, and a badge when it is archived. */
export function ArchivedLine({ archived, children }: { archived: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <span className="flex items-center gap-2">
      {children}
      {archived ? <Badge>{t('catalog.archivedBadge')}</Badge> : null}
    </span>
  );
}

/** Cancel (close when read-only) and the submit button of the `${kind}-form` form. */
export function CatalogFormButtons({
  kind,
  readOnly,
  saving,
  label,
  onClose,
}: {
  kind: Kind;
  readOnly: boolean;
  saving: boolean;
  label: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Button onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
      {!readOnly ? (
        <Button type="submit" form={`${kind}-form`} variant="primary" loading={saving} data-testid={`${kind}-form-submit`}>
          {label}
        </Button>
      ) : null}
    </>
  );
}
