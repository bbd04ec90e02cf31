// Who is due back: clients whose recommended date is near or past and who have nothing booked, per
// technician, at a store — the front desk's call sheet.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { Badge } from '../../../components/Badge.js';
import { cx } from '../../../components/cx.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Field } from '../../../components/Field.js';
import { Select, Switch } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { PageHeader } from '../../../components/Page.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useMe } from '../../auth/session.js';
import { useDay, useTr } from '../../packages/format.js';
import { sortTeam } from '../../packages/parts/StaffChooser.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { Guard } from '../../shell/Guard.js';
import { staffQuery } from '../../staff/api.js';
import { dueQuery } from '../api.js';
import { groupByStaff } from './group.js';

const WITHIN = [0, 7, 14, 30];

export function DueListPage() {
  return (
    <Guard allow="treatments.read">
      <DueList />
    </Guard>
  );
}

function DueList() {
  const { t } = useTranslation();
  const tr = useTr();
  const day = useDay();
  const me = useMe();
  const { store } = useCurrentStore();
  const [storeId, setStoreId] = useState(store?.id ?? me.stores[0]?.id ?? '');
  const [staffId, setStaffId] = useState(me.staff.role === 'technician' ? me.staff.id : '');
  const [within, setWithin] = useState(7);
  const [includeBooked, setIncludeBooked] = useState(false);
  const staff = useQuery({ ...staffQuery({ storeId }), enabled: !!storeId });
  const due = useQuery({ ...dueQuery({ storeId, staffId: staffId || undefined, within, includeBooked }), enabled: !!storeId });
  const groups = groupByStaff(due.data?.data ?? []);
  const total = due.data?.data.length ?? 0;
  const overdue = due.data?.data.filter((e) => e.daysOverdue > 0).length ?? 0;

  return (
    <div data-testid="due-page">
      <PageHeader title={t('treatments.due.title')} description={t('treatments.due.description')}>
        <div className="flex flex-wrap items-end gap-3">
          {me.stores.length > 1 ? (
            <Field label={t('treatments.form.store')} className="w-52">
              <Select value={storeId} onChange={(e) => setStoreId(e.target.value)} data-testid="due-store">
                {me.stores.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Field label={t('treatments.form.technician')} className="w-52">
            <Select value={staffId} onChange={(e) => setStaffId(e.target.value)} data-testid="due-staff">
              <option value="">{t('treatments.due.everyone')}</option>
              {sortTeam(staff.data?.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName}
                </option>
              ))}
            </Select>
          </Field>
          <div className="inline-flex h-10 rounded-lg bg-zinc-100 p-0.5 text-sm">
            {WITHIN.map((w) => (
              <button
                key={w}
                type="button"
                aria-pressed={within === w}
                onClick={() => setWithin(w)}
                data-testid={`due-within-${w}`}
                className={cx(
                  'rounded-md px-3 font-medium',
                  within === w ? 'bg-white text-zinc-900 shadow-sm' : 'text-zinc-500 hover:text-zinc-800',
                )}
              >
                {w === 0 ? t('treatments.due.overdueOnly') : t('treatments.due.nextDays', { count: w })}
              </button>
            ))}
          </div>
          <Switch checked={includeBooked} onChange={setIncludeBooked} label={t('treatments.due.includeBooked')} className="h-10" />
        </div>
      </PageHeader>
      {due.isPending ? (
        <Loading label={t('common.loading')} />
      ) : due.isError ? (
        <ProblemAlert error={due.error} />
      ) : total === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState
            icon="checkCircle"
            title={t('treatments.due.emptyTitle')}
            description={t('treatments.due.emptyBody')}
            testId="due-empty"
          />
        </div>
      ) : (
        <div className="space-y-5">
          <p className="text-sm text-zinc-600" data-testid="due-summary">
            {t('treatments.due.summary', { count: total, overdue })}
          </p>
          {groups.map((g) => (
            <section
              key={g.staff.id}
              className="overflow-hidden rounded-xl bg-white shadow-card ring-1 ring-zinc-200"
              data-testid="due-group"
            >
              <header className="flex items-center gap-3 border-b border-zinc-100 bg-zinc-50/70 px-4 py-3">
                <Avatar name={g.staff.name} seed={g.staff.id} className="size-8 text-xs" />
                <h2 className="flex-1 font-semibold text-zinc-900">{g.staff.name}</h2>
                <span className="text-sm text-zinc-500">
                  {t('treatments.due.groupCount', { count: g.entries.length, overdue: g.overdue })}
                </span>
              </header>
              <ul className="divide-y divide-zinc-100">
                {g.entries.map((e) => (
                  <li key={e.recordId} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3" data-testid="due-row">
                    <div className="min-w-0 flex-1 basis-56">
                      <Link
                        to="/clients/$clientId/timeline"
                        params={{ clientId: e.client.id }}
                        className="font-medium text-zinc-900 hover:text-orchid-700"
                      >
                        {e.client.name}
                      </Link>
                      <p className="text-sm text-zinc-500">
                        {tr(e.service.name, e.service.nameTranslations)} · {t('treatments.due.lastVisit', { date: day(e.lastVisitOn) })}
                      </p>
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="text-sm text-zinc-600">{t('treatments.due.recommended', { date: day(e.recommendedOn) })}</span>
                      {e.daysOverdue > 0 ? (
                        <Badge tone="danger">{t('treatments.timeline.overdue', { count: e.daysOverdue })}</Badge>
                      ) : e.daysOverdue === 0 ? (
                        <Badge tone="warning">{t('treatments.timeline.today')}</Badge>
                      ) : (
                        <Badge tone="info">{t('treatments.timeline.inDays', { count: -e.daysOverdue })}</Badge>
                      )}
                      {e.booked ? <Badge tone="success">{t('treatments.due.booked')}</Badge> : null}
                    </div>
                    {e.client.phone ? (
                      <a
                        href={`tel:${e.client.phone}`}
                        className="inline-flex h-9 items-center gap-1.5 rounded-lg px-3 text-sm font-medium text-orchid-700 ring-1 ring-inset ring-orchid-200 hover:bg-orchid-50"
                        data-testid="due-call"
                      >
                        <Icon name="phone" className="size-4" />
                        {t('treatments.due.call')}
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
