import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../../components/Table.js';
import { useMe } from '../../auth/session.js';
import { type CouponUsageRow, couponsQuery, couponUsageQuery } from '../api.js';
import { decimal, saveText, toCsv } from '../csv.js';
import { useMoney, useNumber } from '../money.js';
import { ReportFilters, useReportFilters } from './ReportFilters.js';
import { Figure, ReportFrame } from './ReportFrame.js';

/** Coupon usage: uses and discount given, by coupon and store. */
export function CouponUsageReport() {
  const { t } = useTranslation();
  const me = useMe();
  const { m } = useMoney();
  const n = useNumber();
  const [filters, setFilters, params] = useReportFilters();
  const report = useQuery(couponUsageQuery(params));
  const coupons = useQuery(couponsQuery);
  const store = (id: string) => me.stores.find((s) => s.id === id)?.name ?? '';
  const rows = [...(report.data?.data ?? [])].sort(
    (a, b) => a.name.localeCompare(b.name) || store(a.storeId).localeCompare(store(b.storeId)),
  );
  const uses = rows.reduce((a, r) => a + r.uses, 0);
  const discount = rows.reduce((a, r) => a + r.discount, 0);
  const col = (k: 'coupon' | 'code' | 'store' | 'uses' | 'discount' | 'left') => t(`balances.reports.coupons.cols.${k}`);
  const left = (r: CouponUsageRow) => coupons.data?.data.find((c) => c.id === r.couponId)?.usesLeft ?? null;
  const csv = () =>
    saveText(
      toCsv(
        [col('coupon'), col('code'), col('store'), col('uses'), col('discount'), col('left')],
        rows.map((r) => [r.name, r.code ?? '', store(r.storeId), r.uses, decimal(r.discount), left(r) ?? '']),
      ),
      'coupon-usage.csv',
    );
  return (
    <ReportFrame
      testId="report-coupons"
      title={t('balances.reports.coupons.title')}
      description={t('balances.reports.coupons.long')}
      onCsv={report.data ? csv : undefined}
      filters={<ReportFilters state={filters} onChange={setFilters} dates="range" />}
    >
      {report.isPending ? (
        <Loading label={t('common.loading')} />
      ) : report.isError ? (
        <ProblemAlert error={report.error} />
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Figure label={t('balances.reports.coupons.totalUses')} value={n(uses)} testId="report-coupons-uses" raw={uses} />
            <Figure
              label={t('balances.reports.coupons.totalDiscount')}
              value={m(discount)}
              testId="report-coupons-discount"
              raw={discount}
            />
          </div>
          {rows.length === 0 ? (
            <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
              <EmptyState
                icon="chart"
                title={t('balances.reports.coupons.emptyTitle')}
                description={t('balances.reports.coupons.emptyBody')}
              />
            </div>
          ) : (
            <Table data-testid="report-table">
              <THead>
                <tr>
                  <Th>{col('coupon')}</Th>
                  <Th className="hidden sm:table-cell">{col('code')}</Th>
                  <Th>{col('store')}</Th>
                  <Th className="text-right">{col('uses')}</Th>
                  <Th className="text-right">{col('discount')}</Th>
                  <Th className="hidden text-right md:table-cell">{col('left')}</Th>
                </tr>
              </THead>
              <tbody>
                {rows.map((r) => (
                  <Tr key={`${r.couponId}-${r.storeId}`} data-testid="report-row">
                    <Td className="font-medium text-zinc-900">{r.name}</Td>
                    <Td className="hidden font-mono text-xs sm:table-cell">{r.code ?? '—'}</Td>
                    <Td>{store(r.storeId)}</Td>
                    <Td className="text-right tabular-nums">{n(r.uses)}</Td>
                    <Td className="text-right tabular-nums">{m(r.discount)}</Td>
                    <Td className="hidden text-right tabular-nums md:table-cell">
                      {left(r) === null ? t('balances.reports.coupons.unlimited') : n(left(r) ?? 0)}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </>
      )}
    </ReportFrame>
  );
}
