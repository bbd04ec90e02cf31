import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Input, Select } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { PageHeader } from '../../components/Page.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading, Spinner } from '../../components/Spinner.js';
import { api } from '../../http/client.js';
import type { Page } from '../../http/types.js';
import { useDebounced } from '../../lib/useDebounced.js';
import { useCan, useMe } from '../auth/session.js';
import { Guard } from '../shell/Guard.js';
import { SEARCH_LIMIT } from './api.js';
import { ClientDrawer, type ClientPrefill } from './ClientDrawer.js';
import { ClientResults, NoClients } from './ClientResults.js';
import { ClientsActions } from './ClientsActions.js';
import { isPhoneQuery, nextIndex } from './listNav.js';
import type { ClientSummary } from './types.js';

export function ClientsPage() {
  return (
    <Guard allow="clients.read">
      <ClientList />
    </Guard>
  );
}

function useClientSearch(q: string, storeId: string) {
  return useInfiniteQuery({
    queryKey: ['clients', 'search', { q, storeId }],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ClientSummary>>('/clients', {
        query: { q: q || undefined, storeId: storeId || undefined, limit: SEARCH_LIMIT, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

function ClientList() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  // The search lives in the URL (?q=), so coming back from a client card shows the same results.
  const { q: initialQ } = useSearch({ strict: false }) as { q?: string };
  const [text, setText] = useState(initialQ ?? '');
  const [storeId, setStoreId] = useState('');
  const [active, setActive] = useState(-1);
  const [creating, setCreating] = useState<ClientPrefill | null>(null);
  const q = useDebounced(text.trim(), 150);
  const search = useClientSearch(q, storeId);
  const clients = search.data?.pages.flatMap((p) => p.data) ?? [];
  const settling = text.trim() !== q || (search.isFetching && !search.isFetchingNextPage);
  // What is on screen may still be the previous query's results: Enter then waits for the fresh ones.
  const stale = text.trim() !== q || search.isPlaceholderData;
  const pendingEnter = useRef(false);

  // Only a new query updates the URL: re-running on a new `navigate` (it changes while the router moves
  // to a client card) would send the user back to the list.
  const syncedQ = useRef(initialQ ?? '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: q is the trigger; navigate is read, not watched
  useEffect(() => {
    setActive(q ? 0 : -1);
    if (q === syncedQ.current) return;
    syncedQ.current = q;
    void navigate({ to: '/clients', search: q ? { q } : {}, replace: true });
  }, [q]);

  // "/" anywhere on the page puts the cursor in the search box, as in most POS and admin tools.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const open = (client: ClientSummary) => void navigate({ to: '/clients/$clientId', params: { clientId: client.id } });

  useEffect(() => {
    if (stale || !pendingEnter.current) return;
    pendingEnter.current = false;
    const first = clients[0];
    if (first) void navigate({ to: '/clients/$clientId', params: { clientId: first.id } });
  }, [stale, clients, navigate]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      if (stale) {
        event.preventDefault();
        pendingEnter.current = true;
        return;
      }
      const client = clients[active] ?? (clients.length === 1 ? clients[0] : undefined);
      if (client) {
        event.preventDefault();
        open(client);
      }
      return;
    }
    if (event.key === 'Escape' && text) {
      event.preventDefault();
      setText('');
      return;
    }
    const next = nextIndex(active, event.key, clients.length);
    if (next !== null) {
      event.preventDefault();
      setActive(next);
    }
  };

  const newFromSearch = (): ClientPrefill => {
    const typed = text.trim();
    if (!typed) return {};
    if (isPhoneQuery(typed)) return { phone: typed };
    if (typed.includes('@')) return { email: typed };
    return { name: typed };
  };

  const canWrite = can('clients.write');
  const activeId = clients[active] ? `${listId}-${clients[active].id}` : undefined;

  return (
    <div data-testid="clients-page">
      <PageHeader
        title={t('clients.title')}
        description={t('clients.subtitle')}
        actions={<ClientsActions onNew={canWrite ? () => setCreating(newFromSearch()) : undefined} />}
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <div className="relative w-full sm:min-w-0 sm:max-w-xl sm:flex-1">
          <Icon name="search" className="pointer-events-none absolute left-3.5 top-1/2 size-5 -translate-y-1/2 text-zinc-400" />
          <Input
            ref={input}
            data-testid="clients-search"
            className="h-12 rounded-xl pl-11 pr-10 text-base"
            type="search"
            role="combobox"
            aria-expanded={clients.length > 0}
            aria-controls={listId}
            aria-activedescendant={activeId}
            aria-autocomplete="list"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            autoFocus
            value={text}
            placeholder={t('clients.searchPlaceholder')}
            aria-label={t('clients.searchLabel')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
          />
          {settling ? <Spinner className="absolute right-3.5 top-1/2 size-4 -translate-y-1/2 text-orchid-600" /> : null}
        </div>
        {me.stores.length > 1 ? (
          <Select
            data-testid="clients-store-filter"
            value={storeId}
            onChange={(e) => setStoreId(e.target.value)}
            aria-label={t('clients.storeFilter')}
            className="w-48"
          >
            <option value="">{t('common.allStores')}</option>
            {me.stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        ) : null}
        <p className="hidden text-xs text-zinc-400 xl:block">{t('clients.keyboardHint')}</p>
      </div>

      {search.isPending ? (
        <Loading label={t('common.loading')} />
      ) : search.isError ? (
        <ProblemAlert error={search.error} />
      ) : clients.length === 0 ? (
        <NoClients query={q} onNew={canWrite ? () => setCreating(newFromSearch()) : undefined} canImport={can('clients.import')} />
      ) : (
        <>
          <ClientResults
            id={listId}
            clients={clients}
            active={active}
            onHover={setActive}
            optionId={(c) => `${listId}-${c.id}`}
            stores={me.stores}
            query={q}
            stale={stale}
          />
          {search.hasNextPage ? (
            <div className="mt-4 flex justify-center">
              <Button onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage} data-testid="clients-more">
                {t('clients.showMore')}
              </Button>
            </div>
          ) : null}
        </>
      )}
      {creating ? <ClientDrawer client={null} prefill={creating} onClose={() => setCreating(null)} /> : null}
    </div>
  );
}
