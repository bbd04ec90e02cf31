import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Icon } from '../../components/icons.js';
import { LinkButton } from '../../components/LinkButton.js';
import type { StoreSummary } from '../../http/types.js';
import { useFormat } from '../../lib/format.js';
import { avatarName, fullName, otherName } from './format.js';
import { ClientIcon } from './icons.js';
import type { ClientSummary } from './types.js';

/** The search results as a listbox: the search box above moves the active row with the arrow keys. */
export function ClientResults({
  id,
  clients,
  active,
  onHover,
  optionId,
  stores,
  query,
  stale,
}: {
  id: string;
  clients: ClientSummary[];
  active: number;
  onHover: (index: number) => void;
  optionId: (c: ClientSummary) => string;
  stores: StoreSummary[];
  /** The query these results answer (for tests and assistive tech: they are fresh when not `stale`). */
  query: string;
  stale: boolean;
}) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const row = list.current?.children[active] as HTMLElement | undefined;
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  return (
    <div
      className={cx('overflow-hidden rounded-xl bg-white shadow-card ring-1 ring-zinc-200 transition-opacity', stale && 'opacity-60')}
      aria-busy={stale}
      data-query={stale ? undefined : query}
      data-testid="clients-results-panel"
    >
      <div
        aria-hidden="true"
        className="hidden grid-cols-[minmax(0,2.2fr)_minmax(0,1.6fr)_minmax(0,1.4fr)_8.5rem] gap-4 border-b border-zinc-200 bg-zinc-50/80 px-4 py-2.5 text-xs font-medium uppercase tracking-wide text-zinc-500 md:grid"
      >
        <span>{t('clients.columns.name')}</span>
        <span>{t('clients.columns.contact')}</span>
        <span>{t('clients.columns.tags')}</span>
        <span className="text-right">{t('clients.columns.lastVisit')}</span>
      </div>
      <div
        ref={list}
        id={id}
        role="listbox"
        aria-label={t('clients.resultsLabel')}
        data-testid="clients-results"
        className="divide-y divide-zinc-100"
      >
        {clients.map((c, index) => (
          <ClientRow
            key={c.id}
            client={c}
            id={optionId(c)}
            active={index === active}
            onHover={() => onHover(index)}
            storeName={stores.length > 1 ? stores.find((s) => s.id === c.homeStoreId)?.name : undefined}
          />
        ))}
      </div>
    </div>
  );
}

function ClientRow({
  client: c,
  id,
  active,
  onHover,
  storeName,
}: {
  client: ClientSummary;
  id: string;
  active: boolean;
  onHover: () => void;
  storeName: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = fullName(c);
  const other = otherName(c);
  return (
    <div
      id={id}
      role="option"
      tabIndex={-1}
      aria-selected={active}
      data-testid="client-row"
      data-client-id={c.id}
      onMouseMove={active ? undefined : onHover}
    >
      <Link
        to="/clients/$clientId"
        params={{ clientId: c.id }}
        tabIndex={-1}
        className={cx(
          'grid grid-cols-1 sm:grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1 px-4 py-3 transition-colors md:grid-cols-[minmax(0,2.2fr)_minmax(0,1.6fr)_minmax(0,1.4fr)_8.5rem]',
          active ? 'bg-orchid-50' : 'hover:bg-zinc-50',
        )}
      >
        <div className="flex min-w-0 items-center gap-3">
          <Avatar name={avatarName(c)} seed={c.id} className="size-10 text-sm" />
          <div className="min-w-0">
            <p className="flex min-w-0 items-center gap-2">
              <span className="truncate font-medium text-zinc-900" data-testid="client-row-name">
                {name}
              </span>
              {other ? <span className="truncate text-sm text-zinc-500">{other}</span> : null}
              {c.allergyReminder ? (
                <span title={c.allergyReminder} className="shrink-0">
                  <Badge tone="danger">
                    <Icon name="alert" className="size-3" />
                    <span className="max-sm:sr-only">{t('clients.allergy')}</span>
                  </Badge>
                </span>
              ) : null}
              {c.archived ? <Badge>{t('clients.archived')}</Badge> : null}
            </p>
            <p className="truncate text-sm text-zinc-500 md:hidden">{c.phoneDisplay ?? c.email ?? ''}</p>
            {storeName ? <p className="hidden truncate text-xs text-zinc-400 md:block">{storeName}</p> : null}
          </div>
        </div>
        <div className="hidden min-w-0 md:block">
          {c.phoneDisplay ? <p className="truncate text-sm tabular-nums text-zinc-800">{c.phoneDisplay}</p> : null}
          {c.email ? <p className="truncate text-sm text-zinc-500">{c.email}</p> : null}
          {!c.phoneDisplay && !c.email ? <p className="text-sm text-zinc-400">—</p> : null}
        </div>
        <div className="hidden min-w-0 flex-wrap gap-1 md:flex">
          {c.tags.slice(0, 3).map((tag) => (
            <Badge key={tag} tone="accent">
              {tag}
            </Badge>
          ))}
          {c.tags.length > 3 ? <Badge>+{c.tags.length - 3}</Badge> : null}
        </div>
        <div className="hidden text-right text-sm sm:block">
          {c.lastVisitAt ? (
            <span className="text-zinc-700">{format.date(c.lastVisitAt)}</span>
          ) : (
            <span className="text-zinc-400" title={t('clients.lastVisitSoon')}>
              {t('clients.noVisits')}
            </span>
          )}
        </div>
      </Link>
    </div>
  );
}

/** No clients at all yet, or none matching the search. */
export function NoClients({ query, onNew, canImport }: { query: string; onNew: (() => void) | undefined; canImport: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
      {query ? (
        <EmptyState
          icon="search"
          testId="clients-no-results"
          title={t('clients.noMatchesTitle', { query })}
          description={t('clients.noMatchesBody')}
          action={
            onNew ? (
              <Button variant="primary" icon="plus" onClick={onNew} data-testid="clients-new-from-search">
                {t('clients.addFromSearch', { query })}
              </Button>
            ) : null
          }
        />
      ) : (
        <EmptyState
          icon="users"
          testId="clients-empty"
          title={t('clients.emptyTitle')}
          description={t('clients.emptyBody')}
          action={
            <div className="flex flex-wrap justify-center gap-2">
              {onNew ? (
                <Button variant="primary" icon="plus" onClick={onNew}>
                  {t('clients.add')}
                </Button>
              ) : null}
              {canImport ? (
                <LinkButton to="/clients/import">
                  <ClientIcon name="upload" className="size-4" />
                  {t('clients.importButton')}
                </LinkButton>
              ) : null}
            </div>
          }
        />
      )}
    </div>
  );
}
