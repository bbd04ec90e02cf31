// Coupon campaigns (优惠券): what each gives, its limits and dates, how much it has been used; add, change,
// and issue to clients.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../components/Table.js';
import { useCan } from '../auth/session.js';
import { useCouponValue } from '../balances/couponText.js';
import { useCalendarDate, useMoney, useNumber } from '../balances/money.js';
import { type Coupon, couponsQuery } from './api.js';
import { CouponDrawer } from './CouponDrawer.js';
import { IssueCouponDialog } from './IssueCouponDialog.js';

export function CouponsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const coupons = useQuery(couponsQuery);
  const value = useCouponValue();
  const { m } = useMoney();
  const n = useNumber();
  const date = useCalendarDate();
  const [editing, setEditing] = useState<{ coupon: Coupon | null } | null>(null);
  const [issuing, setIssuing] = useState<Coupon | null>(null);
  const dates = (c: Coupon) =>
    c.startsOn && c.endsOn
      ? `${date(c.startsOn)} – ${date(c.endsOn)}`
      : c.endsOn
        ? t('loyalty.bonuses.untilDate', { to: date(c.endsOn) })
        : c.startsOn
          ? t('loyalty.bonuses.fromDate', { from: date(c.startsOn) })
          : t('loyalty.bonuses.always');
  return (
    <div className="space-y-4" data-testid="loyalty-coupons">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-xl text-sm text-zinc-500">{t('loyalty.coupons.body')}</p>
        <Button variant="primary" icon="plus" onClick={() => setEditing({ coupon: null })} data-testid="coupon-add">
          {t('loyalty.coupons.add')}
        </Button>
      </div>
      {coupons.isPending ? (
        <Loading label={t('common.loading')} />
      ) : coupons.isError ? (
        <ProblemAlert error={coupons.error} />
      ) : coupons.data.data.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState icon="plus" title={t('loyalty.coupons.emptyTitle')} description={t('loyalty.coupons.emptyBody')} />
        </div>
      ) : (
        <Table data-testid="coupons-table">
          <THead>
            <tr>
              <Th>{t('loyalty.coupons.name')}</Th>
              <Th className="hidden md:table-cell">{t('loyalty.coupons.valid')}</Th>
              <Th className="text-right">{t('loyalty.coupons.used')}</Th>
              <Th className="hidden text-right sm:table-cell">{t('loyalty.coupons.discountGiven')}</Th>
              <Th />
            </tr>
          </THead>
          <tbody>
            {coupons.data.data.map((c) => (
              <Tr key={c.id} onClick={() => setEditing({ coupon: c })} data-testid="coupon-row">
                <Td>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-zinc-900">{c.name}</span>
                    {!c.active ? <Badge>{t('loyalty.coupons.inactive')}</Badge> : null}
                    {c.issuedOnly ? <Badge tone="info">{t('loyalty.coupons.issuedOnlyShort')}</Badge> : null}
                  </div>
                  <p className="text-xs text-zinc-500">
                    {value(c)}
                    {c.minSpend ? ` · ${t('loyalty.coupons.minSpendShort', { amount: m(c.minSpend) })}` : ''}
                    {c.code ? <span className="ml-1.5 font-mono text-zinc-700">{c.code}</span> : null}
                  </p>
                </Td>
                <Td className="hidden text-sm text-zinc-600 md:table-cell">{dates(c)}</Td>
                <Td className="whitespace-nowrap text-right tabular-nums">
                  {n(c.used)}
                  {c.totalLimit ? <span className="text-zinc-400"> / {n(c.totalLimit)}</span> : null}
                </Td>
                <Td className="hidden text-right tabular-nums sm:table-cell">{m(c.discountGiven)}</Td>
                <Td className="text-right">
                  {can('ledgers.adjust') && c.active ? (
                    <Button
                      size="sm"
                      onClick={(e) => {
                        e.stopPropagation();
                        setIssuing(c);
                      }}
                      data-testid="coupon-issue"
                    >
                      {t('loyalty.coupons.issue')}
                    </Button>
                  ) : null}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      <CouponDrawer open={editing !== null} coupon={editing?.coupon ?? null} onClose={() => setEditing(null)} />
      {issuing ? <IssueCouponDialog coupon={issuing} onClose={() => setIssuing(null)} /> : null}
    </div>
  );
}
