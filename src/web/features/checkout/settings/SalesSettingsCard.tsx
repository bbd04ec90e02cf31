// Checkout settings of a store: tip buttons, when a discount needs a manager, how much a front desk may
// refund alone, the receipt number prefix and footer. Audited on the server.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Field } from '../../../components/Field.js';
import { Input, Textarea } from '../../../components/Input.js';
import { Card } from '../../../components/Page.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useToast } from '../../../components/Toast.js';
import { fieldErrors } from '../../../http/problem.js';
import type { StoreSummary } from '../../../http/types.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';
import { putSalesSettings, salesSettingsQuery } from '../api.js';
import { centsToInput, parseMoney } from '../lib/money.js';
import type { SalesSettings } from '../types.js';

export function parseTipPresets(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter(Boolean);
  if (parts.length < 1 || parts.length > 5) return null;
  const out = parts.map((p) => Number(p.replace('%', '')));
  return out.every((n) => Number.isInteger(n) && n >= 1 && n <= 100) ? out : null;
}

export function SalesSettingsCard({ store, canEdit }: { store: StoreSummary; canEdit: boolean }) {
  const { t } = useTranslation();
  const q = useQuery(salesSettingsQuery(store.id));
  return (
    <Card title={t('checkout.settings.salesTitle')} description={t('checkout.settings.salesBody')} testId="sales-settings">
      {q.isPending ? <Loading label={t('common.loading')} /> : null}
      {q.isError ? <ProblemAlert error={q.error} /> : null}
      {q.data ? <SalesSettingsForm key={q.data.version} store={store} settings={q.data} canEdit={canEdit} /> : null}
    </Card>
  );
}

function SalesSettingsForm({ store, settings, canEdit }: { store: StoreSummary; settings: SalesSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [tips, setTips] = useState(settings.tipPresets.join(', '));
  const [percent, setPercent] = useState(String(settings.discountApproval.percent));
  const [amount, setAmount] = useState(settings.discountApproval.amount === null ? '' : centsToInput(settings.discountApproval.amount));
  const [refundLimit, setRefundLimit] = useState(centsToInput(settings.frontDeskRefundLimit));
  const [prefix, setPrefix] = useState(settings.receiptPrefix);
  const [footer, setFooter] = useState(settings.receiptFooter ?? '');
  const [tried, setTried] = useState(false);

  const tipList = parseTipPresets(tips);
  const pct = Number(percent);
  const amountCents = amount.trim() ? parseMoney(amount) : null;
  const limit = parseMoney(refundLimit || '0');
  const local = {
    tipPresets: tipList ? undefined : t('checkout.settings.tipsInvalid'),
    percent: Number.isFinite(pct) && pct >= 0 && pct <= 100 && percent.trim() !== '' ? undefined : t('checkout.settings.percentInvalid'),
    amount: amount.trim() && amountCents === null ? t('checkout.settings.amountInvalid') : undefined,
    limit: limit === null ? t('checkout.settings.amountInvalid') : undefined,
    prefix: /^[A-Z0-9]{1,6}$/.test(prefix) ? undefined : t('checkout.settings.prefixInvalid'),
  };
  const save = useMutation({
    mutationFn: () =>
      putSalesSettings(store.id, {
        tipPresets: tipList ?? [],
        discountApproval: { percent: pct, amount: amountCents },
        frontDeskRefundLimit: limit ?? 0,
        receiptPrefix: prefix,
        receiptFooter: footer.trim() || null,
      }),
    onSuccess: (s) => {
      queryClient.setQueryData(salesSettingsQuery(store.id).queryKey, s);
      void queryClient.invalidateQueries({ queryKey: ['sales', 'one'] });
      toast(t('checkout.settings.salesSaved'));
    },
  });
  const server = fieldErrors(save.error);
  const err = (k: keyof typeof local, path: string) => (tried ? local[k] : undefined) ?? server[path];

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('checkout.settings.tipPresets')}
          hint={t('checkout.settings.tipPresetsHint')}
          error={err('tipPresets', 'tipPresets')}
        >
          <Input value={tips} onChange={(e) => setTips(e.target.value)} disabled={!canEdit} data-testid="settings-tips" />
        </Field>
        <Field
          label={t('checkout.settings.receiptPrefix')}
          hint={t('checkout.settings.receiptPrefixHint', { example: `${prefix || 'ABC'}-000042` })}
          error={err('prefix', 'receiptPrefix')}
        >
          <Input value={prefix} onChange={(e) => setPrefix(e.target.value.toUpperCase())} maxLength={6} disabled={!canEdit} />
        </Field>
        <Field
          label={t('checkout.settings.approvalPercent')}
          hint={t('checkout.settings.approvalPercentHint')}
          error={err('percent', 'discountApproval.percent')}
        >
          <div className="relative">
            <Input value={percent} onChange={(e) => setPercent(e.target.value)} inputMode="decimal" className="pr-7" disabled={!canEdit} />
            <span className="pointer-events-none absolute right-3 top-1/2 -translate-y-1/2 text-zinc-500">%</span>
          </div>
        </Field>
        <Field
          label={t('checkout.settings.approvalAmount')}
          optional={t('common.optional')}
          hint={t('checkout.settings.approvalAmountHint')}
          error={err('amount', 'discountApproval.amount')}
        >
          <MoneyInput value={amount} onChange={setAmount} currency={store.currency} disabled={!canEdit} />
        </Field>
        <Field
          label={t('checkout.settings.refundLimit')}
          hint={t('checkout.settings.refundLimitHint')}
          error={err('limit', 'frontDeskRefundLimit')}
        >
          <MoneyInput value={refundLimit} onChange={setRefundLimit} currency={store.currency} disabled={!canEdit} />
        </Field>
      </div>
      <Field label={t('checkout.settings.receiptFooter')} optional={t('common.optional')}>
        <Textarea value={footer} onChange={(e) => setFooter(e.target.value)} maxLength={200} rows={2} disabled={!canEdit} />
      </Field>
      {save.error ? <ProblemAlert error={save.error} /> : null}
      {canEdit ? (
        <div className="flex justify-end">
          <Button
            variant="primary"
            loading={save.isPending}
            data-testid="settings-save"
            onClick={() => {
              setTried(true);
              if (Object.values(local).every((v) => !v)) save.mutate();
            }}
          >
            {t('common.saveChanges')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
