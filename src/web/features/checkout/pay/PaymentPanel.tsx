// Taking payment: the tip, then one or more tenders until nothing is left to pay, then Complete. The
// amounts are the server's (ticket total, tip suggestions); the server checks the tenders again and
// records the cash rounding and change. Completion is idempotent (see useCompletion).
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Checkbox } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { fieldErrors } from '../../../http/problem.js';
import { useCan } from '../../auth/session.js';
import { clientQuery } from '../../clients/api.js';
import { shiftsQuery } from '../../shifts/api.js';
import { salesKindsQuery } from '../api.js';
import { CIcon } from '../icons.js';
import { lineAmount, ticketTechnicians } from '../lib/lines.js';
import { useMoney } from '../lib/money.js';
import { followDue, paymentState, type TenderEntry } from '../lib/payment.js';
import type { StoreStaff } from '../lib/staff.js';
import { fieldOk, tenderSpecs } from '../lib/tenders.js';
import type { CompleteBody, Sale, TenderBody } from '../types.js';
import { TenderSection } from './TenderSection.js';
import { manualShares, NO_TIP, TipSection, type TipState, tipBody, tipCents } from './TipSection.js';
import { useCompletion } from './useCompletion.js';

export function PaymentPanel({ sale, staff, onClose }: { sale: Sale; staff: StoreStaff; onClose: () => void; onCompleted?: () => void }) {
  const { t } = useTranslation();
  const money = useMoney(sale.currency);
  const navigate = useNavigate();
  const toast = useToast();
  const can = useCan();
  const [tip, setTip] = useState<TipState>(NO_TIP);
  const [entries, setEntries] = useState<TenderEntry[]>([]);
  const [emailReceipt, setEmailReceipt] = useState(false);
  const technicians = useMemo(() => ticketTechnicians(sale.lines), [sale.lines]);
  const client = useQuery({ ...clientQuery(sale.clientId ?? ''), enabled: !!sale.clientId, staleTime: 60_000 });
  const shifts = useQuery({ ...shiftsQuery(sale.storeId, 'open'), enabled: can('shifts.manage') });
  const kinds = useQuery(salesKindsQuery(sale.storeId));
  const specs = useMemo(() => (kinds.data ? tenderSpecs(kinds.data) : []), [kinds.data]);
  const completion = useCompletion(sale.id, (done, replayed) => {
    if (replayed) toast(t('checkout.pay.alreadyCompleted'), 'info');
    void navigate({ to: '/checkout/$saleId', params: { saleId: done.id }, search: { paid: true } });
  });

  const tipAmount = tipCents(sale, tip);
  const due = sale.total + (tipAmount ?? 0);
  const state = paymentState(due, entries, sale.currency);

  // An untouched single tender follows the amount due when the tip changes.
  useEffect(() => setEntries((list) => followDue(list, due, sale.currency)), [due, sale.currency]);

  const shares = manualShares(tip, technicians);
  const tipOk =
    tipAmount !== null &&
    (technicians.length < 2 ||
      tip.split !== 'manual' ||
      !tipAmount ||
      (shares !== null && shares.reduce((a, s) => a + s.amount, 0) === tipAmount));
  const fieldsOk = entries.every((e) => (specs.find((x) => x.kind === e.kind)?.fields ?? []).every((f) => fieldOk(f, e.fields[f.name])));
  const sending = completion.state.status === 'sending';
  const ready = state.ready && tipOk && fieldsOk && !sending;
  const errors = completion.state.status === 'refused' ? fieldErrors(completion.state.error) : {};
  const hasEmail = !!client.data?.email;
  const noDrawer = !!shifts.data && shifts.data.data.length === 0;

  const complete = () => {
    if (!ready) return;
    const tenders: TenderBody[] = entries.map((e) => {
      const extra = Object.fromEntries(
        Object.entries(e.fields)
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v]) => [k, v.trim()]),
      );
      return { kind: e.kind, amount: e.amount, ...extra };
    });
    const body: CompleteBody = { version: sale.version, tenders, emailReceipt: emailReceipt && hasEmail };
    const tb = tipBody(sale, tip, technicians);
    if (tb) body.tip = tb;
    completion.complete(body);
  };

  return (
    <div
      className="fixed inset-0 z-50 flex animate-fade-in flex-col bg-zinc-50"
      role="dialog"
      aria-modal="true"
      aria-label={t('checkout.pay.title')}
      data-testid="payment-panel"
    >
      <header className="flex h-14 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-2 sm:px-4">
        <Button variant="ghost" onClick={onClose} disabled={sending} data-testid="pay-back" className="px-2.5">
          <CIcon name="arrowLeft" className="size-5" />
          <span className="hidden sm:inline">{t('checkout.pay.backToTicket')}</span>
        </Button>
        <h2 className="flex-1 truncate text-base font-semibold text-zinc-900">{t('checkout.pay.title')}</h2>
      </header>

      <div className="min-h-0 flex-1 overflow-y-auto">
        <div className="mx-auto grid max-w-5xl gap-6 p-4 md:grid-cols-2 md:p-6">
          <div className="space-y-6">
            <section className="rounded-2xl bg-white p-5 shadow-card ring-1 ring-zinc-200" data-testid="pay-summary">
              <dl className="space-y-1.5 text-sm">
                <div className="flex justify-between">
                  <dt className="text-zinc-600">{t('checkout.totals.total')}</dt>
                  <dd className="tabular-nums text-zinc-900">{money(sale.total)}</dd>
                </div>
                <div className="flex justify-between">
                  <dt className="text-zinc-600">{t('checkout.pay.tip')}</dt>
                  <dd className="tabular-nums text-zinc-900" data-testid="pay-tip">
                    {money(tipAmount ?? 0)}
                  </dd>
                </div>
                {state.rounding !== 0 ? (
                  <div className="flex justify-between" data-testid="pay-rounding">
                    <dt className="text-zinc-600">{t('checkout.pay.cashRounding')}</dt>
                    <dd className="tabular-nums text-zinc-900">{money(state.rounding, { sign: true })}</dd>
                  </div>
                ) : null}
              </dl>
              <div className="mt-3 flex items-baseline justify-between border-t border-zinc-100 pt-3">
                <span className="text-base font-semibold text-zinc-900">{t('checkout.pay.amountDue')}</span>
                <span className="text-3xl font-bold tabular-nums text-zinc-900" data-testid="pay-due">
                  {money(due + state.rounding)}
                </span>
              </div>
            </section>
            <TipSection sale={sale} staff={staff} technicians={technicians} tip={tip} onChange={setTip} />
            <details className="group rounded-xl bg-white ring-1 ring-zinc-200" data-testid="pay-items">
              <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 text-sm font-medium text-zinc-700">
                {t('checkout.pay.items', { count: sale.lines.length })}
                <Icon name="chevronDown" className="size-4 text-zinc-400 transition-transform group-open:rotate-180" />
              </summary>
              <ul className="space-y-1 border-t border-zinc-100 px-4 py-3 text-sm">
                {sale.lines.map((l) => (
                  <li key={l.id} className="flex justify-between gap-3">
                    <span className="min-w-0 truncate text-zinc-700">
                      {l.quantity > 1 ? `${l.quantity} × ` : ''}
                      {l.displayName}
                      {l.technicians.length ? (
                        <span className="text-zinc-400"> · {l.technicians.map((x) => staff.name(x.staffId)).join(', ')}</span>
                      ) : null}
                    </span>
                    <span className="shrink-0 tabular-nums text-zinc-900">{money(lineAmount(l))}</span>
                  </li>
                ))}
              </ul>
            </details>
            {sale.clientId ? (
              <Checkbox
                checked={emailReceipt && hasEmail}
                disabled={!hasEmail}
                onChange={(e) => setEmailReceipt(e.target.checked)}
                label={t('checkout.pay.emailReceipt')}
                description={hasEmail ? (client.data?.email ?? undefined) : t('checkout.pay.noEmail')}
                data-testid="pay-email"
              />
            ) : null}
          </div>
          <TenderSection
            specs={specs}
            currency={sale.currency}
            due={due}
            entries={entries}
            state={state}
            hasClient={!!sale.clientId}
            noDrawer={noDrawer}
            fieldErrors={errors}
            onChange={setEntries}
          />
        </div>
      </div>

      <footer className="shrink-0 border-t border-zinc-200 bg-white px-4 py-3 md:px-6">
        <div className="mx-auto max-w-5xl space-y-3">
          {completion.state.status === 'lost' ? (
            <Alert
              tone="warning"
              title={t('checkout.pay.lostTitle')}
              testId="pay-lost"
              action={
                <Button variant="primary" onClick={completion.retry} data-testid="pay-retry">
                  {t('common.retry')}
                </Button>
              }
            >
              {t('checkout.pay.lostBody')}
            </Alert>
          ) : null}
          {completion.state.status === 'refused' ? <ProblemAlert error={completion.state.error} testId="pay-error" /> : null}
          <div className="flex items-center gap-4">
            <div className="min-w-0 flex-1" aria-live="polite">
              {state.over > 0 ? (
                <p className="text-sm font-semibold text-red-700" data-testid="pay-over">
                  {t('checkout.pay.over', { amount: money(state.over) })}
                </p>
              ) : state.remaining > 0 || (entries.length === 0 && due > 0) ? (
                <>
                  <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{t('checkout.pay.leftToPay')}</p>
                  <p className="text-3xl font-bold tabular-nums text-zinc-900" data-testid="pay-remaining">
                    {money(entries.length === 0 ? due : state.remaining)}
                  </p>
                </>
              ) : state.change > 0 ? (
                <>
                  <p className="text-xs font-medium uppercase tracking-wide text-emerald-700">{t('checkout.pay.changeDue')}</p>
                  <p className="text-4xl font-bold tabular-nums text-emerald-700" data-testid="pay-change">
                    {money(state.change)}
                  </p>
                </>
              ) : (
                <p className="flex items-center gap-2 text-lg font-semibold text-emerald-700" data-testid="pay-covered">
                  {t('checkout.pay.covered')}
                </p>
              )}
            </div>
            <button
              type="button"
              onClick={complete}
              disabled={!ready}
              data-testid="pay-complete"
              className="flex h-14 min-w-48 items-center justify-center gap-2 rounded-xl bg-emerald-600 px-6 text-lg font-semibold text-white shadow-sm transition-colors hover:bg-emerald-700 active:bg-emerald-800 disabled:cursor-not-allowed disabled:bg-zinc-300"
            >
              {sending ? t('checkout.pay.completing') : t('checkout.pay.complete')}
            </button>
          </div>
        </div>
      </footer>
    </div>
  );
}
