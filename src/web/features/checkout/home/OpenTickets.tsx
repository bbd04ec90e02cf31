// Parked tickets of the store (every terminal's), newest first; tap one to carry on.
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { Badge } from '../../../components/Badge.js';
import { Icon } from '../../../components/icons.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import type { Page } from '../../../http/types.js';
import { clientQuery } from '../../clients/api.js';
import { avatarName, fullName } from '../../clients/format.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { useMoney } from '../lib/money.js';
import type { SaleSummary } from '../types.js';

export function OpenTickets({ query }: { query: UseQueryResult<Page<SaleSummary>> }) {
  const { t } = useTranslation();
  const list = query.data?.data ?? [];
  return (
    <section aria-labelledby="open-tickets" data-testid="open-tickets">
      <h2 id="open-tickets" className="mb-3 flex items-center gap-2 text-base font-semibold text-zinc-900">
        {t('checkout.openTickets')}
        {list.length ? <Badge tone="accent">{list.length}</Badge> : null}
      </h2>
      {query.isError ? <ProblemAlert error={query.error} /> : null}
      {query.isSuccess && list.length === 0 ? (
        <p
          className="rounded-xl border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-500"
          data-testid="open-tickets-empty"
        >
          {t('checkout.noOpenTickets')}
        </p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {list.map((s) => (
            <TicketCard key={s.id} sale={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TicketCard({ sale }: { sale: SaleSummary }) {
  const { t, i18n } = useTranslation();
  const { store } = useCurrentStore();
  const money = useMoney(store?.currency ?? 'USD');
  const client = useQuery({ ...clientQuery(sale.clientId ?? ''), enabled: !!sale.clientId, staleTime: 60_000 });
  const name = client.data ? fullName(client.data) : null;
  const title = sale.label || name || (sale.appointmentId ? t('checkout.ticket.appointmentTicket') : t('checkout.ticket.walkIn'));
  const at = new Date(typeof sale.updatedAt === 'number' ? sale.updatedAt : Date.parse(sale.updatedAt));
  const time = new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit', timeZone: store?.timeZone }).format(at);
  return (
    <li>
      <Link
        to="/checkout/$saleId"
        params={{ saleId: sale.id }}
        data-testid="open-ticket"
        className="flex items-center gap-3 rounded-xl bg-white p-4 shadow-card ring-1 ring-zinc-200 transition hover:ring-orchid-300 active:bg-orchid-50"
      >
        {client.data ? (
          <Avatar name={avatarName(client.data)} seed={client.data.id} className="size-11 text-sm" />
        ) : (
          <span className="flex size-11 items-center justify-center rounded-full bg-zinc-100 text-zinc-500">
            <Icon name="receipt" className="size-5" />
          </span>
        )}
        <span className="min-w-0 flex-1">
          <span className="block truncate font-semibold text-zinc-900">{title}</span>
          <span className="block truncate text-sm text-zinc-500">
            {sale.label && name ? `${name} · ` : ''}
            {t('checkout.updatedAt', { time })}
          </span>
        </span>
        <span className="text-right">
          <span className="block text-base font-semibold tabular-nums text-zinc-900">{money(sale.total)}</span>
          {sale.appointmentId ? <Badge tone="info">{t('checkout.fromAppointment')}</Badge> : null}
        </span>
      </Link>
    </li>
  );
}
