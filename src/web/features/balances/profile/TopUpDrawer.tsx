// Top up a client's stored value from her balances tab. A top-up is a checkout line: this opens a ticket
// for her with the top-up on it and goes to checkout, where it is paid; the principal and the bonus the
// server finds (shown here beforehand) are credited only when the ticket completes.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Field } from '../../../components/Field.js';
import { FormDrawer } from '../../../components/FormDrawer.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { api } from '../../../http/client.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';
import { bonusPreviewQuery, ledgerSettingsQuery } from '../api.js';
import { centsToInput, parseMoney, useMoney } from '../money.js';

type Props = {
  open: boolean;
  clientId: string;
  storeId: string;
  /** Today's offers (pay → bonus) for quick amounts. */
  offers: readonly { pay: number; bonus: number }[];
  onClose: () => void;
};

export function TopUpDrawer(props: Props) {
  return props.open ? <TopUp {...props} /> : null;
}

function TopUp({ clientId, storeId, offers, onClose }: Props) {
  const { t } = useTranslation();
  const { m, currency } = useMoney();
  const navigate = useNavigate();
  const settings = useQuery(ledgerSettingsQuery);
  const limits = settings.data?.settings.wallet;
  const [amount, setAmount] = useState('');
  const [tried, setTried] = useState(false);
  const cents = parseMoney(amount);
  const inRange = cents !== null && cents > 0 && (!limits || (cents >= limits.minTopUp && cents <= limits.maxTopUp));
  const preview = useQuery({ ...bonusPreviewQuery(storeId, inRange ? (cents ?? 0) : 0, clientId), enabled: inRange });
  const bonus = inRange ? (preview.data?.bonus ?? 0) : 0;
  const amountError =
    cents === null || cents <= 0
      ? t('balances.topUp.amountRequired')
      : !inRange && limits
        ? t('balances.topUp.amountRange', { min: m(limits.minTopUp), max: m(limits.maxTopUp) })
        : undefined;

  const openTicket = useMutation({
    mutationFn: () =>
      api.post<{ id: string }>('/sales', { storeId, clientId, lines: [{ kind: 'stored_value_topup', amount: cents ?? 0 }] }),
    onSuccess: (sale) => void navigate({ to: '/checkout/$saleId', params: { saleId: sale.id } }),
  });
  const submit = () => {
    setTried(true);
    if (!inRange) return;
    openTicket.mutate();
  };

  return (
    <FormDrawer
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('balances.topUp.submit')}
      submitting={openTicket.isPending}
      submitTestId="top-up-submit"
      title={t('balances.topUp.title')}
      description={t('balances.topUp.body')}
      testId="top-up-drawer"
    >
      <Field
        label={t('balances.topUp.amount')}
        error={tried ? amountError : undefined}
        hint={limits ? t('balances.topUp.amountRange', { min: m(limits.minTopUp), max: m(limits.maxTopUp) }) : undefined}
      >
        <div className="flex flex-wrap items-center gap-2">
          <MoneyInput
            value={amount}
            onChange={setAmount}
            currency={currency}
            placeholder="0.00"
            className="w-32"
            data-autofocus
            data-testid="top-up-amount"
          />
          {offers.map((o) => (
            <Button
              key={o.pay}
              size="sm"
              variant={cents === o.pay ? 'primary' : 'secondary'}
              onClick={() => setAmount(centsToInput(o.pay))}
              data-testid={`top-up-quick-${o.pay}`}
            >
              {t('balances.wallet.offer', { pay: m(o.pay), bonus: m(o.bonus) })}
            </Button>
          ))}
        </div>
      </Field>

      {inRange ? (
        <dl className="grid grid-cols-3 gap-3 rounded-xl bg-amber-50 p-4 ring-1 ring-inset ring-amber-200" data-testid="top-up-preview">
          <div>
            <dt className="text-xs text-amber-900/70">{t('balances.topUp.pays')}</dt>
            <dd className="text-lg font-semibold tabular-nums text-zinc-900">{m(cents ?? 0)}</dd>
          </div>
          <div>
            <dt className="text-xs text-amber-900/70">{t('balances.wallet.bonus')}</dt>
            <dd className="text-lg font-semibold tabular-nums text-amber-900" data-testid="top-up-bonus" data-value={bonus}>
              +{m(bonus)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-amber-900/70">{t('balances.topUp.credited')}</dt>
            <dd
              className="text-lg font-semibold tabular-nums text-zinc-900"
              data-testid="top-up-credited"
              data-value={(cents ?? 0) + bonus}
            >
              {m((cents ?? 0) + bonus)}
            </dd>
          </div>
          <p className="col-span-3 text-xs text-amber-900/80">
            {preview.data?.ruleName ? t('balances.topUp.rule', { rule: preview.data.ruleName }) : t('balances.topUp.noBonus')}
          </p>
        </dl>
      ) : null}

      {preview.error ? <ProblemAlert error={preview.error} /> : null}
      {openTicket.error ? <ProblemAlert error={openTicket.error} testId="top-up-error" /> : null}
    </FormDrawer>
  );
}
