import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { Badge } from '../../../components/Badge.js';
import { Button, buttonClass } from '../../../components/Button.js';
import { ConfirmDialog } from '../../../components/Dialog.js';
import { Icon } from '../../../components/icons.js';
import { Menu, MenuItem } from '../../../components/Menu.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { LANGUAGE_NAMES } from '../../../i18n/languages.js';
import { useCan, useMe } from '../../auth/session.js';
import { archiveClient, clientQuery, restoreClient } from '../api.js';
import { avatarName, fullName, otherName } from '../format.js';
import { ClientIcon } from '../icons.js';
import type { Client } from '../types.js';

/** Who this is, how to reach them, and the allergy reminder where nobody can miss it. */
export function ProfileHeader({ client: c, onEdit }: { client: Client; onEdit: (() => void) | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const other = otherName(c);
  const store = me.stores.find((s) => s.id === c.homeStoreId);

  const archive = useMutation({
    mutationFn: () => (c.archived ? restoreClient(c.id, c.version) : archiveClient(c.id, c.version)),
    onSuccess: (saved) => {
      queryClient.setQueryData(clientQuery(c.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['clients', 'search'] });
      toast(
        saved.archived
          ? t('clients.profile.archived', { name: fullName(saved) })
          : t('clients.profile.restored', { name: fullName(saved) }),
      );
      setConfirm(false);
    },
  });

  return (
    <section className="rounded-xl bg-white p-5 shadow-card ring-1 ring-zinc-200 sm:p-6" data-testid="client-header">
      {c.mergedIntoId ? (
        <Alert
          tone="info"
          className="mb-5"
          title={t('clients.profile.mergedTitle')}
          action={
            <Link to="/clients/$clientId" params={{ clientId: c.mergedIntoId }} className={buttonClass('secondary', 'sm')}>
              {t('clients.profile.openMerged')}
            </Link>
          }
        />
      ) : null}
      <div className="flex flex-wrap items-start gap-4 sm:flex-nowrap sm:gap-5">
        <Avatar name={avatarName(c)} seed={c.id} className="size-14 text-lg sm:size-16 sm:text-xl" />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <h1 className="text-2xl font-semibold tracking-tight text-zinc-900" data-testid="client-name">
              {fullName(c)}
            </h1>
            {other ? (
              <span className="text-lg text-zinc-500" data-testid="client-preferred-name">
                {other}
              </span>
            ) : null}
            {c.archived && !c.mergedIntoId ? <Badge>{t('clients.archived')}</Badge> : null}
          </div>
          <dl className="mt-2 flex flex-wrap items-center gap-x-5 gap-y-1.5 text-sm text-zinc-600">
            {c.phoneDisplay ? (
              <div className="flex items-center gap-1.5">
                <dt className="sr-only">{t('clients.fields.phone')}</dt>
                <Icon name="phone" className="size-4 text-zinc-400" />
                <dd>
                  <a href={`tel:${c.phone ?? ''}`} className="tabular-nums hover:text-orchid-700" data-testid="client-phone">
                    {c.phoneDisplay}
                  </a>
                </dd>
              </div>
            ) : null}
            {c.email ? (
              <div className="flex min-w-0 items-center gap-1.5">
                <dt className="sr-only">{t('clients.fields.email')}</dt>
                <Icon name="mail" className="size-4 text-zinc-400" />
                <dd className="min-w-0 truncate">
                  <a href={`mailto:${c.email}`} className="hover:text-orchid-700">
                    {c.email}
                  </a>
                </dd>
              </div>
            ) : null}
            <div className="flex items-center gap-1.5">
              <dt className="sr-only">{t('clients.fields.language')}</dt>
              <Icon name="globe" className="size-4 text-zinc-400" />
              <dd>{LANGUAGE_NAMES[c.language]}</dd>
            </div>
            {store ? (
              <div className="flex items-center gap-1.5">
                <dt className="sr-only">{t('clients.fields.homeStore')}</dt>
                <Icon name="store" className="size-4 text-zinc-400" />
                <dd>{store.name}</dd>
              </div>
            ) : null}
          </dl>
          {c.tags.length ? (
            <div className="mt-3 flex flex-wrap items-center gap-1.5" data-testid="client-tags">
              <ClientIcon name="tag" className="size-4 text-zinc-400" />
              {c.tags.map((tag) => (
                <Badge key={tag} tone="accent">
                  {tag}
                </Badge>
              ))}
            </div>
          ) : null}
        </div>
        <div className="flex w-full items-center gap-2 sm:w-auto">
          {onEdit ? (
            <Button icon="pencil" onClick={onEdit} data-testid="client-edit" className="flex-1 sm:flex-none">
              {t('common.edit')}
            </Button>
          ) : null}
          {can('clients.write') && !c.mergedIntoId ? (
            <Menu
              label={t('clients.more')}
              testId="client-menu"
              trigger={() => (
                <span className={buttonClass('secondary', 'md', 'px-3')}>
                  <Icon name="more" className="size-4" />
                </span>
              )}
            >
              {(close) => (
                <MenuItem
                  icon="archive"
                  danger={!c.archived}
                  testId="client-archive"
                  onSelect={() => {
                    close();
                    if (c.archived) archive.mutate();
                    else setConfirm(true);
                  }}
                >
                  {c.archived ? t('clients.profile.restore') : t('clients.profile.archive')}
                </MenuItem>
              )}
            </Menu>
          ) : null}
        </div>
      </div>
      {c.preferences.allergyReminder ? (
        <div
          className="mt-5 flex items-start gap-3 rounded-xl bg-red-50 px-4 py-3 text-red-900 ring-1 ring-inset ring-red-200"
          role="note"
          data-testid="client-allergy"
        >
          <Icon name="alert" className="mt-0.5 size-5 text-red-600" />
          <div className="min-w-0">
            <p className="text-xs font-semibold uppercase tracking-wide text-red-700">{t('clients.profile.allergyTitle')}</p>
            <p className="font-medium">{c.preferences.allergyReminder}</p>
          </div>
        </div>
      ) : null}
      {archive.error && !confirm ? <ProblemAlert error={archive.error} className="mt-4" /> : null}
      <ConfirmDialog
        open={confirm}
        onClose={() => setConfirm(false)}
        onConfirm={() => archive.mutate()}
        loading={archive.isPending}
        title={t('clients.profile.archiveTitle', { name: fullName(c) })}
        body={t('clients.profile.archiveBody')}
        confirmLabel={t('clients.profile.archive')}
        error={archive.error ? <ProblemAlert error={archive.error} /> : null}
        testId="client-archive-dialog"
      />
    </section>
  );
}
