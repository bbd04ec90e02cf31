// One client package: the ring of sessions left, each item with its pips, validity, freeze, family members.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { cx } from '../../../components/cx.js';
import { Icon } from '../../../components/icons.js';
import { useMe } from '../../auth/session.js';
import { daysUntil, STATUS_TONE, useDay, useMoney, useTr } from '../format.js';
import { PackageIcon } from '../icons.js';
import { ProgressRing, SessionPips } from '../parts/Progress.js';
import type { ClientPackage } from '../types.js';

export function PackageCard({ pkg: p, viewerId, children }: { pkg: ClientPackage; viewerId: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const tr = useTr();
  const day = useDay();
  const money = useMoney();
  const me = useMe();
  const open = p.status === 'active' || p.status === 'frozen';
  const name = tr(p.name, p.nameTranslations);
  const left = p.validThrough ? daysUntil(p.validThrough) : null;
  const soon = open && left !== null && left <= 30;
  const store = me.stores.find((s) => s.id === p.storeId);
  const sharedWithViewer = p.clientId !== viewerId;

  return (
    <article
      className={cx('overflow-hidden rounded-xl bg-white shadow-card ring-1 ring-zinc-200', !open && 'opacity-80')}
      data-testid="package-card"
      data-package-id={p.id}
      data-status={p.status}
    >
      <div className="flex gap-4 p-5 sm:gap-5">
        <ProgressRing
          used={p.sessions.used}
          total={p.sessions.total}
          muted={!open}
          label={t('packages.client.leftOf', { left: p.sessions.remaining, total: p.sessions.total })}
          testId="package-ring"
        />
        <div className="min-w-0 flex-1 space-y-3">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <h3 className="text-base font-semibold text-zinc-900" data-testid="package-name">
                {name}
              </h3>
              <p className="mt-0.5 text-sm text-zinc-500">
                <span data-testid="package-remaining">{t('packages.client.sessionsLeft', { count: p.sessions.remaining })}</span>
                {' · '}
                {t('packages.client.bought', { date: day(p.purchasedAt.slice(0, 10)) })}
                {store ? ` · ${store.name}` : ''}
                {' · '}
                {money(p.price)}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-1.5">
              {sharedWithViewer ? (
                <Badge tone="info">
                  <PackageIcon name="family" className="size-3.5" />
                  {t('packages.client.sharedWithHer')}
                </Badge>
              ) : null}
              <Badge tone={STATUS_TONE[p.status]}>
                {p.status === 'frozen' ? <PackageIcon name="snowflake" className="size-3.5" /> : null}
                <span data-testid="package-status">{t(`packages.status.${p.status}`)}</span>
              </Badge>
            </div>
          </div>

          <ul className="space-y-2.5">
            {p.items.map((item) => (
              <li
                key={item.id}
                className="grid gap-1.5 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-4"
                data-testid="package-item"
              >
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-zinc-800">
                    {item.step !== null ? (
                      <span className="mr-1.5 rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-600">
                        {t('packages.client.step', { step: item.step })}
                      </span>
                    ) : null}
                    {tr(item.label, item.labelTranslations)}
                  </p>
                  <div className="mt-1.5">
                    <SessionPips used={item.used} total={item.sessions} muted={!open} />
                  </div>
                </div>
                <p className="text-sm tabular-nums text-zinc-600 sm:text-right" data-testid="package-item-left">
                  {t('packages.client.itemLeft', { left: item.remaining, total: item.sessions })}
                </p>
              </li>
            ))}
          </ul>

          <div className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-zinc-500">
            {p.frozen ? (
              <span className="inline-flex items-center gap-1.5 text-sky-700">
                <PackageIcon name="snowflake" className="size-4" />
                {t('packages.client.frozenUntil', { date: day(p.frozen.untilDate) })}
              </span>
            ) : null}
            {p.validThrough ? (
              <span className={cx('inline-flex items-center gap-1.5', soon && 'font-medium text-amber-700')} data-testid="package-valid">
                <Icon name="clock" className="size-4" />
                {open && left !== null && left >= 0
                  ? t('packages.client.validThroughIn', { date: day(p.validThrough), count: left })
                  : t('packages.client.validThrough', { date: day(p.validThrough) })}
              </span>
            ) : (
              <span className="inline-flex items-center gap-1.5">
                <Icon name="clock" className="size-4" />
                {t('packages.validity.noneText')}
              </span>
            )}
            {p.members.length ? (
              <span className="inline-flex items-center gap-1.5">
                <PackageIcon name="family" className="size-4" />
                {t('packages.client.sharedWith', {
                  names: p.members.map((m) => (m.relation ? `${m.name} (${m.relation})` : m.name)).join(', '),
                })}
              </span>
            ) : null}
            {p.status === 'refunded' ? <span>{t('packages.client.refunded', { amount: money(p.refundedAmount) })}</span> : null}
          </div>
        </div>
      </div>
      {children ? (
        <div className="flex flex-wrap items-center gap-2 border-t border-zinc-100 bg-zinc-50/60 px-5 py-3">{children}</div>
      ) : null}
    </article>
  );
}
