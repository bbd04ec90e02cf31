// Split tender: big buttons add a cash, card or other payment (and the ledgers' tenders) for what is still
// due; each can be changed. Cash shows quick "handed over" amounts and the change due in large type.
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Field } from '../../../components/Field.js';
import { Input, Select } from '../../../components/Input.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';
import { CIcon } from '../icons.js';
import { centsToInput, parseMoney, quickCash, useMoney } from '../lib/money.js';
import { type PaymentState, startingAmount, type TenderEntry } from '../lib/payment.js';
import { initialFields, type TenderSpec, tenderIcon } from '../lib/tenders.js';

let seq = 0;

export function TenderSection({
  specs,
  currency,
  due,
  entries,
  state,
  hasClient,
  noDrawer,
  fieldErrors,
  onChange,
}: {
  /** The store's tenders, from the server's registry. */
  specs: readonly TenderSpec[];
  currency: string;
  due: number;
  entries: TenderEntry[];
  state: PaymentState;
  hasClient: boolean;
  /** Cash needs an open drawer shift and there is none (undefined: unknown). */
  noDrawer: boolean;
  fieldErrors: Record<string, string>;
  onChange: (entries: TenderEntry[]) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney(currency);

  const add = (spec: TenderSpec) => {
    const amount = startingAmount(spec.kind, due, entries, currency);
    seq += 1;
    const fields = initialFields(spec);
    onChange([...entries, { key: `t${seq}`, kind: spec.kind, amount, fields, auto: entries.length === 0 }]);
  };
  const update = (key: string, patch: Partial<TenderEntry>) => onChange(entries.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  const remove = (key: string) => onChange(entries.filter((e) => e.key !== key));

  return (
    <section className="space-y-4" data-testid="tender-section">
      <div className="grid grid-cols-3 gap-2">
        {specs.map((spec) => {
          const taken = spec.cash && entries.some((e) => e.kind === spec.kind);
          const blocked = (spec.needsClient && !hasClient) || taken;
          return (
            <button
              key={spec.kind}
              type="button"
              onClick={() => add(spec)}
              disabled={blocked}
              data-testid={`tender-add-${spec.kind}`}
              title={spec.needsClient && !hasClient ? t('checkout.pay.needsClient') : undefined}
              className="flex h-16 flex-col items-center justify-center gap-1 rounded-xl bg-white text-sm font-semibold text-zinc-800 ring-1 ring-inset ring-zinc-300 transition hover:bg-orchid-50 hover:ring-orchid-300 active:scale-[0.98] disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-white"
            >
              <CIcon name={spec.icon} className="size-5 text-orchid-700" />
              {t(`checkout.tenders.${spec.kind}` as 'checkout.tenders.cash', { defaultValue: spec.label })}
            </button>
          );
        })}
      </div>

      {entries.length === 0 ? (
        <p className="rounded-xl bg-zinc-50 px-4 py-6 text-center text-sm text-zinc-500 ring-1 ring-zinc-200">
          {t('checkout.pay.chooseTender')}
        </p>
      ) : null}

      <ul className="space-y-3">
        {entries.map((e, i) => {
          const spec = specs.find((x) => x.kind === e.kind);
          const cash = !!spec?.cash;
          const err = (name: string) => fieldErrors[`tenders.${i}.${name}`];
          return (
            <li key={e.key} className="rounded-xl bg-white p-3 ring-1 ring-zinc-200" data-testid="tender-entry" data-kind={e.kind}>
              <div className="mb-2 flex items-center gap-2">
                <CIcon name={tenderIcon(e.kind)} className="size-5 text-orchid-700" />
                <span className="flex-1 text-sm font-semibold text-zinc-900">
                  {t(`checkout.tenders.${e.kind}` as 'checkout.tenders.cash', { defaultValue: spec?.label ?? e.kind })}
                </span>
                <IconButton
                  icon="x"
                  size="sm"
                  label={t('checkout.pay.removeTender')}
                  onClick={() => remove(e.key)}
                  data-testid="tender-remove"
                />
              </div>
              <Field label={cash ? t('checkout.pay.cashReceived') : t('checkout.pay.amount')} error={err('amount')}>
                <MoneyInput
                  value={e.text ?? centsToInput(e.amount)}
                  onChange={(text) => update(e.key, { text, amount: parseMoney(text) ?? 0, auto: false })}
                  currency={currency}
                  data-testid="tender-amount"
                  className="[&_input]:h-12 [&_input]:text-lg"
                />
              </Field>
              {cash ? (
                <>
                  <div className="mt-2 flex flex-wrap gap-2">
                    {quickCash(state.cashNeeded).map((amount) => (
                      <button
                        key={amount}
                        type="button"
                        onClick={() => update(e.key, { amount, text: undefined, auto: false })}
                        data-testid="cash-quick"
                        className={cx(
                          'h-10 min-w-16 rounded-lg px-3 text-sm font-semibold tabular-nums ring-1 ring-inset',
                          e.amount === amount
                            ? 'bg-orchid-700 text-white ring-orchid-700'
                            : 'bg-zinc-50 text-zinc-800 ring-zinc-300 hover:bg-zinc-100',
                        )}
                      >
                        {money(amount)}
                      </button>
                    ))}
                  </div>
                  {noDrawer ? <p className="mt-2 text-xs font-medium text-amber-700">{t('checkout.pay.noDrawer')}</p> : null}
                </>
              ) : null}
              {spec?.fields.length ? (
                <div className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3">
                  {spec.fields.map((f) => (
                    <Field
                      key={f.name}
                      label={t(`checkout.tenderFields.${f.name}` as 'checkout.tenderFields.brand', { defaultValue: f.label })}
                      optional={f.required ? undefined : t('common.optional')}
                      error={err(f.name)}
                    >
                      {f.type === 'select' ? (
                        <Select
                          value={e.fields[f.name] ?? ''}
                          onChange={(ev) => update(e.key, { fields: { ...e.fields, [f.name]: ev.target.value } })}
                          data-testid={`tender-${f.name}`}
                        >
                          {f.required ? null : <option value="">—</option>}
                          {f.options.map((o) => (
                            <option key={o} value={o}>
                              {t(`checkout.tenderOptions.${o}` as 'checkout.tenderOptions.visa', { defaultValue: o })}
                            </option>
                          ))}
                        </Select>
                      ) : (
                        <Input
                          value={e.fields[f.name] ?? ''}
                          maxLength={f.maxLength}
                          inputMode={f.inputMode}
                          onChange={(ev) => update(e.key, { fields: { ...e.fields, [f.name]: ev.target.value } })}
                          data-testid={`tender-${f.name}`}
                        />
                      )}
                    </Field>
                  ))}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
