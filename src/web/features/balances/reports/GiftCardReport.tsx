import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../../components/Table.js';
import { type GiftCardLiability, giftCardLiabilityQuery } from '../api.js';
import { decimal, saveText, toCsv } from '../csv.js';
import { useMoney, useNumber } from '../money.js';
import { ReportFilters, useReportFilters } from './ReportFilters.js';
import { Figure, ReportFrame } from './ReportFrame.js';

const COLS = ['cardsSold', 'sold', 'refunded', 'redeemed', 'adjusted', 'outstanding', 'outstandingExpired'] as const;

/** Gift card liability: sold, redeemed, outstanding, by store; movements in a date range. */
export function GiftCardReport() {
  const { t } = useTranslation();
  const { m } = useMoney();
  const n = useNumber();
  const [filters, setFilters, params] = useReportFilters();
  const report = useQuery(giftCardLiabilityQuery(params));
  const col = (k: (typeof COLS)[number] | 'store') => t(`balances.reports.giftCards.cols.${k}`);
  const cell = (k: (typeof COLS)[number], v: number) => (k === 'cardsSold' ? n(v) : m(v));
  const csv = (r: GiftCardLiability) =>
    saveText(
      toCsv(
        [col('store'), ...COLS.map(col)],
        [
          ...r.byStore.map((s) => [s.storeName, ...COLS.map((k) => (k === 'cardsSold' ? s[k] : decimal(s[k])))]),
          [t('balances.reports.total'), ...COLS.map((k) => (k === 'cardsSold' ? r.totals[k] : decimal(r.totals[k])))],
        ],
      ),
      'gift-card-liability.csv',
    );
  return (
    <ReportFrame
      testId="report-gift-cards"
      title={t('balances.reports.giftCards.title')}
      description={t('balances.reports.giftCards.long')}
      onCsv={report.data ? () => csv(report.data) : undefined}
      filters={<ReportFilters state={filters} onChange={setFilters} dates="both" />}
    >
      {report.isPending ? (
        <Loading label={t('common.loading')} />
      ) : report.isError ? (
        <ProblemAlert error={report.error} />
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <Figure
              label={col('outstanding')}
              value={m(report.data.totals.outstanding)}
              hint={t('balances.reports.giftCards.outstandingHint')}
              testId="report-gc-outstanding"
              raw={report.data.totals.outstanding}
            />
            <Figure
              label={col('sold')}
              value={m(report.data.totals.sold)}
              hint={t('balances.reports.giftCards.cardsHint', {
                count: report.data.totals.cardsSold,
                formatted: n(report.data.totals.cardsSold),
              })}
            />
            <Figure label={col('redeemed')} value={m(report.data.totals.redeemed)} />
          </div>
          <Table data-testid="report-table">
            <THead>
              <tr>
                <Th>{col('store')}</Th>
                {COLS.map((k) => (
                  <Th key={k} className="text-right">
                    {col(k)}
                  </Th>
                ))}
              </tr>
            </THead>
            <tbody>
              {report.data.byStore.map((s) => (
                <Tr key={s.storeId} data-testid="report-row">
                  <Td className="font-medium text-zinc-900">{s.storeName}</Td>
                  {COLS.map((k) => (
                    <Td key={k} className="text-right tabular-nums">
                      {cell(k, s[k])}
                    </Td>
                  ))}
                </Tr>
              ))}
              <Tr className="bg-zinc-50/80 font-semibold">
                <Td className="text-zinc-900">{t('balances.reports.total')}</Td>
                {COLS.map((k) => (
                  <Td key={k} className="text-right tabular-nums text-zinc-900">
                    {cell(k, report.data.totals[k])}
                  </Td>
                ))}
              </Tr>
            </tbody>
          </Table>
          <p className="text-xs text-zinc-500">{t('balances.reports.giftCards.note')}</p>
        </>
      )}
    </ReportFrame>
  );
}
