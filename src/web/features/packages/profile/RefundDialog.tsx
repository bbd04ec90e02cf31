// Refund a package: what comes back now (unused sessions at their allocated value, minus the business's
// fee), shown before anyone commits. A package sold at checkout goes back through its sale, so the money
// returns to the original payment; one opened outside checkout is closed here.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useToast } from '../../../components/Toast.js';
import { PACKAGES_KEY, refundPackage, refundQuoteQuery } from '../api.js';
import { useMoney, useTr } from '../format.js';
import type { ClientPackage } from '../types.js';
import { ReasonField } from './ReasonField.js';

export function RefundDialog({ pkg: p, onClose }: { pkg: ClientPackage; onClose: () => void }) {
  const { t } = useTranslation();
  const tr = useTr();
  const money = useMoney();
  const toast = useToast();
  const queryClient = useQueryClient();
  const quote = useQuery(refundQuoteQuery(p.id));
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const viaSale = !!p.saleId;
  const refund = useMutation({
    mutationFn: () => refundPackage(p.id, reason.trim()),
    onSuccess: (res) => {
      void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
      toast(t('packages.refund.done', { amount: money(res.quote.refundable) }));
      onClose();
    },
  });
  const q = quote.data;
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('packages.refund.title')}
      icon="alert"
      tone="danger"
      testId="refund-dialog"
      footer={
        <>
          <Button onClick={onClose}>{viaSale ? t('common.close') : t('common.cancel')}</Button>
          {viaSale ? null : (
            <Button
              variant="danger"
              loading={refund.isPending}
              disabled={!q}
              data-testid="refund-submit"
              onClick={() => {
                setTried(true);
                if (reason.trim()) refund.mutate();
              }}
            >
              {q ? t('packages.refund.submit', { amount: money(q.refundable) }) : t('packages.refund.submitPlain')}
            </Button>
          )}
        </>
      }
    >
      <div className="space-y-4">
        <p>{t('packages.refund.intro', { name: tr(p.name, p.nameTranslations), count: p.sessions.remaining })}</p>
        {quote.isPending ? <Loading label={t('common.loading')} /> : null}
        <ProblemAlert error={quote.error} />
        {q ? (
          <dl className="divide-y divide-zinc-100 rounded-xl text-sm ring-1 ring-zinc-200" data-testid="refund-quote">
            <Row label={t('packages.refund.paid')} value={money(p.paidTotal)} />
            <Row label={t('packages.refund.unused', { count: p.sessions.remaining })} value={money(q.unusedValue)} />
            <Row label={t('packages.refund.gross')} value={money(q.gross)} />
            {p.refundedAmount ? <Row label={t('packages.refund.earlier')} value={`−${money(p.refundedAmount)}`} /> : null}
            <Row label={t('packages.refund.fee')} value={q.fee ? `−${money(q.fee)}` : money(0)} />
            <Row label={t('packages.refund.refundable')} value={money(q.refundable)} strong testId="refund-amount" />
          </dl>
        ) : null}
        {viaSale ? (
          <Alert tone="info" title={t('packages.refund.viaSaleTitle')} testId="refund-via-sale">
            <p>{t('packages.refund.viaSaleBody')}</p>
          </Alert>
        ) : q ? (
          <>
            <p className="text-zinc-500">{t('packages.refund.noMoney')}</p>
            <ReasonField
              value={reason}
              onChange={setReason}
              testId="refund-reason"
              error={tried && !reason.trim() ? t('validation.required') : undefined}
            />
          </>
        ) : null}
        <ProblemAlert error={refund.error} />
      </div>
    </Dialog>
  );
}

function Row({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <div className="flex items-center justify-between gap-4 px-3 py-2">
      <dt className={strong ? 'font-semibold text-zinc-900' : 'text-zinc-600'}>{label}</dt>
      <dd className={strong ? 'text-base font-semibold tabular-nums text-zinc-900' : 'tabular-nums text-zinc-800'} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
