import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../../components/Table.js';
import { type StoredValueLiability, storedValueLiabilityQuery } from '../api.js';
import { decimal, saveText, toCsv } from '../csv.js';
import { useMoney } from '../money.js';
import { ReportFilters, useReportFilters } from './ReportFilters.js';
import { Figure, ReportFrame } from './ReportFrame.js';

/** Stored-value liability: principal (clients' money) apart from bonus, by the store that sold it. */
export function StoredValueReport() {
  const { t } = useTranslation();
  const { m } = useMoney();
  const [filters, setFilters, params] = useReportFilters();
  const report = useQuery(storedValueLiabilityQuery(params));
  const data = report.data;
  const csv = (r: StoredValueLiability) => {
    const h = (k: string) => t(`balances.reports.storedValue.cols.${k as 'store'}`);
    const header = [
      h('store'),
      `${h('sold')} · ${t('balances.wallet.principal')}`,
      `${h('sold')} · ${t('balances.wallet.bonus')}`,
      `${h('spent')} · ${t('balances.wallet.principal')}`,
      `${h('spent')} · ${t('balances.wallet.bonus')}`,
      `${h('refunded')} · ${t('balances.wallet.principal')}`,
      `${h('refunded')} · ${t('balances.wallet.bonus')}`,
      `${h('adjusted')} · ${t('balances.wallet.principal')}`,
      `${h('adjusted')} · ${t('balances.wallet.bonus')}`,
      `${h('outstanding')} · ${t('balances.wallet.principal')}`,
      `${h('outstanding')} · ${t('balances.wallet.bonus')}`,
      h('outstandingTotal'),
    ];
    const rows = r.byStore.map((s) => [
      s.storeName,
      decimal(s.sold.principal),
      decimal(s.sold.bonus),
      decimal(s.spentHere.principal),
      decimal(s.spentHere.bonus),
      decimal(s.refunded.principal),
      decimal(s.refunded.bonus),
      decimal(s.adjusted.principal),
      decimal(s.adjusted.bonus),
      decimal(s.outstanding.principal),
      decimal(s.outstanding.bonus),
      decimal(s.outstanding.principal + s.outstanding.bonus),
    ]);
    if (r.unattributed && (r.unattributed.principal || r.unattributed.bonus))
      rows.push([
        t('balances.reports.storedValue.unattributed'),
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        decimal(r.unattributed.principal),
        decimal(r.unattributed.bonus),
        decimal(r.unattributed.principal + r.unattributed.bonus),
      ]);
    saveText(toCsv(header, rows), 'stored-value-liability.csv');
  };
  const pair = (s: { principal: number; bonus: number }) => (
    <>
      <span className="block tabular-nums text-zinc-900">{m(s.principal)}</span>
      <span className="block text-xs tabular-nums text-amber-700">+ {m(s.bonus)}</span>
    </>
  );
  return (
    <ReportFrame
      testId="report-stored-value"
      title={t('balances.reports.storedValue.title')}
      description={t('balances.reports.storedValue.long')}
      onCsv={data ? () => csv(data) : undefined}
      filters={<ReportFilters state={filters} onChange={setFilters} dates="both" />}
    >
      {report.isPending ? (
        <Loading label={t('common.loading')} />
      ) : report.isError ? (
        <ProblemAlert error={report.error} />
      ) : (
        <>
          {report.data.outstanding ? (
            <div className="grid gap-4 sm:grid-cols-3">
              <Figure
                label={t('balances.reports.storedValue.owed')}
                value={m(report.data.outstanding.total)}
                testId="report-sv-total"
                raw={report.data.outstanding.total}
              />
              <Figure
                label={t('balances.wallet.principal')}
                value={m(report.data.outstanding.principal)}
                hint={t('balances.reports.storedValue.principalHint')}
                testId="report-sv-principal"
                raw={report.data.outstanding.principal}
              />
              <Figure
                label={t('balances.wallet.bonus')}
                value={m(report.data.outstanding.bonus)}
                hint={t('balances.reports.storedValue.bonusHint')}
                testId="report-sv-bonus"
                raw={report.data.outstanding.bonus}
              />
            </div>
          ) : null}
          <p className="flex items-center gap-4 text-xs text-zinc-500">
            <span className="inline-flex items-center gap-1.5">
              <span className="size-2 rounded-full bg-zinc-800" />
              {t('balances.wallet.principal')}
            </span>
            <span className="inline-flex items-center gap-1.5">
              <span className="size-2 rounded-full bg-amber-500" />+ {t('balances.wallet.bonus')}
            </span>
          </p>
          <Table data-testid="report-table">
            <THead>
              <tr>
                <Th>{t('balances.reports.storedValue.cols.store')}</Th>
                <Th className="text-right">{t('balances.reports.storedValue.cols.sold')}</Th>
                <Th className="text-right">{t('balances.reports.storedValue.cols.spent')}</Th>
                <Th className="text-right">{t('balances.reports.storedValue.cols.refunded')}</Th>
                <Th className="text-right">{t('balances.reports.storedValue.cols.adjusted')}</Th>
                <Th className="text-right">{t('balances.reports.storedValue.cols.outstanding')}</Th>
              </tr>
            </THead>
            <tbody>
              {report.data.byStore.map((s) => (
                <Tr key={s.storeId} data-testid="report-row">
                  <Td className="font-medium text-zinc-900">{s.storeName}</Td>
                  <Td className="text-right">{pair(s.sold)}</Td>
                  <Td className="text-right">{pair(s.spentHere)}</Td>
                  <Td className="text-right">{pair(s.refunded)}</Td>
                  <Td className="text-right">{pair(s.adjusted)}</Td>
                  <Td className="text-right font-semibold">{pair(s.outstanding)}</Td>
                </Tr>
              ))}
              {report.data.unattributed && (report.data.unattributed.principal || report.data.unattributed.bonus) ? (
                <Tr>
                  <Td className="text-zinc-500">{t('balances.reports.storedValue.unattributed')}</Td>
                  <Td />
                  <Td />
                  <Td />
                  <Td />
                  <Td className="text-right">{pair(report.data.unattributed)}</Td>
                </Tr>
              ) : null}
            </tbody>
          </Table>
          <p className="text-xs text-zinc-500">{t('balances.reports.storedValue.note')}</p>
        </>
      )}
    </ReportFrame>
  );
}
