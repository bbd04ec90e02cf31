// Sell a gift card (or a reload of one) as a ticket line: the card is activated only when the ticket is
// paid at checkout. A generated code is shown once here (the server keeps only its hash): write it on
// the card or hand it to the client.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Drawer } from '../../../components/Drawer.js';
import { Field } from '../../../components/Field.js';
import { FormDrawer } from '../../../components/FormDrawer.js';
import { Input } from '../../../components/Input.js';
import { LinkButton } from '../../../components/LinkButton.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { Spinner } from '../../../components/Spinner.js';
import { isApiError } from '../../../http/problem.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { ledgerSettingsQuery, newGiftCardCode, openGiftCardTicket } from '../api.js';
import { GiftCardCodeInput } from '../components/GiftCardCodeInput.js';
import { Segmented } from '../components/Segmented.js';
import { checkCode, displayCode } from '../giftCode.js';
import { BalanceIcon } from '../icons.js';
import { centsToInput, parseMoney, useMoney } from '../money.js';

type Props = { open: boolean; reloadCode: string | null; onClose: () => void };

export function SellGiftCardDrawer(props: Props) {
  return props.open ? <Sell {...props} /> : null;
}

function Sell({ reloadCode, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { store } = useCurrentStore();
  const { m, currency } = useMoney();
  const settings = useQuery(ledgerSettingsQuery);
  const gc = settings.data?.settings.giftCards;
  const [source, setSource] = useState<'generate' | 'scan'>('generate');
  const [scanned, setScanned] = useState('');
  const [design, setDesign] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [recipient, setRecipient] = useState('');
  const [tried, setTried] = useState(false);
  const generated = useQuery({
    queryKey: ['balances', 'gift-card-new-code'],
    queryFn: newGiftCardCode,
    enabled: !reloadCode && source === 'generate',
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const [done, setDone] = useState<{ code: string; total: number; saleId: string } | null>(null);

  const scan = checkCode(scanned);
  const code = reloadCode ?? (source === 'generate' ? (generated.data?.code ?? null) : scan.state === 'ok' ? scan.code : null);
  const designs = (gc?.designs ?? []).filter((d) => d.amount !== null);
  const chosenDesign = designs.find((d) => d.id === design);
  const cents = chosenDesign?.amount ?? parseMoney(amount);
  const quick = designs.length > 0 ? [] : [2_500, 5_000, 10_000, 20_000].filter((q) => !gc || (q >= gc.minAmount && q <= gc.maxAmount));
  const amountError =
    cents === null
      ? t('balances.sell.amountRequired')
      : gc && (cents < gc.minAmount || cents > gc.maxAmount)
        ? t('balances.sell.amountRange', { min: m(gc.minAmount), max: m(gc.maxAmount) })
        : undefined;

  const sell = useMutation({
    mutationFn: () =>
      openGiftCardTicket({
        storeId: store?.id ?? '',
        clientId: null,
        line: {
          code: code ?? '',
          mode: reloadCode ? 'reload' : 'new',
          ...(chosenDesign ? { design: chosenDesign.id } : { amount: cents ?? 0 }),
          ...(recipient.trim() && !reloadCode ? { recipientName: recipient.trim() } : {}),
        },
      }),
    onSuccess: (sale) => setDone({ code: code ?? '', total: sale.total, saleId: sale.id }),
  });

  const submit = () => {
    setTried(true);
    if (!code || amountError || !store) return;
    sell.mutate();
  };
  const taken = isApiError(sell.error) && sell.error.code === 'gift_card_code_taken';

  if (done)
    return (
      <Drawer
        open
        onClose={onClose}
        title={t('balances.sell.doneTitle')}
        testId="sell-gift-card"
        footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      >
        <div className="space-y-5" data-testid="sell-gift-card-done">
          <Alert
            tone="accent"
            title={
              reloadCode
                ? t('balances.sell.reloadOpened', { amount: m(done.total), card: `•••• ${reloadCode.slice(-4)}` })
                : t('balances.sell.ticketOpened', { amount: m(done.total) })
            }
          >
            <p>{t('balances.sell.payAtCheckout')}</p>
          </Alert>
          {!reloadCode ? (
            <div className="rounded-2xl bg-zinc-900 p-5 text-center text-white">
              <p className="text-xs uppercase tracking-wide text-white/60">{t('balances.sell.codeOnce')}</p>
              <p className="mt-2 select-all font-mono text-2xl tracking-[0.2em]" data-testid="sell-gift-card-code">
                {displayCode(done.code)}
              </p>
            </div>
          ) : null}
          <LinkButton
            to="/checkout/$saleId"
            params={{ saleId: done.saleId }}
            variant="primary"
            className="w-full"
            data-testid="sell-gift-card-checkout"
          >
            {t('balances.sell.goToCheckout')}
          </LinkButton>
        </div>
      </Drawer>
    );

  return (
    <FormDrawer
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('balances.sell.submit')}
      submitting={sell.isPending}
      submitDisabled={!store}
      submitTestId="sell-gift-card-submit"
      title={reloadCode ? t('balances.sell.reloadTitle') : t('balances.sell.title')}
      description={t('balances.sell.body')}
      testId="sell-gift-card"
    >
      {reloadCode ? (
        <div className="rounded-xl bg-zinc-50 px-4 py-3 font-mono text-lg tracking-widest text-zinc-800 ring-1 ring-zinc-200">
          •••• {reloadCode.slice(-4)}
        </div>
      ) : (
        <section className="space-y-3">
          <h3 className="text-sm font-semibold text-zinc-900">{t('balances.sell.codeTitle')}</h3>
          <Segmented
            label={t('balances.sell.codeTitle')}
            value={source}
            onChange={setSource}
            options={[
              { value: 'generate', label: t('balances.sell.generate'), testId: 'sell-source-generate' },
              { value: 'scan', label: t('balances.sell.scan'), testId: 'sell-source-scan' },
            ]}
          />
          {source === 'generate' ? (
            <div className="flex items-center gap-3 rounded-xl bg-orchid-50/60 px-4 py-3 ring-1 ring-inset ring-orchid-100">
              <BalanceIcon name="gift" className="size-6 text-orchid-600" />
              {generated.data ? (
                <span className="flex-1 font-mono text-lg tracking-[0.15em] text-zinc-900" data-testid="sell-generated-code">
                  {generated.data.display}
                </span>
              ) : generated.isError ? (
                <ProblemAlert error={generated.error} className="flex-1" />
              ) : (
                <Spinner className="size-5 text-orchid-600" />
              )}
              <Button
                size="sm"
                variant="ghost"
                icon="refresh"
                onClick={() => void generated.refetch()}
                aria-label={t('balances.sell.newCode')}
                title={t('balances.sell.newCode')}
              />
            </div>
          ) : (
            <GiftCardCodeInput
              value={scanned}
              onChange={setScanned}
              autoFocus
              testId="sell-scan-code"
              invalid={(tried && scan.state !== 'ok') || taken}
            />
          )}
          {taken ? <ProblemAlert error={sell.error} testId="sell-code-taken" /> : null}
        </section>
      )}

      <section className="space-y-3">
        {designs.length > 0 ? <h3 className="text-sm font-semibold text-zinc-900">{t('balances.sell.amountTitle')}</h3> : null}
        {designs.length > 0 ? (
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3" role="radiogroup" aria-label={t('balances.sell.designs')}>
            {designs.map((d) => {
              const name = d.name[i18n.language as 'en'] || d.name.en || d.id;
              const selected = design === d.id;
              return (
                <label
                  key={d.id}
                  className={cx(
                    'cursor-pointer rounded-xl px-3 py-3 text-left ring-1 ring-inset transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-orchid-500',
                    selected ? 'bg-orchid-700 text-white ring-orchid-700' : 'bg-white text-zinc-800 ring-zinc-200 hover:ring-orchid-300',
                  )}
                  data-testid="sell-design"
                >
                  <input type="radio" name="gift-card-design" className="sr-only" checked={selected} onChange={() => setDesign(d.id)} />
                  <span className="block text-xs opacity-80">{name}</span>
                  <span className="block text-lg font-semibold tabular-nums">{m(d.amount ?? 0)}</span>
                </label>
              );
            })}
          </div>
        ) : null}
        <Field
          label={designs.length > 0 ? t('balances.sell.customAmount') : t('balances.sell.amount')}
          error={tried && !chosenDesign ? amountError : undefined}
          hint={gc ? t('balances.sell.amountRange', { min: m(gc.minAmount), max: m(gc.maxAmount) }) : undefined}
        >
          <div className="flex flex-wrap items-center gap-2">
            <MoneyInput
              value={chosenDesign ? '' : amount}
              onChange={(v) => {
                setDesign(null);
                setAmount(v);
              }}
              currency={currency}
              placeholder="0.00"
              className="w-32"
              data-testid="sell-amount"
            />
            {quick.map((q) => (
              <Button
                key={q}
                size="sm"
                variant={cents === q && !chosenDesign ? 'primary' : 'secondary'}
                onClick={() => {
                  setDesign(null);
                  setAmount(centsToInput(q));
                }}
                data-testid={`sell-quick-${q}`}
              >
                {m(q)}
              </Button>
            ))}
          </div>
        </Field>
      </section>

      {!reloadCode ? (
        <Field label={t('balances.sell.recipient')} optional={t('common.optional')}>
          <Input value={recipient} onChange={(e) => setRecipient(e.target.value)} maxLength={100} data-testid="sell-recipient" />
        </Field>
      ) : null}

      {sell.error && !taken ? <ProblemAlert error={sell.error} testId="sell-error" /> : null}
      <button type="submit" className="hidden" aria-hidden="true" tabIndex={-1} />
    </FormDrawer>
  );
}
