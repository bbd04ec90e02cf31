// The right half of the register: the client (with her packages), the lines and the totals.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState.js';
import type { ClientSummary } from '../../clients/types.js';
import { Recommendations } from '../../packages/profile/Recommendations.js';
import type { ClientPackage } from '../../packages/types.js';
import type { StoreStaff } from '../lib/staff.js';
import type { Sale, SaleLine } from '../types.js';
import { ClientChip } from './ClientChip.js';
import { ClientPackages } from './ClientPackages.js';
import { TicketLines } from './TicketLines.js';
import { TicketTotals } from './TicketTotals.js';
import type { TicketPackages } from './useTicketPackages.js';

export function TicketPanel({
  sale,
  staff,
  busy,
  error,
  canPay,
  packages,
  onClient,
  onEdit,
  onQuantity,
  onRemove,
  onUsePackage,
  onOpenPackage,
  onDiscount,
  onPay,
}: {
  sale: Sale;
  staff: StoreStaff;
  busy: boolean;
  error: ReactNode;
  canPay: boolean;
  packages: TicketPackages;
  onClient: (client: ClientSummary | null) => void;
  onEdit: (line: SaleLine) => void;
  onQuantity: (line: SaleLine, quantity: number) => void;
  onRemove: (line: SaleLine) => void;
  onUsePackage: (line: SaleLine) => void;
  onOpenPackage: (pkg: ClientPackage) => void;
  onDiscount: () => void;
  onPay: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex h-full min-h-0 flex-col bg-white" data-testid="ticket-panel">
      <div className="border-b border-zinc-100 p-3">
        <ClientChip clientId={sale.clientId} onChange={onClient} />
        {/* Her packages with sessions left: a session pays for a service on the ticket or one she adds. */}
        {sale.clientId ? <ClientPackages sale={sale} packages={packages} onOpen={onOpenPackage} /> : null}
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
          <TicketLines
            sale={sale}
            staff={staff}
            packages={packages}
            onEdit={onEdit}
            onQuantity={onQuantity}
            onRemove={onRemove}
            onUsePackage={onUsePackage}
          />
        )}
      </div>
      {error ? <div className="px-3 pb-2">{error}</div> : null}
      <TicketTotals sale={sale} busy={busy} onDiscount={onDiscount} onPay={onPay} canPay={canPay} />
    </div>
  );
}
