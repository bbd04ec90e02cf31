// The register: the whole screen (a 1024×768 tablet at the front desk), catalog on the left, the ticket on
// the right; on a phone the two are tabs. Every change goes to the server, which re-prices the ticket.
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { ProblemAlert, useProblemText } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import type { StoreSummary } from '../../../http/types.js';
import { useTr } from '../../packages/format.js';
import type { ClientPackage } from '../../packages/types.js';
import { ApprovalDialog } from '../ApprovalDialog.js';
import { addTicketLine, discardTicket, patchTicket, removeTicketLine } from '../api.js';
import { discountBody, type LineChange, lineBody, linesWith } from '../lib/lines.js';
import { useMoney } from '../lib/money.js';
import {
  lineServiceId,
  newRedemptionLine,
  REDEMPTION_KIND,
  type RedemptionChoice,
  redemptionBody,
  serviceBody,
  takenOnTicket,
} from '../lib/redemption.js';
import { useStoreStaff } from '../lib/staff.js';
import { PaymentPanel } from '../pay/PaymentPanel.js';
import type { LineInput, Sale, SaleLine } from '../types.js';
import { CatalogPicker, type Pick } from './CatalogPicker.js';
import { PackageSessionDialog } from './ClientPackages.js';
import { type SellableService, useRegisterCatalog } from './catalog.js';
import { DiscountDialog } from './DiscountDialog.js';
import { LineEditor } from './LineEditor.js';
import { placeholderLine, withLine, withLineChange, withoutLine } from './optimistic.js';
import { TechnicianDialog } from './TechnicianDialog.js';
import { TicketHeader } from './TicketHeader.js';
import { usePackageOfLine } from './TicketLines.js';
import { TicketPanel } from './TicketPanel.js';
import { UsePackageDialog } from './UsePackageDialog.js';
import type { TicketState } from './useTicket.js';
import { useTicketPackages } from './useTicketPackages.js';

export function TicketScreen({ ticket, store }: { ticket: TicketState; store: StoreSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const problem = useProblemText();
  const sale = ticket.sale as Sale;
  const money = useMoney(sale.currency);
  const tr = useTr();
  const catalog = useRegisterCatalog(store.id);
  const staff = useStoreStaff(store.id);
  const [technicianId, setTechnicianId] = useState<string | null>(
    () => sale.lines.findLast((l) => l.technicians.length)?.technicians[0]?.staffId ?? null,
  );
  const [asking, setAsking] = useState<Extract<Pick, { kind: 'service' }> | null>(null);
  const [editing, setEditing] = useState<SaleLine | null>(null);
  const [ticketDiscount, setTicketDiscount] = useState(false);
  const [paying, setPaying] = useState(false);
  const [pane, setPane] = useState<'catalog' | 'ticket'>('catalog');
  const [scanError, setScanError] = useState<string | null>(null);
  const packages = useTicketPackages(sale);
  const packageOf = usePackageOfLine(sale, packages);
  // "Use package session" for a line; a package from her chips; a session to add that needs its technician.
  const [usingFor, setUsingFor] = useState<SaleLine | null>(null);
  const [openPackage, setOpenPackage] = useState<ClientPackage | null>(null);
  const [sessionTech, setSessionTech] = useState<{ service: SellableService; pkg: ClientPackage } | null>(null);

  const addLine = (line: LineInput, shown: SaleLine) => {
    setScanError(null);
    void ticket.apply({
      optimistic: withLine(shown),
      run: (s, approval) => addTicketLine(s.id, { version: s.version, line, ...(approval ? { approval } : {}) }),
    });
  };

  const addService = (pick: Extract<Pick, { kind: 'service' }>, staffId: string) => {
    const s = pick.service;
    addLine(
      { kind: 'service', serviceId: s.id, technicians: [{ staffId }] },
      placeholderLine('service', s.displayName, s.staff.find((x) => x.staffId === staffId)?.price ?? s.price, [
        { staffId, sharePercent: 100 },
      ]),
    );
  };

  const onPick = (pick: Pick) => {
    if (pick.kind === 'service') {
      const performers = pick.service.staff.map((x) => x.staffId);
      const tech =
        technicianId ?? (performers.length === 1 && staff.technicians.some((s) => s.id === performers[0]) ? performers[0]! : null);
      if (tech) addService(pick, tech);
      else setAsking(pick);
    } else if (pick.kind === 'product') {
      addLine({ kind: 'product', productId: pick.product.id }, placeholderLine('product', pick.product.displayName, pick.product.price));
    } else if (pick.kind === 'add_on') {
      addLine(
        { kind: 'add_on', addOnId: pick.addOn.id, ...(technicianId ? { staffId: technicianId } : {}) },
        placeholderLine('add_on', pick.addOn.displayName, pick.addOn.price),
      );
    } else if (pick.kind === 'package') {
      // Sold to the ticket's client (the server refuses it without one); the technician chosen above, if
      // any, is credited with the sale. The sessions open when the sale completes.
      const name = tr(pick.template.name, pick.template.nameTranslations);
      addLine(
        { kind: 'package_purchase', templateId: pick.template.id, ...(technicianId ? { staffId: technicianId } : {}) },
        placeholderLine('package_purchase', name, pick.template.price),
      );
    } else {
      // A code the catalog on screen does not know: the server looks it up (SKU or barcode).
      setScanError(null);
      void ticket
        .apply({
          optimistic: withLine(placeholderLine('product', pick.code, 0)),
          run: (s, approval) =>
            addTicketLine(s.id, { version: s.version, line: { kind: 'product', code: pick.code }, ...(approval ? { approval } : {}) }),
        })
        .then((err) => {
          if (err) {
            ticket.clearError();
            setScanError(problem(err).detail ?? t('checkout.catalog.codeNotFound', { code: pick.code }));
          }
        });
    }
  };

  const changeLine = (line: SaleLine, change: LineChange, shown: Partial<SaleLine>) =>
    ticket.apply({
      optimistic: withLineChange(line.id, shown),
      run: (s, approval) =>
        patchTicket(s.id, { version: s.version, lines: linesWith(s.lines, line.id, change), ...(approval ? { approval } : {}) }),
    });

  /** Sends the ticket with one line rebuilt (e.g. another kind, same id), the others as they are. */
  const rebuildLine = (line: SaleLine, body: (l: SaleLine) => LineInput, shown: Partial<SaleLine>) =>
    ticket.apply({
      optimistic: withLineChange(line.id, shown),
      run: (s, approval) =>
        patchTicket(s.id, {
          version: s.version,
          lines: s.lines.map((l) => (l.id === line.id ? body(l) : lineBody(l))),
          ...(approval ? { approval } : {}),
        }),
    });

  // The service costs nothing now: a session comes off her package when the sale completes.
  const redeemLine = (line: SaleLine, choice: RedemptionChoice) => {
    setUsingFor(null);
    setOpenPackage(null);
    setEditing(null);
    void rebuildLine(line, (l) => redemptionBody(l, choice), {
      kind: REDEMPTION_KIND,
      unitPrice: 0,
      gross: 0,
      lineDiscount: 0,
      discount: null,
    });
  };

  const chargeInstead = (line: SaleLine) => {
    setEditing(null);
    void rebuildLine(line, serviceBody, { kind: 'service' });
  };

  const addSession = (service: SellableService, pkg: ClientPackage, staffId: string) => {
    setOpenPackage(null);
    addLine(
      newRedemptionLine(service.id, staffId, { clientPackageId: pkg.id, itemId: null }),
      placeholderLine(REDEMPTION_KIND, service.displayName, 0, [{ staffId, sharePercent: 100 }]),
    );
  };

  const removeLine = (line: SaleLine) =>
    ticket.apply({ optimistic: withoutLine(line.id), run: (s) => removeTicketLine(s.id, line.id, s.version) });

  const park = () => void navigate({ to: '/checkout' });

  const discard = async () => {
    const s = ticket.saved;
    if (!s) return;
    try {
      await discardTicket(s.id, s.version);
      toast(t('checkout.ticket.discarded'));
      void navigate({ to: '/checkout' });
    } catch (err) {
      toast(problem(err).detail ?? problem(err).title, 'error');
    }
  };

  const canPay = sale.lines.length > 0 && !ticket.busy;

  return (
    <div className="fixed inset-0 z-40 flex flex-col bg-zinc-100" data-testid="ticket-screen" data-sale={sale.id}>
      <TicketHeader
        sale={sale}
        store={store}
        onBack={park}
        onLabel={(label) => void ticket.apply({ run: (s) => patchTicket(s.id, { version: s.version, label: label || null }) })}
        onDiscard={discard}
      />
      <div className="flex border-b border-zinc-200 bg-white md:hidden" role="tablist">
        {(['catalog', 'ticket'] as const).map((p) => (
          <button
            key={p}
            type="button"
            role="tab"
            aria-selected={pane === p}
            onClick={() => setPane(p)}
            data-testid={`pane-${p}`}
            className={cx(
              'h-11 flex-1 border-b-2 text-sm font-semibold',
              pane === p ? 'border-orchid-700 text-orchid-800' : 'border-transparent text-zinc-500',
            )}
          >
            {p === 'catalog'
              ? t('checkout.ticket.addItems')
              : `${t('checkout.ticket.ticketTab', { count: sale.lines.length })} · ${money(sale.total)}`}
          </button>
        ))}
      </div>
      <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)] md:grid-cols-[minmax(0,1fr)_22rem] lg:grid-cols-[minmax(0,1fr)_26rem]">
        <section className={cx('min-h-0', pane === 'catalog' ? 'block' : 'hidden md:block')} aria-label={t('checkout.ticket.addItems')}>
          <CatalogPicker
            catalog={catalog}
            staff={staff}
            currency={store.currency}
            technicianId={technicianId}
            onTechnician={setTechnicianId}
            onPick={onPick}
            scanError={scanError}
          />
        </section>
        <section
          className={cx('min-h-0 border-l border-zinc-200', pane === 'ticket' ? 'block' : 'hidden md:block')}
          aria-label={t('checkout.ticket.ticket')}
        >
          <TicketPanel
            sale={sale}
            staff={staff}
            busy={ticket.busy}
            error={ticket.error ? <ProblemAlert error={ticket.error} testId="ticket-error" /> : null}
            canPay={canPay}
            packages={packages}
            onUsePackage={setUsingFor}
            onOpenPackage={setOpenPackage}
            onClient={(client) =>
              void ticket.apply({ run: (s) => patchTicket(s.id, { version: s.version, clientId: client?.id ?? null }) })
            }
            onEdit={setEditing}
            onQuantity={(line, quantity) => void changeLine(line, { quantity }, { quantity })}
            onRemove={(line) => void removeLine(line)}
            onDiscount={() => setTicketDiscount(true)}
            onPay={() => setPaying(true)}
          />
        </section>
      </div>

      {asking ? (
        <TechnicianDialog
          serviceName={asking.service.displayName}
          performers={new Set(asking.service.staff.map((x) => x.staffId))}
          staff={staff}
          onClose={() => setAsking(null)}
          onPick={(id) => {
            setTechnicianId(id);
            addService(asking, id);
            setAsking(null);
          }}
        />
      ) : null}
      {editing ? (
        <LineEditor
          line={editing}
          currency={sale.currency}
          staff={staff}
          pkg={packageOf(editing)}
          onUsePackage={() => setUsingFor(editing)}
          onChargeInstead={() => chargeInstead(editing)}
          onClose={() => setEditing(null)}
          onRemove={() => {
            void removeLine(editing);
            setEditing(null);
          }}
          onSave={(change) => {
            void changeLine(editing, change, change.quantity !== undefined ? { quantity: change.quantity } : {});
            setEditing(null);
          }}
        />
      ) : null}
      {usingFor && sale.clientId && lineServiceId(usingFor) ? (
        <UsePackageDialog
          clientId={sale.clientId}
          storeId={sale.storeId}
          serviceId={lineServiceId(usingFor)!}
          serviceName={usingFor.displayName}
          taken={(itemId) => takenOnTicket(sale.lines, itemId)}
          onUse={(choice) => redeemLine(usingFor, choice)}
          onClose={() => setUsingFor(null)}
        />
      ) : null}
      {openPackage ? (
        <PackageSessionDialog
          pkg={openPackage}
          sale={sale}
          packages={packages}
          services={catalog.services}
          staff={staff}
          onUseLine={(line) => redeemLine(line, { clientPackageId: openPackage.id, itemId: null })}
          onAdd={(service) => {
            if (technicianId) addSession(service, openPackage, technicianId);
            else {
              setSessionTech({ service, pkg: openPackage });
              setOpenPackage(null);
            }
          }}
          onClose={() => setOpenPackage(null)}
        />
      ) : null}
      {sessionTech ? (
        <TechnicianDialog
          serviceName={sessionTech.service.displayName}
          performers={new Set(sessionTech.service.staff.map((x) => x.staffId))}
          staff={staff}
          onClose={() => setSessionTech(null)}
          onPick={(id) => {
            setTechnicianId(id);
            addSession(sessionTech.service, sessionTech.pkg, id);
            setSessionTech(null);
          }}
        />
      ) : null}
      {ticketDiscount ? (
        <DiscountDialog
          title={t('checkout.discount.ticketTitle')}
          currency={sale.currency}
          initial={sale.discount}
          onClose={() => setTicketDiscount(false)}
          onSave={(d) => {
            setTicketDiscount(false);
            void ticket.apply({
              run: (s, approval) => patchTicket(s.id, { version: s.version, discount: discountBody(d), ...(approval ? { approval } : {}) }),
            });
          }}
        />
      ) : null}
      {ticket.approval ? (
        <ApprovalDialog
          detail={ticket.approval.detail}
          error={ticket.approval.error}
          sending={ticket.approval.sending}
          approvers={staff.approvers}
          onApprove={ticket.approve}
          onCancel={ticket.cancelApproval}
        />
      ) : null}
      {paying && ticket.saved ? (
        <PaymentPanel sale={ticket.saved} staff={staff} onClose={() => setPaying(false)} onCompleted={() => setPaying(false)} />
      ) : null}
    </div>
  );
}
