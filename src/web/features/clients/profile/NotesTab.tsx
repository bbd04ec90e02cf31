import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { Button } from '../../../components/Button.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Textarea } from '../../../components/Input.js';
import { Card } from '../../../components/Page.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useFormat } from '../../../lib/format.js';
import { useCan, useMe } from '../../auth/session.js';
import { addNote, notesQuery } from '../api.js';
import type { Client } from '../types.js';

/** The notes timeline, newest first: who wrote what, when, at which store. */
export function NotesTab({ client }: { client: Client }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const format = useFormat();
  const queryClient = useQueryClient();
  const notes = useQuery(notesQuery(client.id));
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => addNote(client.id, body.trim()),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: notesQuery(client.id).queryKey });
    },
  });
  const storeName = (id: string | null) => (id && me.stores.length > 1 ? me.stores.find((s) => s.id === id)?.name : undefined);
  const canWrite = can('clients.write') && !client.mergedIntoId;

  return (
    <div className="mx-auto max-w-3xl space-y-6" data-testid="client-notes">
      {canWrite ? (
        <Card>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (body.trim()) add.mutate();
            }}
            className="space-y-3"
          >
            <label htmlFor="client-note" className="sr-only">
              {t('clients.notes.add')}
            </label>
            <Textarea
              id="client-note"
              data-testid="client-note-input"
              rows={3}
              maxLength={5000}
              value={body}
              placeholder={t('clients.notes.placeholder')}
              onChange={(e) => setBody(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && body.trim()) {
                  e.preventDefault();
                  add.mutate();
                }
              }}
            />
            {add.error ? <ProblemAlert error={add.error} /> : null}
            <div className="flex items-center justify-between gap-3">
              <p className="text-xs text-zinc-400">{t('clients.notes.hint')}</p>
              <Button type="submit" variant="primary" disabled={!body.trim()} loading={add.isPending} data-testid="client-note-add">
                {t('clients.notes.add')}
              </Button>
            </div>
          </form>
        </Card>
      ) : null}

      {notes.isPending ? (
        <Loading label={t('common.loading')} />
      ) : notes.isError ? (
        <ProblemAlert error={notes.error} />
      ) : notes.data.data.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState icon="message" title={t('clients.notes.emptyTitle')} description={t('clients.notes.emptyBody')} />
        </div>
      ) : (
        <ol className="relative space-y-4 border-l border-zinc-200 pl-6" data-testid="client-notes-list">
          {notes.data.data.map((n) => (
            <li key={n.id} className="relative" data-testid="client-note">
              <span className="absolute -left-[2.4rem] top-1">
                <Avatar name={n.authorName ?? '?'} seed={n.authorId ?? n.id} className="size-7 text-[11px] ring-4 ring-zinc-50" />
              </span>
              <div className="rounded-xl bg-white px-4 py-3 shadow-card ring-1 ring-zinc-200">
                <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                  <span className="font-medium text-zinc-900">{n.authorName ?? t('clients.notes.unknownAuthor')}</span>
                  <time dateTime={n.createdAt} className="text-zinc-500">
                    {format.dateTime(n.createdAt)}
                  </time>
                  {storeName(n.storeId) ? <span className="text-zinc-400">· {storeName(n.storeId)}</span> : null}
                </p>
                <p className="mt-1.5 whitespace-pre-wrap break-words text-[15px] text-zinc-800">{n.body}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
