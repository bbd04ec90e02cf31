// Sales with their receipt numbers, completion time and client, filtered by a range of days, a technician,
// a tender and a status (or one receipt by its number). A row opens the sale: receipt, refund, void.
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
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
import { dateIn } from '../../../lib/hours.js';
import { useDebounced } from '../../../lib/useDebounced.js';
import { useCan } from '../../auth/session.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { Guard } from '../../shell/Guard.js';
import { salesKindsQuery, salesListQuery } from '../api.js';
import { CheckoutTabs } from '../CheckoutPage.js';
import { useMoney } from '../lib/money.js';
import { useStoreStaff } from '../lib/staff.js';
import { tenderSpecs } from '../lib/tenders.js';
import { useWallTime } from '../lib/time.js';
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
  const today = dateIn(store?.timeZone ?? 'UTC');
  const [date, setDate] = useState(today);
  const [to, setTo] = useState(today);
  const [status, setStatus] = useState<'' | 'completed' | 'voided'>('');
  const [staffId, setStaffId] = useState('');
  const [tender, setTender] = useState('');
  const [receipt, setReceipt] = useState('');
  const code = useDebounced(receipt.trim(), 250);
  const staff = useStoreStaff(store?.id ?? '');
  const kinds = useQuery({ ...salesKindsQuery(store?.id ?? ''), enabled: !!store });
  const tenders = useMemo(() => (kinds.data ? tenderSpecs(kinds.data) : []), [kinds.data]);
  const list = useQuery({
    ...salesListQuery(
      code
        ? { storeId: store?.id ?? '', receipt: code }
        : {
            storeId: store?.id ?? '',
            from: date,
            to,
            status: status || undefined,
            staffId: staffId || undefined,
            tender: tender || undefined,
          },
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
          onChange={(e) => {
            const from = e.target.value || today;
            setDate(from);
            if (to < from) setTo(from);
          }}
          className="w-44"
          aria-label={t('checkout.history.date')}
          data-testid="history-date"
          disabled={!!code}
        />
        <Input
          type="date"
          value={to}
          min={date}
          max={today}
          onChange={(e) => setTo(e.target.value || date)}
          className="w-44"
          aria-label={t('checkout.history.to')}
          data-testid="history-to"
          disabled={!!code}
        />
        <Select
          value={staffId}
          onChange={(e) => setStaffId(e.target.value)}
          className="w-44"
          aria-label={t('checkout.history.technician')}
          data-testid="history-staff"
          disabled={!!code}
        >
          <option value="">{t('checkout.history.allTechnicians')}</option>
          {staff.technicians.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName || p.name}
            </option>
          ))}
        </Select>
        <Select
          value={tender}
          onChange={(e) => setTender(e.target.value)}
          className="w-44"
          aria-label={t('checkout.history.tender')}
          data-testid="history-tender"
          disabled={!!code}
        >
          <option value="">{t('checkout.history.allTenders')}</option>
          {tenders.map((x) => (
            <option key={x.kind} value={x.kind}>
              {t(`checkout.tenders.${x.kind}` as 'checkout.tenders.cash', { defaultValue: x.label })}
            </option>
          ))}
        </Select>
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
              <Th className="hidden md:table-cell">{t('checkout.history.completedAt')}</Th>
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
  const { dateTime } = useWallTime();
  const client = sale.clientName ?? (sale.clientId ? '…' : null);
  return (
    <Tr onClick={onOpen} data-testid="history-row" data-receipt={sale.receiptCode}>
      <Td className="font-medium text-zinc-900">
        <span className="font-mono text-[13px]">{sale.receiptCode}</span>
        <span className="block text-xs text-zinc-500 sm:hidden">{client ?? t('checkout.ticket.walkIn')}</span>
      </Td>
      <Td className="hidden tabular-nums text-zinc-600 md:table-cell" data-testid="history-completed-at">
        {dateTime(sale.completedAt)}
      </Td>
      <Td className="hidden sm:table-cell" data-testid="history-client">
        {client ?? <span className="text-zinc-400">{t('checkout.ticket.walkIn')}</span>}
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
