import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field.js';
import { Input, Select } from '../../../components/Input.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';

/** A fee policy as edited: the kind, and the amount (dollars text) or the percent (text). */
export interface FeeDraft {
  kind: 'none' | 'fixed' | 'percent';
  amount: string;
  percent: string;
}

export function FeeField({
  label,
  value,
  currency,
  error,
  onChange,
  testId,
}: {
  label: string;
  value: FeeDraft;
  currency: string;
  error?: string | undefined;
  onChange: (v: FeeDraft) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Field label={label} error={error}>
      <div className="flex gap-2">
        <Select
          value={value.kind}
          onChange={(e) => onChange({ ...value, kind: e.target.value as FeeDraft['kind'] })}
          className="w-44"
          data-testid={`${testId}-kind`}
        >
          <option value="none">{t('booking.settings.feeNone')}</option>
          <option value="fixed">{t('booking.settings.feeFixed')}</option>
          <option value="percent">{t('booking.settings.feePercent')}</option>
        </Select>
        {value.kind === 'fixed' ? (
          <MoneyInput
            value={value.amount}
            onChange={(amount) => onChange({ ...value, amount })}
            currency={currency}
            className="w-36"
            data-testid={`${testId}-amount`}
          />
        ) : null}
        {value.kind === 'percent' ? (
          <div className="relative w-28">
            <Input
              type="number"
              min={0}
              max={100}
              value={value.percent}
              onChange={(e) => onChange({ ...value, percent: e.target.value })}
              className="pr-8"
              data-testid={`${testId}-percent`}
            />
            <span className="pointer-events-none absolute right-3 top-1/2 -translate-y-1/2 text-zinc-500">%</span>
          </div>
        ) : null}
      </div>
    </Field>
  );
}
