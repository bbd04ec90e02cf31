import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Icon } from '../../components/icons.js';
import { PageHeader } from '../../components/Page.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { useMe } from '../auth/session.js';
import { Guard } from '../shell/Guard.js';
import { duplicatesQuery } from './api.js';
import { avatarName, fullName, otherName } from './format.js';
import { ClientIcon } from './icons.js';
import { MergeDialog } from './MergeDialog.js';
import type { ClientSummary, DuplicatePair } from './types.js';

export function DuplicatesPage() {
  return (
    <Guard allow="clients.merge">
      <Duplicates />
    </Guard>
  );
}

function Duplicates() {
  const { t } = useTranslation();
  const pairs = useQuery(duplicatesQuery);
  const [merging, setMerging] = useState<DuplicatePair | null>(null);

  return (
    <div data-testid="duplicates-page">
      <Link to="/clients" className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-zinc-500 hover:text-zinc-800">
        <Icon name="chevronLeft" className="size-4" />
        {t('clients.title')}
      </Link>
      <PageHeader title={t('clients.duplicates.title')} description={t('clients.duplicates.subtitle')} />
      {pairs.isPending ? (
        <Loading label={t('common.loading')} />
      ) : pairs.isError ? (
        <ProblemAlert error={pairs.error} />
      ) : pairs.data.data.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState
            icon="checkCircle"
            testId="duplicates-empty"
            title={t('clients.duplicates.emptyTitle')}
            description={t('clients.duplicates.emptyBody')}
          />
        </div>
      ) : (
        <ul className="space-y-4" data-testid="duplicates-list">
          {pairs.data.data.map((pair) => (
            <li
              key={`${pair.a.id}|${pair.b.id}`}
              className="rounded-xl bg-white p-4 shadow-card ring-1 ring-zinc-200 sm:p-5"
              data-testid="duplicate-pair"
            >
              <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                <div className="flex flex-wrap gap-1.5">
                  {pair.reasons.map((r) => (
                    <Badge key={r} tone="warning">
                      {t(`clients.duplicates.reasons.${r}`)}
                    </Badge>
                  ))}
                </div>
                <Button size="sm" variant="primary" onClick={() => setMerging(pair)} data-testid="duplicate-merge">
                  <ClientIcon name="merge" className="size-4" />
                  {t('clients.duplicates.merge')}
                </Button>
              </div>
              <div className="grid gap-3 md:grid-cols-2">
                <Side client={pair.a} pair={pair} />
                <Side client={pair.b} pair={pair} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {merging ? <MergeDialog pair={merging} onClose={() => setMerging(null)} /> : null}
    </div>
  );
}

/** One card of a pair; the values that match the other card are highlighted. */
export function Side({ client: c, pair }: { client: ClientSummary; pair: DuplicatePair }) {
  const { t } = useTranslation();
  const me = useMe();
  const other = otherName(c);
  const store = me.stores.length > 1 ? me.stores.find((s) => s.id === c.homeStoreId)?.name : undefined;
  const hi = (reason: 'phone' | 'email') => (pair.reasons.includes(reason) ? 'rounded bg-amber-100 px-1 text-amber-900' : '');
  return (
    <div className="flex min-w-0 items-start gap-3 rounded-lg bg-zinc-50 p-3 ring-1 ring-inset ring-zinc-200">
      <Avatar name={avatarName(c)} seed={c.id} className="size-10 text-sm" />
      <div className="min-w-0 flex-1 space-y-0.5 text-sm">
        <Link
          to="/clients/$clientId"
          params={{ clientId: c.id }}
          className="block truncate font-medium text-zinc-900 hover:text-orchid-700"
        >
          {fullName(c)} {other ? <span className="font-normal text-zinc-500">{other}</span> : null}
        </Link>
        <p className="truncate tabular-nums text-zinc-600">
          <span className={hi('phone')}>{c.phoneDisplay ?? t('clients.duplicates.noPhone')}</span>
        </p>
        <p className="truncate text-zinc-600">
          <span className={hi('email')}>{c.email ?? t('clients.duplicates.noEmail')}</span>
        </p>
        {c.tags.length || store ? (
          <div className="flex flex-wrap items-center gap-1 pt-1">
            {store ? <span className="mr-1 text-xs text-zinc-500">{store}</span> : null}
            {c.tags.map((tag) => (
              <Badge key={tag} tone="accent">
                {tag}
              </Badge>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
