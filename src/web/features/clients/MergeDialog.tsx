import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { Dialog } from '../../components/Dialog.js';
import { Icon } from '../../components/icons.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { useToast } from '../../components/Toast.js';
import { mergeClients, mergePreviewQuery } from './api.js';
import { fullName } from './format.js';
import type { ClientSummary, DuplicatePair } from './types.js';

const KNOWN_MOVES = ['notes', 'tags', 'consentHistory', 'customFields'] as const;
type KnownMove = (typeof KNOWN_MOVES)[number];
const isKnownMove = (kind: string): kind is KnownMove => (KNOWN_MOVES as readonly string[]).includes(kind);
type FillKey =
  | 'preferredName'
  | 'phone'
  | 'email'
  | 'gender'
  | 'source'
  | 'referrer'
  | 'favouriteStaff'
  | 'pressure'
  | 'birthday'
  | 'birthYear'
  | 'focusAreas'
  | 'allergyReminder'
  | 'health'
  | 'healthBlanks';
const FILL_KEYS: Record<string, FillKey> = {
  preferred_name: 'preferredName',
  phone: 'phone',
  email: 'email',
  gender: 'gender',
  source: 'source',
  referrer: 'referrer',
  favourite_staff_id: 'favouriteStaff',
  pressure: 'pressure',
  birth_month: 'birthday',
  birth_year: 'birthYear',
  focus_areas: 'focusAreas',
  allergy_reminder: 'allergyReminder',
  health: 'health',
  'health (blanks filled)': 'healthBlanks',
};

/**
 * Merge two cards: choose which one stays, read exactly what moves (from the server's preview), confirm.
 * Nothing is deleted; the other card is archived and points to the kept one.
 */
export function MergeDialog({ pair, onClose }: { pair: DuplicatePair; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [keepA, setKeepA] = useState(true);
  const keep = keepA ? pair.a : pair.b;
  const drop = keepA ? pair.b : pair.a;
  const preview = useQuery(mergePreviewQuery(keep.id, drop.id));
  // Two cards with the same name are told apart by their phone or email.
  const sameName = fullName(pair.a) === fullName(pair.b);
  const label = (c: ClientSummary) =>
    sameName && (c.phoneDisplay || c.email) ? `${fullName(c)} (${c.phoneDisplay ?? c.email})` : fullName(c);

  const merge = useMutation({
    mutationFn: () => {
      const p = preview.data;
      return mergeClients({
        keepId: keep.id,
        mergeId: drop.id,
        keepVersion: p?.keep.version ?? keep.version,
        mergeVersion: p?.merge.version ?? drop.version,
      });
    },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['clients'] });
      toast(t('clients.merge.done', { name: fullName(result.client) }));
      onClose();
    },
  });

  const moves = preview.data ? Object.entries(preview.data.moves).filter(([, n]) => n > 0) : [];
  const fills = preview.data?.fills ?? [];
  const moveLabel = (kind: string, n: number) =>
    isKnownMove(kind) ? t(`clients.merge.moves.${kind}`, { count: n }) : t('clients.merge.moves.other', { count: n, kind });
  const fillLabel = (f: string) => {
    const key = FILL_KEYS[f];
    return key ? t(`clients.merge.fills.${key}`) : f;
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('clients.merge.title')}
      icon="users"
      testId="merge-dialog"
      className="sm:max-w-2xl!"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            onClick={() => merge.mutate()}
            loading={merge.isPending}
            disabled={!preview.data}
            data-testid="merge-confirm"
          >
            {t('clients.merge.confirm', { name: fullName(keep) })}
          </Button>
        </>
      }
    >
      <p>{t('clients.merge.choose')}</p>
      <fieldset className="mt-3 grid gap-2 sm:grid-cols-2">
        <legend className="sr-only">{t('clients.merge.choose')}</legend>
        {[pair.a, pair.b].map((c, i) => (
          <KeepOption
            key={c.id}
            client={c}
            name={`merge-keep-${pair.a.id}`}
            selected={(i === 0) === keepA}
            onSelect={() => setKeepA(i === 0)}
            testId={`merge-keep-${i === 0 ? 'a' : 'b'}`}
          />
        ))}
      </fieldset>
      <div className="mt-4 rounded-lg bg-zinc-50 p-4 ring-1 ring-inset ring-zinc-200" data-testid="merge-preview">
        {preview.isPending ? (
          <Loading label={t('common.loading')} />
        ) : preview.isError ? (
          <ProblemAlert error={preview.error} />
        ) : (
          <div className="space-y-3 text-sm text-zinc-700">
            <div>
              <p className="font-medium text-zinc-900">{t('clients.merge.movesTitle', { from: label(drop), to: label(keep) })}</p>
              {moves.length ? (
                <ul className="mt-1 list-disc space-y-0.5 pl-5">
                  {moves.map(([kind, n]) => (
                    <li key={kind}>{moveLabel(kind, n)}</li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1 text-zinc-500">{t('clients.merge.nothingMoves')}</p>
              )}
            </div>
            {fills.length ? (
              <div>
                <p className="font-medium text-zinc-900">{t('clients.merge.fillsTitle', { to: label(keep) })}</p>
                <p className="mt-1">{fills.map(fillLabel).join(t('clients.merge.listSeparator'))}</p>
              </div>
            ) : null}
            <p className="flex items-start gap-2 text-zinc-600">
              <Icon name="info" className="mt-0.5 size-4 text-zinc-400" />
              {t('clients.merge.afterwards', { from: label(drop), to: label(keep) })}
            </p>
          </div>
        )}
      </div>
      {merge.error ? <ProblemAlert error={merge.error} className="mt-3" /> : null}
    </Dialog>
  );
}

function KeepOption({
  client: c,
  name,
  selected,
  onSelect,
  testId,
}: {
  client: ClientSummary;
  name: string;
  selected: boolean;
  onSelect: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <label
      data-testid={testId}
      className={cx(
        'flex min-w-0 cursor-pointer items-start gap-3 rounded-lg p-3 text-left ring-1 ring-inset transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-orchid-500',
        selected ? 'bg-orchid-50 ring-2 ring-orchid-600' : 'bg-white ring-zinc-200 hover:bg-zinc-50',
      )}
    >
      <input type="radio" name={name} checked={selected} onChange={onSelect} className="mt-0.5 size-4 shrink-0 accent-orchid-700" />
      <span className="min-w-0">
        <span className="block truncate font-medium text-zinc-900">{fullName(c)}</span>
        <span className="block truncate text-xs text-zinc-500">{[c.phoneDisplay, c.email].filter(Boolean).join(' · ') || '—'}</span>
        <span className={cx('mt-1 block text-xs font-medium', selected ? 'text-orchid-700' : 'text-zinc-400')}>
          {selected ? t('clients.merge.keeps') : t('clients.merge.mergedAway')}
        </span>
      </span>
    </label>
  );
}
