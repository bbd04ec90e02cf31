// An X report (one shift so far) or a Z report (the store's business day): sales, discounts, tax by rate,
// tips by technician, tenders, refunds, voids, net — the server's sums, laid out to read and to print.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.js';
import { useMoney } from '../checkout/lib/money.js';
import { useWallTime } from '../checkout/lib/time.js';
import { neg } from './neg.js';
import { OverShort } from './OverShort.js';
import type { SalesSummary, XReport, ZReport } from './types.js';

export function ReportBody({ report, storeName }: { report: XReport | ZReport; storeName: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const wall = useWallTime();
  const currency = report.kind === 'z' ? report.store.currency : report.shift.currency;
  const money = useMoney(currency);
  const s: SalesSummary = report;
  const tt = t as unknown as (key: string, opts?: Record<string, unknown>) => string;
  return (
    <div className="space-y-5 text-sm text-zinc-800" data-testid={`${report.kind}-report`}>
      <header className="text-center">
        <p className="text-lg font-bold text-zinc-900">{report.kind === 'z' ? t('shifts.zReport') : t('shifts.xReport')}</p>
        <p className="font-medium">{storeName}</p>
        <p className="text-zinc-500">
          {report.kind === 'z'
            ? fmt.calendarDate(report.date)
            : t('shifts.shiftSince', { drawer: report.shift.drawer, time: wall.dateTime(report.shift.openedAt) })}
        </p>
        {s.receiptRange ? (
          <p className="text-xs text-zinc-500">{t('shifts.report.receipts', { first: s.receiptRange.first, last: s.receiptRange.last })}</p>
        ) : null}
      </header>

      <Section title={t('shifts.report.sales')}>
        <Row label={t('shifts.report.count')} value={String(s.sales.count)} />
        <Row label={t('checkout.totals.subtotal')} value={money(s.sales.subtotal)} />
        <Row label={t('checkout.totals.discounts')} value={neg(money, s.sales.discounts)} />
        <Row label={t('checkout.totals.tax')} value={money(s.sales.tax)} />
        <Row label={t('checkout.totals.total')} value={money(s.sales.total)} strong />
        <Row label={t('checkout.pay.tip')} value={money(s.sales.tips)} />
        {s.sales.cashRounding ? <Row label={t('checkout.pay.cashRounding')} value={money(s.sales.cashRounding, { sign: true })} /> : null}
        <Row label={t('shifts.report.collected')} value={money(s.sales.paid)} strong />
      </Section>

      {s.byCategory.length ? (
        <Section title={t('shifts.report.byCategory')}>
          {s.byCategory.map((c) => (
            <Row
              key={c.category}
              label={`${tt(`checkout.kinds.${c.category}`, { defaultValue: c.category })} × ${c.quantity}`}
              value={money(c.net)}
            />
          ))}
        </Section>
      ) : null}

      <Section title={t('shifts.report.taxes')}>
        {s.taxes.length === 0 ? <Row label={t('shifts.report.none')} value={money(0)} /> : null}
        {s.taxes.map((x) => (
          <Row
            key={x.code}
            label={`${x.name} ${x.rate}%`}
            value={money(x.net)}
            detail={x.refunded ? t('shifts.report.taxRefunded', { collected: money(x.collected), refunded: money(x.refunded) }) : undefined}
          />
        ))}
      </Section>

      <Section title={t('shifts.report.tenders')}>
        {s.tenders.map((x) => (
          <Row
            key={x.kind}
            label={`${tt(`checkout.tenders.${x.kind}`, { defaultValue: x.kind })} × ${x.count}`}
            value={money(x.net)}
            detail={
              [
                x.tip ? t('shifts.report.tipPart', { tip: money(x.tip) }) : '',
                x.refunded ? t('shifts.report.refundedPart', { amount: money(x.refunded) }) : '',
              ]
                .filter(Boolean)
                .join(' · ') || undefined
            }
          />
        ))}
      </Section>

      {s.tips.byStaff.length ? (
        <Section title={t('shifts.report.tips')}>
          {s.tips.byStaff.map((x) => (
            <Row
              key={x.staffId}
              label={x.name}
              value={money(x.amount)}
              detail={Object.entries(x.byTender)
                .map(([k, v]) => `${tt(`checkout.tenders.${k}`, { defaultValue: k })} ${money(v)}`)
                .join(' · ')}
            />
          ))}
        </Section>
      ) : null}

      <Section title={t('shifts.report.refundsVoids')}>
        <Row label={t('shifts.report.refunds', { count: s.refunds.count })} value={neg(money, s.refunds.total)} />
        <Row label={t('shifts.report.voids', { count: s.voids.count })} value={neg(money, s.voids.total)} />
      </Section>

      <div className="flex items-baseline justify-between border-y-2 border-zinc-900 py-2 text-base font-bold text-zinc-900">
        <span>{t('shifts.report.net')}</span>
        <span className="tabular-nums" data-testid="report-net">
          {money(s.net)}
        </span>
      </div>

      {report.kind === 'x' ? (
        <Section title={t('shifts.report.drawer')}>
          <Row label={t('shifts.float')} value={money(report.shift.drawerFigures.openingFloat)} />
          <Row label={t('shifts.cashSales')} value={money(report.shift.drawerFigures.cashSales)} />
          <Row label={t('shifts.cashRefunds')} value={neg(money, report.shift.drawerFigures.cashRefunds)} />
          <Row label={t('shifts.paidIn')} value={money(report.shift.drawerFigures.paidIn)} />
          <Row label={t('shifts.paidOut')} value={neg(money, report.shift.drawerFigures.paidOut)} />
          <Row label={t('shifts.expected')} value={money(report.shift.drawerFigures.expectedCash)} strong />
        </Section>
      ) : (
        <Section title={t('shifts.report.drawers')}>
          {report.shifts.map((x) => (
            <Row
              key={x.id}
              label={`${x.drawer} · ${x.status === 'open' ? t('shifts.statusOpen') : t('shifts.statusClosed')}`}
              value={x.overShort === null ? '—' : money(x.overShort, { sign: true })}
              detail={
                x.countedCash !== null
                  ? t('shifts.report.expectedCounted', { expected: money(x.expectedCash ?? 0), counted: money(x.countedCash) })
                  : undefined
              }
            />
          ))}
          {report.shifts.length ? (
            <div className="pt-1">
              <OverShort cents={report.overShort} currency={currency} />
            </div>
          ) : (
            <Row label={t('shifts.report.none')} value="" />
          )}
          {!report.allShiftsClosed ? <p className="text-xs font-medium text-amber-700">{t('shifts.report.notFinal')}</p> : null}
        </Section>
      )}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h3 className="mb-1.5 border-b border-dashed border-zinc-300 pb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">
        {title}
      </h3>
      <dl className="space-y-1">{children}</dl>
    </section>
  );
}

function Row({ label, value, detail, strong }: { label: string; value: string; detail?: string | undefined; strong?: boolean }) {
  return (
    <div>
      <div className={`flex justify-between gap-3 ${strong ? 'font-semibold text-zinc-900' : ''}`}>
        <dt>{label}</dt>
        <dd className="tabular-nums">{value}</dd>
      </div>
      {detail ? <p className="text-xs text-zinc-500">{detail}</p> : null}
    </div>
  );
}
