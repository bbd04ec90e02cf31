import { useState } from 'react';
import { useMe } from '../../auth/session.js';
import { centsToInput, parseMoney } from '../../catalog/money.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';

const toText = (v: number | null) => (v === null || Number.isNaN(v) ? '' : centsToInput(v));
const fromText = (text: string, nullable: boolean) =>
  text.trim() === '' ? (nullable ? null : Number.NaN) : (parseMoney(text) ?? Number.NaN);

/**
 * An amount in cents edited as dollars. What is typed stays as typed; the value is NaN while it is not
 * an amount (the section will not save until it is), null when blank and `nullable`.
 */
export function MoneyCents({
  value,
  onChange,
  nullable = false,
  className,
  testId,
  id,
  invalid,
}: {
  value: number | null;
  onChange: (cents: number | null) => void;
  nullable?: boolean;
  className?: string;
  testId?: string;
  id?: string;
  invalid?: boolean;
}) {
  const me = useMe();
  const [text, setText] = useState(() => toText(value));
  const [seen, setSeen] = useState<number | null>(value);
  // The value changed from outside (discard, reload): show it, unless it is what the text already says.
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (!Object.is(fromText(text, nullable), value)) setText(toText(value));
  }
  return (
    <MoneyInput
      id={id}
      value={text}
      onChange={(next) => {
        setText(next);
        const cents = fromText(next, nullable);
        setSeen(cents);
        onChange(cents);
      }}
      currency={me.business.currency}
      className={className}
      invalid={invalid || (value !== null && Number.isNaN(value))}
      data-testid={testId}
      placeholder="0.00"
    />
  );
}
