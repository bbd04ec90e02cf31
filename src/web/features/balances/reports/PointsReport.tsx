import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { pointsOutstandingQuery } from '../api.js';
import { decimal, saveText, toCsv } from '../csv.js';
import { useMoney, useNumber } from '../money.js';
import { Figure, ReportFrame } from './ReportFrame.js';

/** Points outstanding across clients and what they are worth at the redemption rate. */
export function PointsReport() {
  const { t } = useTranslation();
  const { m } = useMoney();
  const n = useNumber();
  const report = useQuery(pointsOutstandingQuery);
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
        </div>
      )}
    </ReportFrame>
  );
}
