import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/Page.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../components/Table.js';
import type { AuditEntry } from '../../http/types.js';
import { useFormat } from '../../lib/format.js';
import { useDebounced } from '../../lib/useDebounced.js';
import { useMe } from '../auth/session.js';
import { Guard } from '../shell/Guard.js';
import { AuditDetail } from './AuditDetail.js';
import { AuditFiltersBar } from './AuditFiltersBar.js';
import { type AuditFilters, auditQuery, EMPTY_FILTERS } from './api.js';

export function AuditPage() {
  return (
    <Guard allow="audit.read">
      <AuditLog />
    </Guard>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_FILTERS);
  const settled = useDebounced(filters, 300);
  const log = useInfiniteQuery(auditQuery(settled));
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const entries = useMemo(() => log.data?.pages.flatMap((p) => p.data) ?? [], [log.data]);
  const storeName = (id: string | null) => (id ? (me.stores.find((s) => s.id === id)?.name ?? id) : '');

  return (
    <div data-testid="audit-page">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <AuditFiltersBar filters={filters} onChange={setFilters} />
      {log.isPending ? (
        <Loading label={t('common.loading')} />
      ) : log.isError ? (
        <ProblemAlert error={log.error} />
      ) : entries.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState icon="history" title={t('audit.emptyTitle')} description={t('audit.emptyBody')} testId="audit-empty" />
        </div>
      ) : (
        <>
          <Table data-testid="audit-table">
            <THead>
              <tr>
                <Th>{t('audit.columns.when')}</Th>
                <Th>{t('audit.columns.who')}</Th>
                <Th>{t('audit.columns.action')}</Th>
                <Th>{t('audit.columns.entity')}</Th>
                {me.stores.length > 1 ? <Th>{t('audit.columns.store')}</Th> : null}
                <Th className="hidden 2xl:table-cell">{t('audit.columns.ip')}</Th>
              </tr>
            </THead>
            <tbody>
              {entries.map((entry) => (
                <Tr key={entry.id} onClick={() => setOpen(entry)} data-testid="audit-row">
                  <Td className="whitespace-nowrap tabular-nums text-zinc-600">{format.dateTime(entry.at)}</Td>
                  <Td className="whitespace-nowrap font-medium text-zinc-900">
                    {entry.actor?.name ?? <span className="font-normal text-zinc-400">{t('audit.system')}</span>}
                  </Td>
                  <Td>
                    <Badge tone="accent" className="font-mono">
                      {entry.action}
                    </Badge>
                  </Td>
                  <Td className="whitespace-nowrap">
                    <span className="text-zinc-800">{entry.entityType}</span>
                    {entry.entityId ? <span className="ml-1.5 font-mono text-xs text-zinc-400">{entry.entityId.slice(-8)}</span> : null}
                  </Td>
                  {me.stores.length > 1 ? <Td className="whitespace-nowrap">{storeName(entry.storeId)}</Td> : null}
                  <Td className="hidden font-mono text-xs text-zinc-500 lg:table-cell">{entry.ip ?? ''}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          <div className="mt-4 flex items-center justify-between gap-3 text-sm text-zinc-500">
            <span>{t('audit.showing', { count: entries.length })}</span>
            {log.hasNextPage ? (
              <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="audit-load-more">
                {t('audit.loadMore')}
              </Button>
            ) : (
              <span>{t('audit.end')}</span>
            )}
          </div>
        </>
      )}
      {open ? <AuditDetail entry={open} storeName={storeName(open.storeId)} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
