// The client on the ticket: a chip with their name, phone and allergy reminder, or "Add client" which
// searches as you type (name, pinyin, initials, phone digits — the server's search keys).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { Button, IconButton } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Dialog } from '../../../components/Dialog.js';
import { Icon } from '../../../components/icons.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Spinner } from '../../../components/Spinner.js';
import { useDebounced } from '../../../lib/useDebounced.js';
import { clientQuery, clientSearchQuery } from '../../clients/api.js';
import { avatarName, fullName } from '../../clients/format.js';
import type { ClientSummary } from '../../clients/types.js';

export function ClientChip({
  clientId,
  disabled,
  onChange,
}: {
  clientId: string | null;
  disabled?: boolean;
  onChange: (client: ClientSummary | null) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const client = useQuery({ ...clientQuery(clientId ?? ''), enabled: !!clientId, staleTime: 60_000 });

  if (!clientId) {
    return (
      <>
        <button
          type="button"
          onClick={() => setOpen(true)}
          disabled={disabled}
          data-testid="ticket-client-add"
          className="flex h-12 w-full items-center gap-3 rounded-xl border border-dashed border-zinc-300 px-3 text-left text-sm font-medium text-zinc-600 transition-colors hover:border-orchid-400 hover:bg-orchid-50/50 hover:text-orchid-800"
        >
          <span className="flex size-8 items-center justify-center rounded-full bg-zinc-100">
            <Icon name="user" className="size-4" />
          </span>
          <span className="flex-1">{t('checkout.ticket.addClient')}</span>
          <Icon name="plus" className="size-4" />
        </button>
        {open ? (
          <ClientSearchDialog
            onClose={() => setOpen(false)}
            onPick={(c) => {
              setOpen(false);
              onChange(c);
            }}
          />
        ) : null}
      </>
    );
  }

  const c = client.data;
  return (
    <div className="space-y-2">
      <div className="flex h-12 items-center gap-3 rounded-xl bg-orchid-50/70 px-2 ring-1 ring-orchid-100" data-testid="ticket-client">
        {c ? <Avatar name={avatarName(c)} seed={c.id} className="size-8 text-xs" /> : <Spinner className="mx-2 size-4 text-orchid-600" />}
        <button type="button" className="min-w-0 flex-1 text-left" onClick={() => setOpen(true)} disabled={disabled}>
          <p className="truncate text-sm font-semibold text-zinc-900" data-testid="ticket-client-name">
            {c ? fullName(c) || c.preferredName : '…'}
          </p>
          <p className="truncate text-xs text-zinc-500">{c ? (c.phoneDisplay ?? c.phone ?? c.email ?? '') : ''}</p>
        </button>
        <IconButton
          icon="x"
          size="sm"
          label={t('checkout.ticket.removeClient')}
          onClick={() => onChange(null)}
          disabled={disabled}
          data-testid="ticket-client-clear"
        />
      </div>
      {c?.allergyReminder ? (
        <p className="flex items-start gap-1.5 rounded-lg bg-amber-50 px-2.5 py-1.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200">
          <Icon name="alert" className="mt-px size-3.5 text-amber-600" />
          {c.allergyReminder}
        </p>
      ) : null}
      {open ? (
        <ClientSearchDialog
          onClose={() => setOpen(false)}
          onPick={(picked) => {
            setOpen(false);
            onChange(picked);
          }}
        />
      ) : null}
    </div>
  );
}

function ClientSearchDialog({ onClose, onPick }: { onClose: () => void; onPick: (c: ClientSummary) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const term = useDebounced(q.trim(), 150);
  const results = useQuery({ ...clientSearchQuery({ q: term, storeId: undefined }), enabled: term.length > 0 });
  const list = term ? (results.data?.data ?? []).filter((c) => !c.archived && !c.mergedIntoId).slice(0, 8) : [];
  return (
    <Dialog open onClose={onClose} title={t('checkout.ticket.findClient')} testId="client-search-dialog" className="sm:max-w-lg">
      <div className="space-y-3">
        <div className="relative">
          <Icon name="search" className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
          <input
            autoFocus
            type="search"
            value={q}
            data-testid="client-search-input"
            onChange={(e) => {
              setQ(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, list.length - 1));
              else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
              else if (e.key === 'Enter' && list[active]) {
                e.preventDefault();
                onPick(list[active]!);
              }
            }}
            placeholder={t('checkout.ticket.clientSearchPlaceholder')}
            aria-label={t('checkout.ticket.clientSearchPlaceholder')}
            className="block h-12 w-full rounded-xl border-0 bg-white pl-9 pr-3 text-base text-zinc-900 shadow-sm ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-orchid-600"
          />
        </div>
        {results.isError ? <ProblemAlert error={results.error} /> : null}
        <ul className="max-h-80 space-y-1 overflow-y-auto" aria-label={t('checkout.ticket.findClient')}>
          {list.map((c, i) => (
            <li key={c.id}>
              <button
                type="button"
                data-testid="client-search-option"
                onClick={() => onPick(c)}
                onMouseEnter={() => setActive(i)}
                className={cx(
                  'flex w-full items-center gap-3 rounded-xl px-3 py-2.5 text-left',
                  i === active ? 'bg-orchid-50' : 'hover:bg-zinc-50',
                )}
              >
                <Avatar name={avatarName(c)} seed={c.id} className="size-9 text-sm" />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium text-zinc-900">{fullName(c) || c.preferredName}</span>
                  <span className="block truncate text-sm text-zinc-500">{c.phoneDisplay ?? c.phone ?? c.email ?? ''}</span>
                </span>
                {c.allergyReminder ? <Icon name="alert" className="size-4 text-amber-500" /> : null}
              </button>
            </li>
          ))}
        </ul>
        {term && results.isSuccess && list.length === 0 ? (
          <p className="px-1 py-4 text-center text-sm text-zinc-500">{t('checkout.ticket.noClients')}</p>
        ) : null}
        {!term ? <p className="px-1 py-2 text-sm text-zinc-500">{t('checkout.ticket.clientSearchHint')}</p> : null}
        <div className="flex justify-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </div>
    </Dialog>
  );
}
