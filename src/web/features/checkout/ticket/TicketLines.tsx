// The lines of the ticket: what, who did it, how many, and the amount the server priced. Tap a line to
// change its technician, price or discount; the stepper changes the quantity in place. With her packages:
// "Use package" on a service one covers, which session a package line is, and a visit's service whose
// session was already used in the treatment room (so she is not charged, or debited, twice).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Icon } from '../../../components/icons.js';
import { Spinner } from '../../../components/Spinner.js';
import { type SessionCount, sessionCount, useTr } from '../../packages/format.js';
import { PackageIcon } from '../../packages/icons.js';
import { salesKindsQuery } from '../api.js';
import { CIcon } from '../icons.js';
import { lineAmount } from '../lib/lines.js';
import { useMoney } from '../lib/money.js';
import { lineAppointmentLineId, lineServiceId, REDEMPTION_KIND, takenOnTicket } from '../lib/redemption.js';
import type { StoreStaff } from '../lib/staff.js';
import type { Sale, SaleLine } from '../types.js';
import { isPendingLine } from './optimistic.js';
import type { TicketPackages } from './useTicketPackages.js';

/** What a line shows about her packages. */
export type LinePackage =
  /** A service one of her packages covers here and now (sessions left on the first). */
  | { kind: 'offer'; left: number }
  /** A package session: which one, of which package. */
  | { kind: 'session'; name: string; count: SessionCount }
  /** The visit's service already paid with a session in the room (`second`: this line is a session too). */
  | { kind: 'room'; name: string; number: number; total: number; second: boolean }
  | null;

export function usePackageOfLine(sale: Sale, packages: TicketPackages): (line: SaleLine) => LinePackage {
  const tr = useTr();
  return (line) => {
    if (!packages.enabled || isPendingLine(line)) return null;
    const room = packages.usedInRoom(lineAppointmentLineId(line));
    if (room && (line.kind === 'service' || line.kind === REDEMPTION_KIND))
      return {
        kind: 'room',
        name: tr(room.pkg.name, room.pkg.nameTranslations),
        number: room.session.sessionNumber,
        total: room.item?.sessions ?? room.pkg.sessions.total,
        second: line.kind === REDEMPTION_KIND,
      };
    if (line.kind === REDEMPTION_KIND) {
      const r = packages.redemptionOf(line);
      if (!r) return null;
      return {
        kind: 'session',
        name: tr(r.pkg.name, r.pkg.nameTranslations),
        count: sessionCount(r.item, takenOnTicket(sale.lines, r.item.id, line.id)),
      };
    }
    const serviceId = line.kind === 'service' ? lineServiceId(line) : undefined;
    const first = serviceId ? packages.optionsFor(serviceId)?.[0] : undefined;
    if (!first) return null;
    const item = first.package.items.find((i) => i.id === first.itemId);
    return { kind: 'offer', left: item?.remaining ?? first.package.sessions.remaining };
  };
}

export function TicketLines({
  sale,
  staff,
  packages,
  onEdit,
  onQuantity,
  onRemove,
  onUsePackage,
}: {
  sale: Sale;
  staff: StoreStaff;
  packages: TicketPackages;
  onEdit: (line: SaleLine) => void;
  onQuantity: (line: SaleLine, quantity: number) => void;
  onRemove: (line: SaleLine) => void;
  onUsePackage: (line: SaleLine) => void;
}) {
  const packageOf = usePackageOfLine(sale, packages);
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
          pkg={packageOf(line)}
          onEdit={() => onEdit(line)}
          onQuantity={(q) => onQuantity(line, q)}
          onRemove={() => onRemove(line)}
          onUsePackage={() => onUsePackage(line)}
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
  pkg,
  onEdit,
  onQuantity,
  onRemove,
  onUsePackage,
}: {
  line: SaleLine;
  currency: string;
  staff: StoreStaff;
  registryLabel: string | undefined;
  pkg: LinePackage;
  onEdit: () => void;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
  onUsePackage: () => void;
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
            <div className={cx('flex items-center rounded-lg ring-1 ring-zinc-200', line.kind === REDEMPTION_KIND && 'hidden')}>
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
      <LinePackageNote pkg={pkg} onUse={onUsePackage} onRemove={onRemove} />
    </li>
  );
}

function LinePackageNote({ pkg, onUse, onRemove }: { pkg: LinePackage; onUse: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  if (!pkg) return null;
  if (pkg.kind === 'offer')
    return (
      <button
        type="button"
        onClick={onUse}
        data-testid="ticket-line-use-package"
        className="mt-2 inline-flex min-h-9 items-center gap-1.5 rounded-full bg-orchid-50 px-3 text-xs font-semibold text-orchid-800 ring-1 ring-orchid-200 transition-colors hover:bg-orchid-100"
      >
        <PackageIcon name="layers" className="size-3.5" />
        {t('checkout.package.offer', { count: pkg.left })}
      </button>
    );
  if (pkg.kind === 'session')
    return (
      <p className="mt-1.5 flex items-center gap-1.5 text-xs font-medium text-orchid-800" data-testid="ticket-line-session">
        <PackageIcon name="layers" className="size-3.5 shrink-0" />
        {/* The package's name is in the line's own name. */}
        <span className="min-w-0 truncate">
          {t('packages.picker.sessionOf', { n: pkg.count.number, total: pkg.count.total, left: Math.max(0, pkg.count.leftAfter) })}
        </span>
      </p>
    );
  return (
    <div
      className="mt-2 flex items-start gap-2 rounded-lg bg-amber-50 px-2.5 py-2 text-xs text-amber-900 ring-1 ring-amber-200"
      data-testid="ticket-line-room-session"
    >
      <Icon name="alert" className="mt-px size-3.5 shrink-0 text-amber-600" />
      <p className="min-w-0 flex-1">
        <RoomSessionText pkg={pkg} />
      </p>
      <button
        type="button"
        onClick={onRemove}
        data-testid="ticket-line-room-remove"
        className="shrink-0 rounded-md bg-white px-2 py-1 font-semibold text-amber-900 ring-1 ring-amber-300 hover:bg-amber-100"
      >
        {t('checkout.ticket.removeLine')}
      </button>
    </div>
  );
}

/** A visit's service whose session was used in the treatment room: which one, and what to do with the line. */
export function RoomSessionText({ pkg }: { pkg: Extract<LinePackage, { kind: 'room' }> }) {
  const { t } = useTranslation();
  const vars = { name: pkg.name, n: pkg.number, total: pkg.total };
  return <>{pkg.second ? t('checkout.package.usedInRoomSecond', vars) : t('checkout.package.usedInRoomCharged', vars)}</>;
}
