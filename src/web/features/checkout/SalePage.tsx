// /checkout/$saleId: an open ticket is the register; a completed or voided sale shows its receipt.
import { useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.js';
import { LinkButton } from '../../components/LinkButton.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { useMe } from '../auth/session.js';
import { Guard } from '../shell/Guard.js';
import { SaleView } from './sale/SaleView.js';
import { TicketScreen } from './ticket/TicketScreen.js';
import { useTicket } from './ticket/useTicket.js';

export function SalePage() {
  return (
    <Guard allow="sales.read">
      <SaleRoute />
    </Guard>
  );
}

function SaleRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const { saleId } = useParams({ strict: false }) as { saleId: string };
  const search = useSearch({ strict: false }) as { paid?: boolean };
  const ticket = useTicket(saleId);
  const sale = ticket.sale;

  if (ticket.query.isPending && !sale) return <Loading label={t('common.loading')} />;
  if (!sale)
    return <ProblemAlert error={ticket.query.error} action={<LinkButton to="/checkout">{t('checkout.backToCheckout')}</LinkButton>} />;
  const store = me.stores.find((s) => s.id === sale.storeId);
  if (!store) return <ProblemAlert error={ticket.query.error} />;
  if (sale.status === 'open') return <TicketScreen ticket={ticket} store={store} />;
  if (sale.status === 'discarded')
    return (
      <EmptyState
        icon="trash"
        title={t('checkout.discardedTitle')}
        description={t('checkout.discardedBody')}
        action={<LinkButton to="/checkout">{t('checkout.backToCheckout')}</LinkButton>}
        testId="sale-discarded"
      />
    );
  return <SaleView sale={sale} store={store} justPaid={!!search.paid} />;
}
