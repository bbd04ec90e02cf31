// A discount on a line or on the whole ticket: an amount or a percent, always with a reason. Above the
// store's limit the server asks for a manager's PIN (the register then shows the PIN pad).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Input } from '../../../components/Input.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';
import { centsToInput, parseMoney } from '../lib/money.js';
import { ReasonField } from '../ReasonField.js';
import type { Discount } from '../types.js';

const REASONS = ['loyal', 'recovery', 'promotion', 'staff', 'birthday'] as const;

export function parsePercent(text: string): number | null {
  const v = text.trim().replace(',', '.').replace('%', '');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(v)) return null;
  const n = Number(v);
  return n > 0 && n <= 100 ? n : null;
}

export function DiscountDialog({
  title,
  currency,
  initial,
  onSave,
  onClose,
}: {
  title: string;
  currency: string;
  initial: Discount | null;
  onSave: (discount: Discount | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [type, setType] = useState<'amount' | 'percent'>(initial?.type ?? 'percent');
  const [value, setValue] = useState(
    initial ? (initial.type === 'amount' ? centsToInput(initial.amount ?? 0) : String(initial.percent ?? '')) : '',
  );
  const [reason, setReason] = useState(initial?.reason ?? '');
  const [tried, setTried] = useState(false);

  const amount = type === 'amount' ? parseMoney(value) : null;
  const percent = type === 'percent' ? parsePercent(value) : null;
  const valueOk = type === 'amount' ? amount !== null && amount > 0 : percent !== null;
  const reasonOk = reason.trim().length > 0;

  const save = () => {
    setTried(true);
    if (!valueOk || !reasonOk) return;
    onSave(type === 'amount' ? { type, amount: amount!, reason: reason.trim() } : { type, percent: percent!, reason: reason.trim() });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      testId="discount-dialog"
      footer={
        <>
          {initial ? (
            <Button variant="danger-ghost" onClick={() => onSave(null)} className="mr-auto" data-testid="discount-remove">
              {t('checkout.discount.remove')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" onClick={save} data-testid="discount-save">
            {t('checkout.discount.apply')}
          </Button>
        </>
      }
    >
      <div className="space-y-4 pt-1">
        <div className="grid grid-cols-2 gap-1 rounded-xl bg-zinc-100 p-1">
          {(['percent', 'amount'] as const).map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={type === k}
              data-testid={`discount-type-${k}`}
              onClick={() => {
                setType(k);
                setValue('');
              }}
              className={cx('h-10 rounded-lg text-sm font-semibold', type === k ? 'bg-white text-zinc-900 shadow-sm' : 'text-zinc-600')}
            >
              {t(`checkout.discount.${k}`)}
            </button>
          ))}
        </div>
        <Field
          label={type === 'percent' ? t('checkout.discount.percentLabel') : t('checkout.discount.amountLabel')}
          error={tried && !valueOk ? t('checkout.discount.valueInvalid') : undefined}
        >
          {type === 'amount' ? (
            <MoneyInput value={value} onChange={setValue} currency={currency} data-testid="discount-value" />
          ) : (
            <div className="relative">
              <Input
                value={value}
                onChange={(e) => setValue(e.target.value)}
                inputMode="decimal"
                data-testid="discount-value"
                className="pr-8 tabular-nums"
              />
              <span className="pointer-events-none absolute right-3 top-1/2 -translate-y-1/2 text-zinc-500">%</span>
            </div>
          )}
        </Field>
        {type === 'percent' ? (
          <div className="flex flex-wrap gap-2">
            {[5, 10, 15, 20, 50].map((p) => (
              <button
                key={p}
                type="button"
                onClick={() => setValue(String(p))}
                className="h-9 rounded-lg bg-zinc-100 px-3 text-sm font-medium text-zinc-700 hover:bg-zinc-200"
              >
                {p}%
              </button>
            ))}
          </div>
        ) : null}
        <ReasonField
          label={t('checkout.discount.reason')}
          error={tried && !reasonOk ? t('checkout.discount.reasonRequired') : undefined}
          value={reason}
          onChange={setReason}
          suggestions={REASONS.map((r) => t(`checkout.discount.reasons.${r}`))}
          testId="discount-reason"
        />
      </div>
    </Dialog>
  );
}
