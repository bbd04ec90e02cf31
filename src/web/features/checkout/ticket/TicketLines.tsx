// The lines of the ticket: what, who did it, how many, and the amount the server priced. Tap a line to
// change its technician, price or discount; the stepper changes the quantity in place.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Icon } from '../../../components/icons.js';
import { Spinner } from '../../../components/Spinner.js';
import { salesKindsQuery } from '../api.js';
import { CIcon } from '../icons.js';
import { lineAmount } from '../lib/lines.js';
import { useMoney } from '../lib/money.js';
import type { StoreStaff } from '../lib/staff.js';
import type { Sale, SaleLine } from '../types.js';
import { isPendingLine } from './optimistic.js';

export function TicketLines({
  sale,
  staff,
  onEdit,
  onQuantity,
  onRemove,
}: {
  sale: Sale;
  staff: StoreStaff;
  onEdit: (line: SaleLine) => void;
  onQuantity: (line: SaleLine, quantity: number) => void;
  onRemove: (line: SaleLine) => void;
}) {
  // Labels of line kinds from the server's registry (a module's own kinds included).
  const kinds = useQuery(salesKindsQuery(sale.storeId));
  const kindLabel = (kind: string) => kinds.data?.lineKinds.find((k) => k.kind === kind)?.label;
  return (
    <ul className="divide-y divide-zinc-100" data-testid="ticket-lines">
      {sale.lines.map((line) => (
        <LineRow
          key={line.id}
          line={line}
          currency={sale.currency}
          staff={staff}
          registryLabel={kindLabel(line.kind)}
          onEdit={() => onEdit(line)}
          onQuantity={(q) => onQuantity(line, q)}
          onRemove={() => onRemove(line)}
        />
      ))}
    </ul>
  );
}

function LineRow({
  line,
  currency,
  staff,
  registryLabel,
  onEdit,
  onQuantity,
  onRemove,
}: {
  line: SaleLine;
  currency: string;
  staff: StoreStaff;
  registryLabel: string | undefined;
  onEdit: () => void;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  const pending = isPendingLine(line);
  const overridden = line.unitPrice !== line.listPrice;
  const kindLabel = t(`checkout.kinds.${line.kind}`, { defaultValue: registryLabel ?? line.kind.replace(/_/g, ' ') });
  const meta = [line.quantity > 1 ? `${line.quantity} × ${money(line.unitPrice)}` : overridden ? money(line.unitPrice) : null].filter(
    Boolean,
  );
  return (
    <li data-testid="ticket-line" data-kind={line.kind} data-name={line.displayName} className={cx('px-4 py-2.5', pending && 'opacity-60')}>
      <button
        type="button"
        className="flex w-full items-start gap-3 text-left"
        onClick={onEdit}
        disabled={pending}
        data-testid="ticket-line-edit"
      >
        <span className="min-w-0 flex-1">
          <span className="flex items-center gap-2 text-[15px] font-medium leading-snug text-zinc-900">
            <span className="line-clamp-2">{line.displayName}</span>
            {line.kind !== 'service' ? (
              <span className="shrink-0 rounded bg-zinc-100 px-1.5 py-0.5 text-[10px] font-semibold uppercase tracking-wide text-zinc-500">
                {kindLabel}
              </span>
            ) : null}
          </span>
        </span>
        <span className="shrink-0 text-right">
          <span className="block text-[15px] font-semibold tabular-nums text-zinc-900" data-testid="ticket-line-amount">
            {pending ? <Spinner className="ml-auto size-4 text-zinc-400" /> : money(lineAmount(line))}
          </span>
          {line.lineDiscount > 0 && !pending ? (
            <span className="block text-xs tabular-nums text-zinc-400 line-through">{money(line.gross)}</span>
          ) : null}
        </span>
      </button>
      <div className="mt-1.5 flex items-center gap-2">
        <p className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-500">
          {line.technicians.length ? (
            <span
              className="inline-flex items-center gap-1 rounded-full bg-zinc-100 px-2 py-0.5 font-medium text-zinc-700"
              data-testid="ticket-line-tech"
            >
              {line.technicians
                .map((tt) => (line.technicians.length > 1 ? `${staff.name(tt.staffId)} ${tt.sharePercent}%` : staff.name(tt.staffId)))
                .join(' · ')}
            </span>
          ) : null}
          {meta.length ? <span className="tabular-nums">{meta.join(' ')}</span> : null}
          {overridden ? (
            <span className="text-amber-700">{t('checkout.ticket.priceChanged', { price: money(line.listPrice) })}</span>
          ) : null}
          {line.discount ? (
            <span className="inline-flex items-center gap-0.5 text-emerald-700">
              <CIcon name="tag" className="size-3" />
              {line.discount.type === 'percent' ? `${line.discount.percent}%` : money(line.discount.amount ?? 0)} · {line.discount.reason}
            </span>
          ) : null}
        </p>
        {!pending ? (
          <div className="flex shrink-0 items-center gap-1">
            <div className="flex items-center rounded-lg ring-1 ring-zinc-200">
              <button
                type="button"
                className="flex size-8 items-center justify-center rounded-l-lg text-zinc-600 hover:bg-zinc-100 disabled:opacity-30"
                onClick={() => onQuantity(line.quantity - 1)}
                disabled={line.quantity <= 1}
                aria-label={t('checkout.ticket.less')}
                data-testid="ticket-line-less"
              >
                <CIcon name="minus" className="size-3.5" />
              </button>
              <span className="w-7 text-center text-sm font-semibold tabular-nums" data-testid="ticket-line-qty">
                {line.quantity}
              </span>
              <button
                type="button"
                className="flex size-8 items-center justify-center rounded-r-lg text-zinc-600 hover:bg-zinc-100 disabled:opacity-30"
                onClick={() => onQuantity(line.quantity + 1)}
                disabled={line.quantity >= 999}
                aria-label={t('checkout.ticket.more')}
                data-testid="ticket-line-more"
              >
                <Icon name="plus" className="size-3.5" />
              </button>
            </div>
            <IconButton
              icon="trash"
              size="sm"
              label={t('checkout.ticket.removeLine')}
              onClick={onRemove}
              data-testid="ticket-line-remove"
              className="text-zinc-400 hover:text-red-600"
            />
          </div>
        ) : null}
      </div>
    </li>
  );
}
