// Packages in numbers: sold vs redeemed (deferred revenue), what is still owed in sessions, refunds, cross-
// store redemptions; and the recommendation report: per rule, suggested → bought.
import { useQuery } from '@tanstack/react-query';
import { Navigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field.js';
import { Input, Select } from '../../../components/Input.js';
import { Card } from '../../../components/Page.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../../components/Table.js';
import { useCan, useMe } from '../../auth/session.js';
import { packageReportQuery, type ReportRange, recommendationReportQuery } from '../api.js';
import { localDay, useMoney, useTr } from '../format.js';

export function ReportsTab() {
  const can = useCan();
  if (!can('reports.read')) return <Navigate to="/packages" replace />;
  return <Reports />;
}

function Reports() {
  const { t } = useTranslation();
  const me = useMe();
  const allStores = me.staff.role === 'owner';
  const [storeId, setStoreId] = useState(allStores ? '' : (me.stores[0]?.id ?? ''));
  const [from, setFrom] = useState(localDay(-89));
  const [to, setTo] = useState(localDay(0));
  const range: ReportRange = { from: from || undefined, to: to || undefined, storeId: storeId || undefined };
  return (
    <div className="space-y-6" data-testid="reports-tab">
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t('packages.reports.store')} className="w-56">
          <Select value={storeId} onChange={(e) => setStoreId(e.target.value)} data-testid="report-store">
            {allStores ? <option value="">{t('common.allStores')}</option> : null}
            {me.stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('packages.reports.from')} className="w-44">
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="report-from" />
        </Field>
        <Field label={t('packages.reports.to')} className="w-44">
          <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="report-to" />
        </Field>
      </div>
      <PackageFigures range={range} />
      <RecommendationFigures range={range} />
    </div>
  );
}

function Kpi({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId?: string }) {
  return (
    <div className="rounded-xl bg-white p-4 shadow-card ring-1 ring-zinc-200" data-testid={testId}>
      <p className="text-sm text-zinc-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums tracking-tight text-zinc-900">{value}</p>
      {sub ? <p className="mt-0.5 text-sm text-zinc-500">{sub}</p> : null}
    </div>
  );
}

function PackageFigures({ range }: { range: ReportRange }) {
  const { t } = useTranslation();
  const money = useMoney();
  const me = useMe();
  const report = useQuery(packageReportQuery(range));
  if (report.isPending) return <Loading label={t('common.loading')} />;
  if (report.isError) return <ProblemAlert error={report.error} />;
  const r = report.data;
  const storeName = (id: string) => me.stores.find((s) => s.id === id)?.name ?? '…';
  return (
    <section className="space-y-4" data-testid="package-report">
      <h2 className="text-base font-semibold text-zinc-900">{t('packages.reports.packagesTitle')}</h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Kpi
          label={t('packages.reports.sold')}
          value={money(r.sold.value)}
          sub={t('packages.reports.packagesCount', { count: r.sold.packages })}
          testId="kpi-sold"
        />
        <Kpi
          label={t('packages.reports.redeemed')}
          value={money(r.redeemed.value)}
          sub={t('packages.reports.sessionsCount', { count: r.redeemed.sessions })}
          testId="kpi-redeemed"
        />
        <Kpi
          label={t('packages.reports.outstanding')}
          value={money(r.outstanding.value)}
          sub={t('packages.reports.outstandingSub', { sessions: r.outstanding.sessions, packages: r.outstanding.packages })}
          testId="kpi-outstanding"
        />
        <Kpi
          label={t('packages.reports.refunded')}
          value={money(r.refunded.amount)}
          sub={t('packages.reports.refundedSub', { fees: money(r.refunded.fees), expired: r.expiredPackages })}
          testId="kpi-refunded"
        />
      </div>
      <p className="text-xs text-zinc-500">{t('packages.reports.outstandingNote')}</p>
      {r.crossStore.length ? (
        <Card title={t('packages.reports.crossTitle')} description={t('packages.reports.crossHint')} bodyClassName="p-0">
          <table className="w-full text-left text-sm">
            <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500">
              <tr>
                <th className="px-4 py-2 font-medium">{t('packages.reports.soldAt')}</th>
                <th className="px-4 py-2 font-medium">{t('packages.reports.redeemedAt')}</th>
                <th className="px-4 py-2 text-right font-medium">{t('packages.reports.sessions')}</th>
                <th className="px-4 py-2 text-right font-medium">{t('packages.reports.value')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {r.crossStore.map((x) => (
                <tr key={`${x.soldAtStoreId}-${x.redeemedAtStoreId}`}>
                  <td className="px-4 py-2">{storeName(x.soldAtStoreId)}</td>
                  <td className="px-4 py-2">{storeName(x.redeemedAtStoreId)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{x.sessions}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{money(x.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ) : null}
    </section>
  );
}

function RecommendationFigures({ range }: { range: ReportRange }) {
  const { t, i18n } = useTranslation();
  const tr = useTr();
  const report = useQuery(recommendationReportQuery(range));
  const pct = (bp: number) => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(bp / 10_000);
  if (report.isPending) return <Loading label={t('common.loading')} />;
  if (report.isError) return <ProblemAlert error={report.error} />;
  const r = report.data;
  return (
    <section className="space-y-4" data-testid="recommendation-report">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold text-zinc-900">{t('packages.reports.recTitle')}</h2>
          <p className="text-sm text-zinc-500">{t('packages.reports.recHint')}</p>
        </div>
        <p className="text-sm text-zinc-600" data-testid="rec-totals">
          {t('packages.reports.recTotals', {
            suggested: r.totals.suggested,
            converted: r.totals.converted,
            rate: pct(r.totals.conversionBp),
          })}
        </p>
      </div>
      {r.rules.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center text-sm text-zinc-500 shadow-card ring-1 ring-zinc-200">
          {t('packages.reports.recEmpty')}
        </p>
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>{t('packages.rules.name')}</Th>
              <Th className="text-right">{t('packages.reports.suggested')}</Th>
              <Th className="text-right">{t('packages.reports.sent')}</Th>
              <Th className="text-right">{t('packages.reports.converted')}</Th>
              <Th className="text-right">{t('packages.reports.dismissed')}</Th>
              <Th className="w-48">{t('packages.reports.conversion')}</Th>
            </tr>
          </THead>
          <tbody>
            {r.rules.map((x) => (
              <Tr key={x.ruleId} data-testid="rec-row">
                <Td>
                  <p className="font-medium text-zinc-900">{tr(x.name, x.nameTranslations)}</p>
                  <p className="text-xs text-zinc-500">
                    {tr(x.fromTemplateName, x.fromTemplateNameTranslations)} → {tr(x.toTemplateName, x.toTemplateNameTranslations)}
                  </p>
                </Td>
                <Td className="text-right tabular-nums">{x.suggested}</Td>
                <Td className="text-right tabular-nums">{x.sent}</Td>
                <Td className="text-right tabular-nums font-medium text-emerald-700">{x.converted}</Td>
                <Td className="text-right tabular-nums">{x.dismissed}</Td>
                <Td>
                  <div className="flex items-center gap-2">
                    <div className="h-2 flex-1 overflow-hidden rounded-full bg-zinc-100">
                      <div className="h-full rounded-full bg-emerald-500" style={{ width: `${Math.min(100, x.conversionBp / 100)}%` }} />
                    </div>
                    <span className="w-14 text-right text-sm tabular-nums">{pct(x.conversionBp)}</span>
                  </div>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
