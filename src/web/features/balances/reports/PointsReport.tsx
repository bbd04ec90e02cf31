import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { pointsOutstandingQuery } from '../api.js';
import { decimal, saveText, toCsv } from '../csv.js';
import { useMoney, useNumber } from '../money.js';
import { ReportFilters, useReportFilters } from './ReportFilters.js';
import { Figure, ReportFrame } from './ReportFrame.js';

/** Points outstanding across clients and what they are worth at the redemption rate. */
export function PointsReport() {
  const { t } = useTranslation();
  const { m } = useMoney();
  const n = useNumber();
  const [filters, setFilters, params] = useReportFilters();
  const report = useQuery(pointsOutstandingQuery(params));
  const d = report.data;
  return (
    <ReportFrame
      testId="report-points"
      title={t('balances.reports.points.title')}
      description={t('balances.reports.points.long')}
      onCsv={
        d
          ? () =>
              saveText(
                toCsv(
                  [t('balances.reports.points.clients'), t('balances.reports.points.outstanding'), t('balances.reports.points.worth')],
                  [[d.clients, d.points, decimal(d.worth)]],
                ),
                'points-outstanding.csv',
              )
          : undefined
      }
      filters={<ReportFilters state={filters} onChange={setFilters} dates="asOf" />}
    >
      {report.isPending ? (
        <Loading label={t('common.loading')} />
      ) : report.isError ? (
        <ProblemAlert error={report.error} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-3">
          <Figure
            label={t('balances.reports.points.outstanding')}
            value={n(report.data.points)}
            testId="report-points-total"
            raw={report.data.points}
          />
          <Figure
            label={t('balances.reports.points.worth')}
            value={m(report.data.worth)}
            hint={t('balances.reports.points.worthHint')}
            testId="report-points-worth"
            raw={report.data.worth}
          />
          <Figure
            label={t('balances.reports.points.clients')}
            value={n(report.data.clients)}
            testId="report-points-clients"
            raw={report.data.clients}
          />
          {report.data.byStore.length > 1 ? (
            <ul
              className="divide-y divide-zinc-100 rounded-xl bg-white shadow-card ring-1 ring-zinc-200 sm:col-span-3"
              data-testid="report-points-by-store"
            >
              {report.data.byStore.map((s) => (
                <li key={s.storeId} className="flex items-center justify-between gap-3 px-5 py-3 text-sm">
                  <span className="text-zinc-700">{s.storeName}</span>
                  <span className="tabular-nums text-zinc-900">
                    {t('balances.reports.points.storeLine', { points: n(s.points), clients: n(s.clients), worth: m(s.worth) })}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </ReportFrame>
  );
}
