// The top of a timeline: when she should come back (and whether she has booked), and her packages with
// what is left.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { cx } from '../../../components/cx.js';
import { Icon } from '../../../components/icons.js';
import { useFormat } from '../../../lib/format.js';
import { daysUntil, useDay, useTr } from '../../packages/format.js';
import { ProgressRing } from '../../packages/parts/Progress.js';
import type { ClientPackage } from '../../packages/types.js';
import type { Timeline } from '../types.js';

export function NextVisitCard({ next, className }: { next: Timeline['nextRecommended']; className?: string }) {
  const { t } = useTranslation();
  const day = useDay();
  const fmt = useFormat();
  const days = next ? daysUntil(next.date) : null;
  return (
    <section className={cx('rounded-xl bg-white p-4 shadow-card ring-1 ring-zinc-200', className)} data-testid="next-visit-card">
      <p className="flex items-center gap-1.5 text-sm font-medium text-zinc-500">
        <Icon name="calendar" className="size-4" />
        {t('treatments.timeline.nextVisit')}
      </p>
      {next ? (
        <>
          <p className="mt-1 text-xl font-semibold text-zinc-900" data-testid="next-visit-date-text">
            {day(next.date, 'long')}
          </p>
          <div className="mt-2 flex flex-wrap gap-1.5">
            {next.booked ? (
              <Badge tone="success">{t('treatments.timeline.booked', { when: fmt.dateTime(next.booked.startAt) })}</Badge>
            ) : next.overdue && days !== null ? (
              <Badge tone="danger">{t('treatments.timeline.overdue', { count: -days })}</Badge>
            ) : days !== null ? (
              <Badge tone="info">{days === 0 ? t('treatments.timeline.today') : t('treatments.timeline.inDays', { count: days })}</Badge>
            ) : null}
            {!next.booked ? <Badge tone="warning">{t('treatments.timeline.notBooked')}</Badge> : null}
          </div>
        </>
      ) : (
        <p className="mt-1 text-sm text-zinc-500">{t('treatments.timeline.noNext')}</p>
      )}
    </section>
  );
}

export function PackagesSummary({ packages, clientId, className }: { packages: ClientPackage[]; clientId: string; className?: string }) {
  const { t } = useTranslation();
  const tr = useTr();
  const day = useDay();
  const open = packages.filter((p) => p.status === 'active' || p.status === 'frozen');
  return (
    <section className={cx('rounded-xl bg-white p-4 shadow-card ring-1 ring-zinc-200', className)} data-testid="packages-summary">
      <p className="text-sm font-medium text-zinc-500">{t('treatments.timeline.packages')}</p>
      {open.length ? (
        <ul className="mt-2 space-y-2">
          {open.map((p) => (
            <li key={p.id}>
              <Link
                to="/clients/$clientId/packages/$packageId"
                params={{ clientId, packageId: p.id }}
                className="flex items-center gap-3 rounded-lg p-1 -m-1 hover:bg-zinc-50"
                data-testid="packages-summary-item"
              >
                <ProgressRing
                  used={p.sessions.used}
                  total={p.sessions.total}
                  size={44}
                  label={t('packages.client.leftOf', { left: p.sessions.remaining, total: p.sessions.total })}
                />
                <span className="min-w-0">
                  <span className="block truncate text-sm font-semibold text-zinc-900">{tr(p.name, p.nameTranslations)}</span>
                  <span className="block text-xs text-zinc-500">
                    {t('packages.client.sessionsLeft', { count: p.sessions.remaining })}
                    {p.validThrough ? ` · ${t('packages.client.validThrough', { date: day(p.validThrough) })}` : ''}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-zinc-500">{t('treatments.timeline.noPackages')}</p>
      )}
    </section>
  );
}
