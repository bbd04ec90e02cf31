// Checkout home: start a walk-in ticket, check out today's arrived clients, resume parked tickets.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { PageHeader, Tabs } from '../../components/Page.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useCan } from '../auth/session.js';
import { useCurrentStore } from '../shell/CurrentStore.js';
import { Guard } from '../shell/Guard.js';
import type { TicketCreate } from './api.js';
import { createTicket, openTicketsQuery, saleQuery } from './api.js';
import { DrawerChip } from './home/DrawerChip.js';
import { OpenTickets } from './home/OpenTickets.js';
import { ReadyAppointments } from './home/ReadyAppointments.js';

export function CheckoutPage() {
  return (
    <Guard allow="sales.read">
      <CheckoutHome />
    </Guard>
  );
}

export function CheckoutTabs() {
  const { t } = useTranslation();
  return (
    <Tabs
      label={t('checkout.title')}
      items={[
        { to: '/checkout', label: t('checkout.tabs.tickets'), testId: 'checkout-tab-tickets' },
        { to: '/checkout/sales', label: t('checkout.tabs.sales'), testId: 'checkout-tab-sales' },
      ]}
    />
  );
}

function CheckoutHome() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { store } = useCurrentStore();
  const [error, setError] = useState<unknown>(null);
  const tickets = useQuery({ ...openTicketsQuery(store?.id ?? ''), enabled: !!store });

  const start = useMutation({
    mutationFn: (body: TicketCreate) => createTicket(body),
    onMutate: () => setError(null),
    onSuccess: (sale) => {
      queryClient.setQueryData(saleQuery(sale.id).queryKey, sale);
      void queryClient.invalidateQueries({ queryKey: ['sales', 'list'] });
      void navigate({ to: '/checkout/$saleId', params: { saleId: sale.id } });
    },
    onError: setError,
  });

  if (!store) return <ProblemAlert error={new Error(t('checkout.noStore'))} />;
  const canWrite = can('sales.write');

  return (
    <div data-testid="checkout-page">
      <PageHeader
        title={t('checkout.title')}
        description={t('checkout.description', { store: store.name })}
        actions={
          <>
            {can('shifts.manage') ? <DrawerChip storeId={store.id} /> : null}
            {canWrite ? (
              <Button
                variant="primary"
                size="lg"
                icon="plus"
                onClick={() => start.mutate({ storeId: store.id })}
                loading={start.isPending && !start.variables?.appointmentId}
                data-testid="checkout-new-walkin"
              >
                {t('checkout.newWalkIn')}
              </Button>
            ) : null}
          </>
        }
      >
        <CheckoutTabs />
      </PageHeader>
      {error ? <ProblemAlert error={error} className="mb-4" /> : null}
      <div className="space-y-8">
        <OpenTickets query={tickets} />
        <ReadyAppointments
          store={store}
          openTickets={tickets.data?.data ?? []}
          canCheckOut={canWrite}
          starting={start.isPending ? (start.variables?.appointmentId ?? null) : null}
          onCheckOut={(appointmentId) => start.mutate({ storeId: store.id, appointmentId })}
          onOpen={(saleId) => void navigate({ to: '/checkout/$saleId', params: { saleId } })}
        />
      </div>
    </div>
  );
}
