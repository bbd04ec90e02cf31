// The day's sales with their receipt numbers (any day; or one receipt by its number). A row opens the sale:
// receipt, refund, void.
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Input, Select } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { LinkButton } from '../../../components/LinkButton.js';
import { PageHeader } from '../../../components/Page.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../../components/Table.js';
import { useDebounced } from '../../../lib/useDebounced.js';
import { useCan } from '../../auth/session.js';
import { clientQuery } from '../../clients/api.js';
import { fullName } from '../../clients/format.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { Guard } from '../../shell/Guard.js';
import { salesListQuery } from '../api.js';
import { CheckoutTabs } from '../CheckoutPage.js';
import { todayIn } from '../home/ReadyAppointments.js';
import { useMoney } from '../lib/money.js';
import type { SaleSummary } from '../types.js';

export function SalesHistoryPage() {
  return (
    <Guard allow="sales.read">
      <History />
    </Guard>
  );
}

function History() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { store } = useCurrentStore();
  const today = todayIn(store?.timeZone ?? 'UTC');
  const [date, setDate] = useState(today);
  const [status, setStatus] = useState<'' | 'completed' | 'voided'>('');
  const [receipt, setReceipt] = useState('');
  const code = useDebounced(receipt.trim(), 250);
  const list = useQuery({
    ...salesListQuery(
      code ? { storeId: store?.id ?? '', receipt: code } : { storeId: store?.id ?? '', from: date, to: date, status: status || undefined },
    ),
    enabled: !!store,
  });
  const rows = (list.data?.data ?? []).filter((s) => s.status === 'completed' || s.status === 'voided');
  if (!store) return null;

  return (
    <div data-testid="sales-history">
      <PageHeader
        title={t('checkout.title')}
        description={t('checkout.history.description')}
        actions={
          can('shifts.manage') || can('reports.read') ? (
            <LinkButton to="/cash-drawer" search={{ z: date }} data-testid="history-z-report">
              {t('checkout.history.zReport')}
            </LinkButton>
          ) : null
        }
      >
        <CheckoutTabs />
      </PageHeader>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <Input
          type="date"
          value={date}
          max={today}
          onChange={(e) => setDate(e.target.value || today)}
          className="w-44"
          aria-label={t('checkout.history.date')}
          data-testid="history-date"
          disabled={!!code}
        />
        <Select
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
          className="w-44"
          aria-label={t('checkout.history.status')}
          disabled={!!code}
        >
          <option value="">{t('checkout.history.allStatuses')}</option>
          <option value="completed">{t('checkout.status.completed')}</option>
          <option value="voided">{t('checkout.status.voided')}</option>
        </Select>
        <div className="relative w-full sm:w-56">
          <Icon name="search" className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
          <Input
            value={receipt}
            onChange={(e) => setReceipt(e.target.value)}
            placeholder={t('checkout.history.receiptSearch')}
            aria-label={t('checkout.history.receiptSearch')}
            className="pl-9"
            data-testid="history-receipt"
          />
        </div>
      </div>
      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : list.isError ? (
        <ProblemAlert error={list.error} />
      ) : rows.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState
            icon="receipt"
            title={t('checkout.history.emptyTitle')}
            description={code ? t('checkout.history.noReceipt', { code }) : t('checkout.history.emptyBody')}
            testId="history-empty"
          />
        </div>
      ) : (
        <Table data-testid="history-table">
          <THead>
            <tr>
              <Th>{t('checkout.history.receipt')}</Th>
              <Th className="hidden sm:table-cell">{t('checkout.history.client')}</Th>
              <Th className="text-right">{t('checkout.sale.paid')}</Th>
              <Th className="hidden text-right md:table-cell">{t('checkout.pay.tip')}</Th>
              <Th className="hidden text-right md:table-cell">{t('checkout.sale.refunded')}</Th>
              <Th>{t('checkout.history.status')}</Th>
            </tr>
          </THead>
          <tbody>
            {rows.map((s) => (
              <HistoryRow
                key={s.id}
                sale={s}
                currency={store.currency}
                onOpen={() => void navigate({ to: '/checkout/$saleId', params: { saleId: s.id } })}
              />
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

function HistoryRow({ sale, currency, onOpen }: { sale: SaleSummary; currency: string; onOpen: () => void }) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  const client = useQuery({ ...clientQuery(sale.clientId ?? ''), enabled: !!sale.clientId, staleTime: 5 * 60_000 });
  return (
    <Tr onClick={onOpen} data-testid="history-row" data-receipt={sale.receiptCode}>
      <Td className="font-medium text-zinc-900">
        <span className="font-mono text-[13px]">{sale.receiptCode}</span>
        <span className="block text-xs text-zinc-500 sm:hidden">
          {client.data ? fullName(client.data) : sale.clientId ? '…' : t('checkout.ticket.walkIn')}
        </span>
      </Td>
      <Td className="hidden sm:table-cell">
        {client.data ? fullName(client.data) : sale.clientId ? '…' : <span className="text-zinc-400">{t('checkout.ticket.walkIn')}</span>}
      </Td>
      <Td className="text-right tabular-nums text-zinc-900">{money(sale.amountPaid)}</Td>
      <Td className="hidden text-right tabular-nums md:table-cell">{sale.tipTotal ? money(sale.tipTotal) : '—'}</Td>
      <Td className="hidden text-right tabular-nums md:table-cell">{sale.refundedTotal ? `−${money(sale.refundedTotal)}` : '—'}</Td>
      <Td>
        {sale.status === 'voided' ? (
          <Badge tone="danger">{t('checkout.status.voided')}</Badge>
        ) : sale.refundedTotal > 0 ? (
          <Badge tone="warning">
            {sale.refundedTotal >= sale.amountPaid ? t('checkout.status.refunded') : t('checkout.status.partlyRefunded')}
          </Badge>
        ) : (
          <Badge tone="success">{t('checkout.status.completed')}</Badge>
        )}
      </Td>
    </Tr>
  );
}
