// The Visits tab of a client's card: what is coming and what happened, at the stores this person may see
// (GET /appointments?clientId=). Each visit reads in its own store's time and currency.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { formatMoney } from '../../catalog/money.js';
import { clientAppointmentsQuery } from '../api.js';
import { StatusBadge } from '../appointment/StatusBadge.js';
import { hhmmFormatter } from '../grid/CalendarGrid.js';
import type { Appointment } from '../types.js';
import { splitVisits } from '../visits.js';

export function VisitsTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const q = useQuery(clientAppointmentsQuery(clientId));
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Loading label={t('common.loading')} />;
  if (q.data.data.length === 0)
    return (
      <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200" data-testid="client-visits-empty">
        <EmptyState icon="calendar" title={t('calendar.visits.none')} description={t('calendar.visits.noneHint')} className="py-16" />
      </div>
    );
  const { upcoming, past } = splitVisits(q.data.data, Date.parse(q.data.asOf));
  return (
    <div className="space-y-6" data-testid="client-visits">
      {upcoming.length ? <VisitList title={t('calendar.visits.upcoming')} visits={upcoming} testId="client-visits-upcoming" /> : null}
      {past.length ? <VisitList title={t('calendar.visits.past')} visits={past} testId="client-visits-past" /> : null}
    </div>
  );
}

function VisitList({ title, visits, testId }: { title: string; visits: Appointment[]; testId: string }) {
  return (
    <section className="space-y-2">
      <h3 className="text-sm font-semibold uppercase tracking-wide text-zinc-500">{title}</h3>
      <ul className="divide-y divide-zinc-100 rounded-xl bg-white shadow-card ring-1 ring-zinc-200" data-testid={testId}>
        {visits.map((a) => (
          <Visit key={a.id} a={a} />
        ))}
      </ul>
    </section>
  );
}

function Visit({ a }: { a: Appointment }) {
  const { t, i18n } = useTranslation();
  const clock = hhmmFormatter(i18n.language);
  const day = new Intl.DateTimeFormat(i18n.language, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${a.date}T00:00:00Z`));
  const staff = [...new Set(a.lines.map((l) => l.staffName).filter(Boolean))].join(', ');
  return (
    <li className="flex flex-wrap items-start gap-x-4 gap-y-1 px-4 py-3" data-testid="client-visit" data-appointment={a.id}>
      <div className="min-w-0 flex-1">
        <Link
          to="/calendar"
          search={{ date: a.date }}
          className="font-medium text-zinc-900 hover:text-orchid-700 hover:underline"
          title={t('calendar.visits.openDay')}
        >
          {day} · {clock(a.startLocal)}
        </Link>
        <p className="text-sm text-zinc-600">
          {a.lines
            .map((l) => (l.addOns.length ? `${l.serviceName} + ${l.addOns.map((x) => x.name).join(', ')}` : l.serviceName))
            .join(' · ')}
        </p>
        {staff ? <p className="text-xs text-zinc-500">{staff}</p> : null}
      </div>
      <div className="flex flex-col items-end gap-1">
        <StatusBadge status={a.status} />
        <span className="text-sm tabular-nums text-zinc-700">{formatMoney(a.total, a.currency, i18n.language)}</span>
      </div>
    </li>
  );
}
