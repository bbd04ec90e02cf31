import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { Input } from '../../../components/Input.js';
import { centsToInput, currencySymbol, parseMoney } from '../money.js';

/**
 * An amount in dollars, typed as text (a scanner, a Chinese keyboard's full-width digits, "$1,250"),
 * tidied to "25.00" when the field loses focus. The form turns it into cents with parseMoney.
 */
export function MoneyInput({
  value,
  onChange,
  currency,
  className,
  ...rest
}: {
  value: string;
  onChange: (value: string) => void;
  currency: string;
  className?: string;
  placeholder?: string;
  disabled?: boolean;
  invalid?: boolean;
  id?: string;
  'data-testid'?: string;
  'aria-label'?: string;
  'data-autofocus'?: boolean;
}) {
  const { i18n } = useTranslation();
  const symbol = currencySymbol(currency, i18n.language);
  return (
    <div className={cx('relative', className)}>
      <span className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-[15px] text-zinc-500">{symbol}</span>
      <Input
        {...rest}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        className={cx('tabular-nums', symbol.length > 1 ? 'pl-11' : 'pl-7')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          const cents = parseMoney(value);
          if (cents !== null) onChange(centsToInput(cents));
        }}
      />
    </div>
  );
}
