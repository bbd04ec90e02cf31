// A manager's manual adjustment of a balance (stored value principal or bonus, points, a gift card):
// add or deduct, an amount, a reason (required; audited by the server), at the current store. One
// Idempotency-Key per opening, so a double click or a retry after a timeout posts once.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Input, Select, Textarea } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { isApiError, unplacedErrors } from '../../../http/problem.js';
import { focusFirstError, serverErrors } from '../../../lib/validation.js';
import { useMe } from '../../auth/session.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { newIdempotencyKey } from '../keys.js';
import { parseMoney, useMoney, useNumber } from '../money.js';
import { Segmented } from './Segmented.js';

export type AdjustPart = { value: string; label: string; balance: number };

export interface AdjustInput {
  part: string | null;
  /** Signed: positive adds, negative deducts. */
  amount: number;
  reason: string;
  storeId: string;
}

const REASON_MIN = 3;

type Props = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: string;
  unit: 'money' | 'points';
  /** Stored value: principal and bonus. Otherwise one balance. */
  parts?: AdjustPart[];
  balance?: number;
  submit: (input: AdjustInput, idempotencyKey: string) => Promise<unknown>;
  onDone: () => void;
  testId?: string;
};

/** Mounted fresh at each opening, so the form and its Idempotency-Key start over. */
export function AdjustDialog(props: Props) {
  return props.open ? <OpenAdjustDialog {...props} /> : null;
}

function OpenAdjustDialog({ open, onClose, title, description, unit, parts, balance, submit, onDone, testId = 'adjust-dialog' }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { store } = useCurrentStore();
  const { m, currency } = useMoney();
  const n = useNumber();
  const [direction, setDirection] = useState<'add' | 'deduct'>('add');
  const [part, setPart] = useState(parts?.[0]?.value ?? '');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [storeId, setStoreId] = useState(store?.id ?? me.stores[0]?.id ?? '');
  const [key] = useState(newIdempotencyKey);
  const [tried, setTried] = useState(false);

  const mutation = useMutation({
    mutationFn: (input: AdjustInput) => submit(input, key),
    onSuccess: () => onDone(),
  });

  const fmt = (v: number) => (unit === 'money' ? m(v) : t('balances.points.count', { count: v, formatted: n(v) }));
  const current = parts ? (parts.find((p) => p.value === part)?.balance ?? 0) : (balance ?? 0);
  const value = unit === 'money' ? parseMoney(amount) : /^\d{1,8}$/.test(amount.trim()) ? Number(amount.trim()) : null;
  const signed = value === null ? null : direction === 'add' ? value : -value;
  const after = signed === null ? null : current + signed;

  const local: Record<string, string> = {};
  if (value === null || value === 0) local.amount = t('balances.adjust.amountRequired');
  else if (after !== null && after < 0) local.amount = t('balances.adjust.belowZero', { balance: fmt(current) });
  if (reason.trim().length < REASON_MIN) local.reason = t('balances.adjust.reasonRequired');
  const server = serverErrors(mutation.error);
  const errors = tried
    ? { ...Object.fromEntries(Object.entries(server).map(([k, v]) => [k, 'message' in v ? v.message : ''])), ...local }
    : {};
  const shownError =
    mutation.error &&
    (!isApiError(mutation.error) ||
      mutation.error.errors.length === 0 ||
      unplacedErrors(mutation.error, ['amount', 'reason', 'part', 'storeId']).length > 0);

  const onSubmit = () => {
    setTried(true);
    if (Object.keys(local).length > 0 || signed === null || !storeId) {
      focusFirstError(document.querySelector(`[data-testid="${testId}"]`));
      return;
    }
    mutation.mutate({ part: parts ? part : null, amount: signed, reason: reason.trim(), storeId });
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      icon="pencil"
      testId={testId}
      className="sm:max-w-lg"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" onClick={onSubmit} loading={mutation.isPending} data-testid="adjust-submit">
            {direction === 'add' ? t('balances.adjust.submitAdd') : t('balances.adjust.submitDeduct')}
          </Button>
        </>
      }
    >
      <form
        className="space-y-4 pt-1"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {description ? <p>{description}</p> : null}
        <Segmented
          label={t('balances.adjust.direction')}
          value={direction}
          onChange={setDirection}
          options={[
            { value: 'add', label: t('balances.adjust.add'), testId: 'adjust-add' },
            { value: 'deduct', label: t('balances.adjust.deduct'), testId: 'adjust-deduct' },
          ]}
        />
        {parts ? (
          <Field label={t('balances.adjust.part')} error={errors.part}>
            <Select value={part} onChange={(e) => setPart(e.target.value)} data-testid="adjust-part">
              {parts.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label} · {fmt(p.balance)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field
          label={unit === 'money' ? t('balances.adjust.amount') : t('balances.adjust.points')}
          error={errors.amount}
          errorTestId="adjust-amount-error"
          hint={
            after !== null && after >= 0
              ? t('balances.adjust.after', { balance: fmt(after) })
              : t('balances.adjust.current', { balance: fmt(current) })
          }
        >
          {unit === 'money' ? (
            <MoneyInput value={amount} onChange={setAmount} currency={currency} data-testid="adjust-amount" placeholder="0.00" />
          ) : (
            <Input
              value={amount}
              onChange={(e) => setAmount(e.target.value.replace(/[^\d]/g, ''))}
              inputMode="numeric"
              data-testid="adjust-amount"
              placeholder="0"
              className="tabular-nums"
            />
          )}
        </Field>
        <Field
          label={t('balances.adjust.reason')}
          error={errors.reason}
          errorTestId="adjust-reason-error"
          hint={t('balances.adjust.reasonHint')}
        >
          <Textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={2} data-testid="adjust-reason" />
        </Field>
        {me.stores.length > 1 ? (
          <Field label={t('balances.adjust.store')} error={errors.storeId}>
            <Select value={storeId} onChange={(e) => setStoreId(e.target.value)} data-testid="adjust-store">
              {me.stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {shownError ? <ProblemAlert error={mutation.error} testId="adjust-error" /> : null}
        <button type="submit" className="hidden" aria-hidden="true" tabIndex={-1} />
      </form>
    </Dialog>
  );
}
