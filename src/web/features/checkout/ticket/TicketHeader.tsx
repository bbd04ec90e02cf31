// The register's top bar: back to checkout (the ticket stays parked), the ticket's name, discard.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { ConfirmDialog } from '../../../components/Dialog.js';
import { Icon } from '../../../components/icons.js';
import type { StoreSummary } from '../../../http/types.js';
import { clientQuery } from '../../clients/api.js';
import { fullName } from '../../clients/format.js';
import { CIcon } from '../icons.js';
import type { Sale } from '../types.js';

export function TicketHeader({
  sale,
  store,
  onBack,
  onLabel,
  onDiscard,
}: {
  sale: Sale;
  store: StoreSummary;
  onBack: () => void;
  onLabel: (label: string) => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(sale.label ?? '');
  const [confirm, setConfirm] = useState(false);
  const client = useQuery({ ...clientQuery(sale.clientId ?? ''), enabled: !!sale.clientId, staleTime: 60_000 });
  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-zinc-200 bg-white px-2 sm:px-4">
      <Button variant="ghost" onClick={onBack} data-testid="ticket-back" className="px-2.5">
        <CIcon name="arrowLeft" className="size-5" />
        <span className="hidden sm:inline">{t('checkout.ticket.park')}</span>
      </Button>
      <div className="min-w-0 flex-1">
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setEditing(false);
              if (label.trim() !== (sale.label ?? '')) onLabel(label.trim());
            }}
            className="flex items-center gap-2"
          >
            <input
              // biome-ignore lint/a11y/noAutofocus: opened to type the name
              autoFocus
              value={label}
              maxLength={60}
              onChange={(e) => setLabel(e.target.value)}
              onBlur={(e) => e.currentTarget.form?.requestSubmit()}
              placeholder={t('checkout.ticket.labelPlaceholder')}
              aria-label={t('checkout.ticket.label')}
              data-testid="ticket-label-input"
              className="h-9 w-full max-w-xs rounded-lg border-0 px-3 text-[15px] ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-orchid-600"
            />
          </form>
        ) : (
          <button
            type="button"
            onClick={() => setEditing(true)}
            className="group flex min-w-0 items-center gap-2 rounded-lg px-2 py-1 text-left hover:bg-zinc-100"
            data-testid="ticket-label"
          >
            <span className="truncate text-base font-semibold text-zinc-900" data-testid="ticket-title">
              {sale.label ||
                (client.data ? fullName(client.data) : null) ||
                (sale.appointmentId ? t('checkout.ticket.appointmentTicket') : t('checkout.ticket.walkIn'))}
            </span>
            <Icon name="pencil" className="size-4 shrink-0 text-zinc-400 group-hover:text-zinc-600" />
          </button>
        )}
      </div>
      <span className="hidden items-center gap-1.5 text-sm text-zinc-500 lg:flex">
        <Icon name="store" className="size-4" />
        {store.name}
      </span>
      <Button variant="danger-ghost" onClick={() => setConfirm(true)} data-testid="ticket-discard" className="px-2.5">
        <Icon name="trash" className="size-4" />
        <span className="hidden sm:inline">{t('checkout.ticket.discard')}</span>
      </Button>
      <ConfirmDialog
        open={confirm}
        onClose={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          onDiscard();
        }}
        title={t('checkout.ticket.discardTitle')}
        body={t('checkout.ticket.discardBody')}
        confirmLabel={t('checkout.ticket.discard')}
        testId="discard-dialog"
      />
    </header>
  );
}
