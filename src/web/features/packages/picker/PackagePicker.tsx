// Pieces for the checkout screen (features/checkout builds the ticket; these only choose):
//   <PackageTemplatePicker storeId onPick />  a package to sell → line `package_purchase` { templateId }
//   <PackageRedemptionPicker clientId storeId serviceId? onPick />  a session to use → line
//       `package_redemption` { clientPackageId, serviceId, itemId, stepOverride? } (stepBlocked: a manager must
//       give a reason to use a later step first); `taken` counts the sessions of an item already on the ticket,
//       so each option says which session this would be and how many are left after it
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { cx } from '../../../components/cx.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { applicableQuery, templatesQuery } from '../api.js';
import { sessionCount, useDay, useMoney, useTr } from '../format.js';
import { PackageIcon } from '../icons.js';
import { ProgressRing } from '../parts/Progress.js';
import type { Applicable, PackageTemplate } from '../types.js';

export function PackageTemplatePicker({ storeId, onPick }: { storeId: string; onPick: (template: PackageTemplate) => void }) {
  const { t } = useTranslation();
  const tr = useTr();
  const money = useMoney();
  const templates = useQuery(templatesQuery({ storeId }));
  if (templates.isPending) return <Loading label={t('common.loading')} />;
  if (templates.isError) return <ProblemAlert error={templates.error} />;
  const list = templates.data.data;
  if (!list.length) return <EmptyState icon="copy" title={t('packages.picker.noTemplates')} testId="package-template-picker-empty" />;
  return (
    <ul className="grid gap-2 sm:grid-cols-2" data-testid="package-template-picker">
      {list.map((x) => (
        <li key={x.id}>
          <button
            type="button"
            onClick={() => onPick(x)}
            data-testid="package-template-option"
            data-template-id={x.id}
            className="flex h-full w-full items-start gap-3 rounded-xl bg-white p-3 text-left ring-1 ring-zinc-200 transition hover:bg-orchid-50 hover:ring-orchid-300"
          >
            <PackageIcon name="layers" className="mt-0.5 size-5 text-orchid-600" />
            <span className="min-w-0 flex-1">
              <span className="block font-medium text-zinc-900">{tr(x.name, x.nameTranslations)}</span>
              <span className="block text-sm text-zinc-500">{t('packages.templates.sessions', { count: x.sessionsTotal })}</span>
            </span>
            <span className="font-semibold tabular-nums text-zinc-900">{money(x.price)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export interface RedemptionChoice {
  clientPackageId: string;
  itemId: string | null;
  stepBlocked: number | null;
  applicable: Applicable;
}

export function PackageRedemptionPicker({
  clientId,
  storeId,
  serviceId,
  taken,
  onPick,
}: {
  clientId: string;
  storeId: string;
  serviceId?: string | undefined;
  taken?: ((itemId: string) => number) | undefined;
  onPick: (choice: RedemptionChoice) => void;
}) {
  const { t } = useTranslation();
  const tr = useTr();
  const day = useDay();
  const applicable = useQuery(applicableQuery({ clientId, storeId, serviceId }));
  if (applicable.isPending) return <Loading label={t('common.loading')} />;
  if (applicable.isError) return <ProblemAlert error={applicable.error} />;
  const list = applicable.data.data;
  if (!list.length) return <EmptyState icon="copy" title={t('packages.picker.noPackages')} testId="package-redemption-picker-empty" />;
  return (
    <ul className="space-y-2" data-testid="package-redemption-picker">
      {list.map((a) => {
        const p = a.package;
        const item = p.items.find((i) => i.id === a.itemId);
        const count = item ? sessionCount(item, taken?.(item.id) ?? 0) : null;
        const none = !!count && count.leftAfter < 0;
        return (
          <li key={p.id}>
            <button
              type="button"
              onClick={() => onPick({ clientPackageId: p.id, itemId: a.itemId, stepBlocked: a.stepBlocked, applicable: a })}
              disabled={none}
              data-testid="package-redemption-option"
              data-package-id={p.id}
              className={cx(
                'flex w-full items-center gap-3 rounded-xl bg-white p-3 text-left ring-1 ring-zinc-200 transition hover:bg-orchid-50 hover:ring-orchid-300',
                'disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-white disabled:hover:ring-zinc-200',
              )}
            >
              <ProgressRing
                used={p.sessions.used}
                total={p.sessions.total}
                size={48}
                label={t('packages.client.leftOf', { left: p.sessions.remaining, total: p.sessions.total })}
              />
              <span className="min-w-0 flex-1">
                <span className="block font-medium text-zinc-900">{tr(p.name, p.nameTranslations)}</span>
                {count && taken ? (
                  <span className="block text-sm font-medium text-orchid-800" data-testid="package-redemption-count">
                    {none
                      ? t('packages.picker.allOnTicket')
                      : t('packages.picker.sessionOf', { n: count.number, total: count.total, left: count.leftAfter })}
                  </span>
                ) : null}
                <span className="block text-sm text-zinc-500">
                  {item
                    ? t('packages.client.itemLeft', { left: item.remaining, total: item.sessions })
                    : t('packages.client.sessionsLeft', { count: p.sessions.remaining })}
                  {p.validThrough ? ` · ${t('packages.client.validThrough', { date: day(p.validThrough) })}` : ''}
                </span>
              </span>
              {a.stepBlocked !== null ? <Badge tone="warning">{t('packages.redeem.stepBlocked', { step: a.stepBlocked })}</Badge> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
