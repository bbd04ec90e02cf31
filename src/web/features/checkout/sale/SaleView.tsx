// A completed (or voided) sale: the receipt to print or email, what was paid and how, tips by technician,
// refunds with their own receipt numbers; refund and void for those allowed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { LinkButton } from '../../../components/LinkButton.js';
import { Card, PageHeader } from '../../../components/Page.js';
import { Alert, useProblemText } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import type { StoreSummary } from '../../../http/types.js';
import { useCan } from '../../auth/session.js';
import { clientQuery } from '../../clients/api.js';
import { fullName } from '../../clients/format.js';
import { createTicket, emailReceipt, saleQuery } from '../api.js';
import { CIcon } from '../icons.js';
import { useMoney } from '../lib/money.js';
import { useStoreStaff } from '../lib/staff.js';
import { useWallTime } from '../lib/time.js';
import type { Sale } from '../types.js';
import { ReceiptFrame } from './ReceiptFrame.js';
import { RefundDialog } from './RefundDialog.js';
import { SaleSummaryCard } from './SaleSummaryCard.js';
import { VoidDialog } from './VoidDialog.js';

export function SaleView({ sale, store, justPaid }: { sale: Sale; store: StoreSummary; justPaid: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const money = useMoney(sale.currency);
  const wall = useWallTime();
  const toast = useToast();
  const problem = useProblemText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const staff = useStoreStaff(sale.storeId);
  const client = useQuery({ ...clientQuery(sale.clientId ?? ''), enabled: !!sale.clientId, staleTime: 60_000 });
  const [refunding, setRefunding] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [refundReceipt, setRefundReceipt] = useState<string | null>(null);

  const email = useMutation({
    mutationFn: () => emailReceipt(sale.id),
    onSuccess: (r) =>
      toast(
        r.queued ? t('checkout.receipt.emailQueued', { email: client.data?.email ?? '' }) : t('checkout.receipt.emailNone'),
        r.queued ? 'success' : 'info',
      ),
    onError: (err) => toast(problem(err).detail ?? problem(err).title, 'error'),
  });
  const next = useMutation({
    mutationFn: () => createTicket({ storeId: store.id }),
    onSuccess: (s) => {
      queryClient.setQueryData(saleQuery(s.id).queryKey, s);
      void navigate({ to: '/checkout/$saleId', params: { saleId: s.id } });
    },
    onError: (err) => toast(problem(err).detail ?? problem(err).title, 'error'),
  });

  const updated = (s: Sale) => {
    queryClient.setQueryData(saleQuery(s.id).queryKey, s);
    void queryClient.invalidateQueries({ queryKey: ['sales', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['shifts'] });
  };

  const refundable = sale.status === 'completed' && sale.amountPaid - sale.refundedTotal > 0;
  const status =
    sale.status === 'voided' ? (
      <Badge tone="danger">{t('checkout.status.voided')}</Badge>
    ) : sale.refundedTotal > 0 ? (
      <Badge tone="warning">
        {sale.refundedTotal >= sale.amountPaid ? t('checkout.status.refunded') : t('checkout.status.partlyRefunded')}
      </Badge>
    ) : (
      <Badge tone="success">{t('checkout.status.completed')}</Badge>
    );

  return (
    <div data-testid="sale-view" data-receipt={sale.receiptCode}>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span data-testid="sale-receipt-code">{sale.receiptCode}</span>
            {status}
          </span>
        }
        description={[
          wall.dateTime(sale.completedAt),
          client.data ? fullName(client.data) : sale.clientId ? '' : t('checkout.ticket.walkIn'),
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <>
            <LinkButton to="/checkout" data-testid="sale-back">
              {t('checkout.backToCheckout')}
            </LinkButton>
            {can('sales.write') ? (
              <Button variant="primary" icon="plus" onClick={() => next.mutate()} loading={next.isPending} data-testid="sale-new-ticket">
                {t('checkout.newTicket')}
              </Button>
            ) : null}
          </>
        }
      />

      {justPaid && sale.status === 'completed' ? (
        <div
          className="mb-6 flex flex-wrap items-center gap-4 rounded-2xl bg-emerald-50 px-5 py-4 ring-1 ring-emerald-200"
          data-testid="sale-paid"
        >
          <span className="flex size-11 items-center justify-center rounded-full bg-emerald-600 text-white">
            <CIcon name="cash" className="size-6" />
          </span>
          <div className="min-w-0 flex-1">
            <p className="text-lg font-semibold text-emerald-900">{t('checkout.sale.paidTitle', { amount: money(sale.amountPaid) })}</p>
            <p className="text-sm text-emerald-800">{t('checkout.sale.paidBody', { receipt: sale.receiptCode })}</p>
          </div>
          {sale.changeDue > 0 ? (
            <div className="text-right" data-testid="sale-change">
              <p className="text-xs font-semibold uppercase tracking-wide text-emerald-700">{t('checkout.pay.changeDue')}</p>
              <p className="text-4xl font-bold tabular-nums text-emerald-800">{money(sale.changeDue)}</p>
            </div>
          ) : null}
        </div>
      ) : null}
      {sale.status === 'voided' ? (
        <Alert tone="danger" className="mb-6" title={t('checkout.sale.voidedTitle')}>
          {sale.voidReason}
        </Alert>
      ) : null}

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <SaleSummaryCard sale={sale} staff={staff} onPrintRefund={setRefundReceipt} />
        <Card
          title={t('checkout.receipt.title')}
          actions={
            sale.clientId ? (
              <Button
                size="sm"
                icon="mail"
                onClick={() => email.mutate()}
                loading={email.isPending}
                disabled={client.isSuccess && !client.data.email}
                data-testid="receipt-email"
              >
                {t('checkout.receipt.email')}
              </Button>
            ) : null
          }
        >
          <ReceiptFrame saleId={sale.id} />
          {can('sales.write') && (refundable || sale.status === 'completed') ? (
            <div className="mt-5 flex flex-wrap gap-2 border-t border-zinc-100 pt-4">
              {refundable ? (
                <Button onClick={() => setRefunding(true)} data-testid="sale-refund" className="flex-1">
                  <CIcon name="undo" className="size-4" />
                  {t('checkout.refund.action')}
                </Button>
              ) : null}
              {sale.status === 'completed' && sale.refundedTotal === 0 ? (
                <Button variant="danger-ghost" onClick={() => setVoiding(true)} data-testid="sale-void" className="flex-1">
                  <CIcon name="ban" className="size-4" />
                  {t('checkout.void.action')}
                </Button>
              ) : null}
            </div>
          ) : null}
        </Card>
      </div>

      {refunding ? (
        <RefundDialog
          sale={sale}
          staff={staff}
          onClose={() => setRefunding(false)}
          onDone={(r) => {
            setRefunding(false);
            updated(r.sale);
            toast(t('checkout.refund.done', { amount: money(r.refund.total), receipt: r.refund.receiptCode }));
            setRefundReceipt(r.refund.id);
          }}
        />
      ) : null}
      {voiding ? (
        <VoidDialog
          sale={sale}
          staff={staff}
          onClose={() => setVoiding(false)}
          onDone={(s) => {
            setVoiding(false);
            updated(s);
            toast(t('checkout.void.done', { receipt: s.receiptCode }));
          }}
        />
      ) : null}
      {refundReceipt ? <RefundReceiptDialog saleId={sale.id} refundId={refundReceipt} onClose={() => setRefundReceipt(null)} /> : null}
    </div>
  );
}

function RefundReceiptDialog({ saleId, refundId, onClose }: { saleId: string; refundId: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('checkout.refund.receipt')}
      testId="refund-receipt"
      className="sm:max-w-sm"
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      <ReceiptFrame saleId={saleId} refundId={refundId} testId="refund-receipt-frame" />
    </Dialog>
  );
}
