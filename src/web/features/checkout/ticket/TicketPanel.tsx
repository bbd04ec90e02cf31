// The right half of the register: the client, the lines and the totals.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState.js';
import type { ClientSummary } from '../../clients/types.js';
import { Recommendations } from '../../packages/profile/Recommendations.js';
import type { StoreStaff } from '../lib/staff.js';
import type { Sale, SaleLine } from '../types.js';
import { ClientChip } from './ClientChip.js';
import { TicketLines } from './TicketLines.js';
import { TicketTotals } from './TicketTotals.js';

export function TicketPanel({
  sale,
  staff,
  busy,
  error,
  canPay,
  onClient,
  onEdit,
  onQuantity,
  onRemove,
  onDiscount,
  onPay,
}: {
  sale: Sale;
  staff: StoreStaff;
  busy: boolean;
  error: ReactNode;
  canPay: boolean;
  onClient: (client: ClientSummary | null) => void;
  onEdit: (line: SaleLine) => void;
  onQuantity: (line: SaleLine, quantity: number) => void;
  onRemove: (line: SaleLine) => void;
  onDiscount: () => void;
  onPay: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex h-full min-h-0 flex-col bg-white" data-testid="ticket-panel">
      <div className="border-b border-zinc-100 p-3">
        <ClientChip clientId={sale.clientId} onChange={onClient} />
        {/* Open package suggestions for her, in the reader's language, to mention while paying. */}
        {sale.clientId ? <Recommendations clientId={sale.clientId} compact /> : null}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {sale.lines.length === 0 ? (
          <EmptyState
            icon="receipt"
            title={t('checkout.ticket.emptyTitle')}
            description={t('checkout.ticket.emptyBody')}
            testId="ticket-empty"
          />
        ) : (
          <TicketLines sale={sale} staff={staff} onEdit={onEdit} onQuantity={onQuantity} onRemove={onRemove} />
        )}
      </div>
      {error ? <div className="px-3 pb-2">{error}</div> : null}
      <TicketTotals sale={sale} busy={busy} onDiscount={onDiscount} onPay={onPay} canPay={canPay} />
    </div>
  );
}
