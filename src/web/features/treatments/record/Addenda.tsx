// Addenda: after its 24 hours a record is never changed, only completed — who added what, and when.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { Button } from '../../../components/Button.js';
import { Textarea } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { useFormat } from '../../../lib/format.js';
import { useCan } from '../../auth/session.js';
import { addAddendum, recordQuery, TREATMENTS_KEY } from '../api.js';
import type { TreatmentRecord } from '../types.js';

export function Addenda({ record, autoFocus = false }: { record: TreatmentRecord; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const fmt = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => addAddendum(record.id, body.trim()),
    onSuccess: (saved) => {
      queryClient.setQueryData(recordQuery(record.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: TREATMENTS_KEY });
      setBody('');
      toast(t('treatments.addenda.added'));
    },
  });
  const list = record.addenda ?? [];
  return (
    <div className="space-y-4" data-testid="addenda">
      {list.length ? (
        <ol className="space-y-3">
          {list.map((a) => (
            <li key={a.id} className="flex gap-3" data-testid="addendum">
              <Avatar name={a.authorName || '?'} seed={a.authorId} className="size-8 text-xs" />
              <div className="min-w-0 flex-1 rounded-xl bg-zinc-50 px-3 py-2 ring-1 ring-zinc-200">
                <p className="text-xs text-zinc-500">
                  {a.authorName} · {fmt.dateTime(a.createdAt)}
                </p>
                <p className="mt-0.5 whitespace-pre-wrap text-sm text-zinc-800">{a.body}</p>
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-zinc-500">{t('treatments.addenda.none')}</p>
      )}
      {can('treatments.write') ? (
        <div className="space-y-2">
          <Textarea
            rows={3}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder={t('treatments.addenda.placeholder')}
            aria-label={t('treatments.addenda.add')}
            className="text-base"
            autoFocus={autoFocus}
            data-testid="addendum-body"
          />
          <div className="flex items-center justify-between gap-3">
            <p className="text-xs text-zinc-500">{t('treatments.addenda.hint')}</p>
            <Button
              variant="primary"
              size="lg"
              onClick={() => add.mutate()}
              disabled={!body.trim()}
              loading={add.isPending}
              data-testid="addendum-add"
            >
              {t('treatments.addenda.add')}
            </Button>
          </div>
          <ProblemAlert error={add.error} />
        </div>
      ) : null}
    </div>
  );
}
