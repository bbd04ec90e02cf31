// Under the ticket's client: her packages with sessions left, as chips ("10 Facials · 9 of 10 left"). A chip
// opens the package: use a session for a service already on the ticket, or add a session of one of its
// services she is having today. Frozen packages and those not valid at this store say so and stay shut.
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Dialog } from '../../../components/Dialog.js';
import { sessionCount, useDay, useTr } from '../../packages/format.js';
import { PackageIcon } from '../../packages/icons.js';
import type { ClientPackage } from '../../packages/types.js';
import { lineAppointmentLineId, lineServiceId, redemptionRef, takenOnTicket } from '../lib/redemption.js';
import type { StoreStaff } from '../lib/staff.js';
import type { Sale, SaleLine } from '../types.js';
import type { SellableService } from './catalog.js';
import type { TicketPackages } from './useTicketPackages.js';

const usableHere = (p: ClientPackage, storeId: string) => !p.terms.storeIds || p.terms.storeIds.includes(storeId);

export function ClientPackages({ sale, packages, onOpen }: { sale: Sale; packages: TicketPackages; onOpen: (pkg: ClientPackage) => void }) {
  const { t } = useTranslation();
  const tr = useTr();
  const day = useDay();
  if (!packages.open.length) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-2" data-testid="ticket-packages" aria-label={t('checkout.package.herPackages')}>
      {packages.open.map((p) => {
        const here = usableHere(p, sale.storeId);
        const onTicket = sale.lines.filter((l) => redemptionRef(l)?.clientPackageId === p.id).length;
        const usable = here && p.status === 'active';
        return (
          <li key={p.id} className="min-w-0 max-w-full">
            <button
              type="button"
              onClick={() => onOpen(p)}
              disabled={!usable}
              data-testid="ticket-package"
              data-package-id={p.id}
              className={cx(
                'flex min-h-11 max-w-full items-center gap-2 rounded-xl px-3 py-1.5 text-left text-sm ring-1 transition-colors',
                usable
                  ? 'bg-white text-zinc-800 ring-orchid-200 hover:bg-orchid-50 hover:ring-orchid-300'
                  : 'cursor-not-allowed bg-zinc-50 text-zinc-500 ring-zinc-200',
              )}
            >
              <PackageIcon name="layers" className={cx('size-4 shrink-0', usable ? 'text-orchid-600' : 'text-zinc-400')} />
              <span className="min-w-0">
                <span className="block truncate font-medium">{tr(p.name, p.nameTranslations)}</span>
                <span className="block truncate text-xs text-zinc-500" data-testid="ticket-package-left">
                  {t('packages.client.leftOf', { left: p.sessions.remaining, total: p.sessions.total })}
                  {onTicket ? ` · ${t('checkout.package.onTicket', { count: onTicket })}` : ''}
                  {p.validThrough && usable ? ` · ${t('packages.client.validThrough', { date: day(p.validThrough, 'short') })}` : ''}
                </span>
              </span>
              {p.status === 'frozen' && p.frozen ? (
                <Badge tone="info">{t('packages.client.frozenUntil', { date: day(p.frozen.untilDate, 'short') })}</Badge>
              ) : !here ? (
                <Badge tone="warning">{t('checkout.package.notHere')}</Badge>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * One package from the chips: its services on the ticket that a session can pay for, and its services to
 * add as sessions. The server picks the item and checks stage order and validity (its 422 shows on the ticket).
 */
export function PackageSessionDialog({
  pkg,
  sale,
  packages,
  services,
  staff,
  onUseLine,
  onAdd,
  onClose,
}: {
  pkg: ClientPackage;
  sale: Sale;
  packages: TicketPackages;
  services: readonly SellableService[];
  staff: StoreStaff;
  onUseLine: (line: SaleLine) => void;
  onAdd: (service: SellableService) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const tr = useTr();
  const open = pkg.items.filter((i) => i.remaining > 0);
  const covered = new Set(open.flatMap((i) => i.serviceIds));
  const lines = sale.lines.filter((l) => {
    const id = lineServiceId(l);
    return l.kind === 'service' && !!id && covered.has(id) && !packages.usedInRoom(lineAppointmentLineId(l));
  });
  const sellable = services.filter((s) => covered.has(s.id));
  return (
    <Dialog
      open
      onClose={onClose}
      title={tr(pkg.name, pkg.nameTranslations)}
      testId="package-session-dialog"
      className="sm:max-w-lg"
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      <div className="space-y-5">
        <ul className="space-y-1 text-sm" data-testid="package-session-items">
          {pkg.items.map((i) => {
            const c = sessionCount(i, takenOnTicket(sale.lines, i.id));
            return (
              <li key={i.id} className="flex items-baseline justify-between gap-3">
                <span className="min-w-0 truncate text-zinc-800">
                  {i.step !== null ? `${t('packages.client.step', { step: i.step })} · ` : ''}
                  {tr(i.label, i.labelTranslations)}
                </span>
                <span className="shrink-0 tabular-nums text-zinc-500">
                  {c.leftAfter >= 0
                    ? t('packages.client.itemLeft', { left: i.remaining, total: i.sessions })
                    : t('packages.picker.allOnTicket')}
                </span>
              </li>
            );
          })}
        </ul>
        {lines.length ? (
          <section className="space-y-2">
            <h3 className="text-sm font-semibold text-zinc-900">{t('checkout.package.forLine')}</h3>
            <ul className="space-y-2">
              {lines.map((l) => (
                <li key={l.id}>
                  <button
                    type="button"
                    onClick={() => onUseLine(l)}
                    data-testid="package-session-line"
                    data-line-id={l.id}
                    className="flex min-h-12 w-full items-center gap-3 rounded-xl bg-white px-3 py-2 text-left ring-1 ring-zinc-200 transition hover:bg-orchid-50 hover:ring-orchid-300"
                  >
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium text-zinc-900">{l.displayName}</span>
                      <span className="block truncate text-xs text-zinc-500">
                        {l.technicians.map((x) => staff.name(x.staffId)).join(' · ')}
                      </span>
                    </span>
                    <span className="shrink-0 text-sm font-semibold text-orchid-700">{t('checkout.package.useSession')}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section className="space-y-2">
          <h3 className="text-sm font-semibold text-zinc-900">{t('checkout.package.addSession')}</h3>
          {sellable.length ? (
            <div className="grid gap-2 sm:grid-cols-2">
              {sellable.map((s) => (
                <button
                  key={s.id}
                  type="button"
                  onClick={() => onAdd(s)}
                  data-testid="package-session-add"
                  data-service-id={s.id}
                  className="flex min-h-12 items-center justify-between gap-2 rounded-xl bg-white px-3 py-2 text-left text-sm font-medium text-zinc-800 ring-1 ring-zinc-200 transition hover:bg-orchid-50 hover:ring-orchid-300"
                >
                  <span className="min-w-0 truncate">{s.displayName}</span>
                  <PackageIcon name="layers" className="size-4 shrink-0 text-orchid-600" />
                </button>
              ))}
            </div>
          ) : (
            <p className="text-sm text-zinc-500">{t('checkout.package.noServiceHere')}</p>
          )}
        </section>
      </div>
    </Dialog>
  );
}
