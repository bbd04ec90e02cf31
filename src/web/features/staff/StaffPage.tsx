import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Input, Select, Switch } from '../../components/Input.js';
import { Icon } from '../../components/icons.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../components/Table.js';
import type { Staff } from '../../http/types.js';
import { useCan, useMe } from '../auth/session.js';
import { Guard } from '../shell/Guard.js';
import { staffQuery } from './api.js';
import { StaffDrawer } from './StaffDrawer.js';
import { StaffHeader } from './StaffHeader.js';

const ALL = '';

export function StaffPage() {
  return (
    <Guard allow="staff.read">
      <StaffList />
    </Guard>
  );
}

function matches(staff: Staff, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [staff.name, staff.displayName, staff.email, staff.phone ?? ''].some((v) => v.toLowerCase().includes(q));
}

function StaffList() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const [storeId, setStoreId] = useState(ALL);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const list = useQuery(staffQuery({ storeId: storeId || undefined, includeArchived }));
  const people = useMemo(() => (list.data?.data ?? []).filter((s) => matches(s, search)), [list.data, search]);
  const storeName = (id: string) => me.stores.find((s) => s.id === id)?.name;

  return (
    <div data-testid="staff-page">
      <StaffHeader
        actions={
          can('staff.write') ? (
            <Button variant="primary" icon="plus" onClick={() => setEditing('new')} data-testid="staff-add">
              {t('staff.add')}
            </Button>
          ) : null
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <div className="relative w-full sm:w-auto sm:min-w-0 sm:max-w-xs sm:flex-1">
          <Icon name="search" className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
          <Input
            data-testid="staff-search"
            className="pl-9"
            type="search"
            value={search}
            placeholder={t('staff.search')}
            aria-label={t('staff.search')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        {me.stores.length > 1 ? (
          <Select
            data-testid="staff-store-filter"
            value={storeId}
            onChange={(e) => setStoreId(e.target.value)}
            aria-label={t('staff.storeFilter')}
            className="w-48"
          >
            <option value={ALL}>{t('common.allStores')}</option>
            {me.stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        ) : null}
        <Switch checked={includeArchived} onChange={setIncludeArchived} label={t('staff.showArchived')} data-testid="staff-show-archived" />
      </div>

      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : list.isError ? (
        <ProblemAlert error={list.error} />
      ) : people.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState
            icon="users"
            testId="staff-empty"
            title={search ? t('staff.noMatchesTitle') : t('staff.emptyTitle')}
            description={search ? t('staff.noMatchesBody') : t('staff.emptyBody')}
            action={
              !search && can('staff.write') ? (
                <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
                  {t('staff.add')}
                </Button>
              ) : null
            }
          />
        </div>
      ) : (
        <>
          <div className="hidden md:block">
            <Table data-testid="staff-table">
              <THead>
                <tr>
                  <Th>{t('staff.columns.name')}</Th>
                  <Th>{t('staff.columns.role')}</Th>
                  <Th className="hidden xl:table-cell">{t('staff.columns.contact')}</Th>
                  <Th>{t('staff.columns.stores')}</Th>
                  <Th>{t('staff.columns.pin')}</Th>
                  <Th>{t('staff.columns.status')}</Th>
                </tr>
              </THead>
              <tbody>
                {people.map((s) => (
                  <Tr key={s.id} onClick={() => setEditing(s)} data-testid="staff-row" data-staff-id={s.id}>
                    <Td>
                      <div className="flex items-center gap-3">
                        <Avatar name={s.displayName || s.name} seed={s.id} />
                        <div className="min-w-0">
                          <p className="truncate font-medium text-zinc-900">{s.name}</p>
                          {s.displayName && s.displayName !== s.name ? (
                            <p className="truncate text-xs text-zinc-500">{s.displayName}</p>
                          ) : null}
                          <p className="truncate text-xs text-zinc-500 xl:hidden">{s.email}</p>
                        </div>
                      </div>
                    </Td>
                    <Td>
                      <Badge tone={s.role === 'owner' ? 'accent' : 'neutral'}>{t(`roles.${s.role}`)}</Badge>
                    </Td>
                    <Td className="hidden xl:table-cell">
                      <p className="truncate">{s.email}</p>
                      {s.phone ? <p className="text-xs text-zinc-500">{s.phone}</p> : null}
                    </Td>
                    <Td className="max-w-44 xl:max-w-56">
                      {s.role === 'owner' ? (
                        <span className="text-zinc-500">{t('common.allStores')}</span>
                      ) : (
                        <StoreNames names={s.storeIds.map(storeName).filter((n): n is string => !!n)} />
                      )}
                    </Td>
                    <Td>
                      {s.hasPin ? (
                        <Badge tone="success">
                          <Icon name="check" className="size-3" />
                          {t('staff.pinSet')}
                        </Badge>
                      ) : (
                        <span className="text-zinc-400">{t('staff.pinNotSet')}</span>
                      )}
                    </Td>
                    <Td>
                      {s.active ? <Badge tone="success">{t('staff.status.active')}</Badge> : <Badge>{t('staff.status.archived')}</Badge>}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </div>
          <ul className="space-y-2 md:hidden" data-testid="staff-list">
            {people.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  onClick={() => setEditing(s)}
                  data-testid="staff-card"
                  className="flex w-full items-center gap-3 rounded-xl bg-white p-4 text-left shadow-card ring-1 ring-zinc-200"
                >
                  <Avatar name={s.displayName || s.name} seed={s.id} className="size-10 text-sm" />
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium text-zinc-900">{s.name}</p>
                    <p className="truncate text-sm text-zinc-500">{s.email}</p>
                  </div>
                  <div className="flex flex-col items-end gap-1">
                    <Badge tone={s.role === 'owner' ? 'accent' : 'neutral'}>{t(`roles.${s.role}`)}</Badge>
                    {!s.active ? <Badge>{t('staff.status.archived')}</Badge> : null}
                  </div>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {editing ? (
        <StaffDrawer
          key={editing === 'new' ? 'new' : editing.id}
          staff={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

/** The first store by name, and "+N" for the rest (all of them in the tooltip). */
function StoreNames({ names }: { names: string[] }) {
  const [first, ...rest] = names;
  if (!first) return null;
  return (
    <span className="flex min-w-0 items-center gap-1.5" title={names.join('\n')}>
      <span className="truncate">{first}</span>
      {rest.length > 0 ? <Badge className="shrink-0">+{rest.length}</Badge> : null}
    </span>
  );
}
