// A gift card number, typed or scanned (a scanner types fast and ends with Enter), checked as it is
// typed: a generated code's check character catches a mistyped character before anything is sent.
// Reusable (checkout's gift card line and tender): controlled, with `onSubmit` for Enter.
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { Input } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { type CodeState, checkCode } from '../giftCode.js';
import { BalanceIcon } from '../icons.js';

export function GiftCardCodeInput({
  value,
  onChange,
  onSubmit,
  autoFocus,
  testId = 'gift-card-code',
  invalid,
  disabled,
  placeholder,
  id,
  className,
}: {
  value: string;
  onChange: (value: string) => void;
  /** Enter (a scanner's last key), with the normalised code when it is complete and valid. */
  onSubmit?: (code: string) => void;
  autoFocus?: boolean;
  testId?: string;
  invalid?: boolean;
  disabled?: boolean;
  placeholder?: string;
  id?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const state = checkCode(value);
  const bad = state.state === 'format' || state.state === 'check_digit';
  return (
    <div className={cx('space-y-1.5', className)}>
      <div className="relative">
        <BalanceIcon name="scan" className="pointer-events-none absolute left-3 top-1/2 size-5 -translate-y-1/2 text-zinc-400" />
        <Input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            if (state.state === 'ok') onSubmit?.(state.code);
          }}
          autoFocus={autoFocus}
          disabled={disabled}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          placeholder={placeholder ?? t('balances.code.placeholder')}
          invalid={invalid || bad || undefined}
          data-testid={testId}
          data-code-state={state.state}
          className="h-11 pl-10 pr-10 font-mono text-base uppercase tracking-wider placeholder:font-sans placeholder:normal-case placeholder:tracking-normal"
        />
        {state.state === 'ok' ? (
          <Icon name="checkCircle" className="absolute right-3 top-1/2 size-5 -translate-y-1/2 text-emerald-600" />
        ) : bad ? (
          <Icon name="alert" className="absolute right-3 top-1/2 size-5 -translate-y-1/2 text-red-600" />
        ) : null}
      </div>
      <CodeHint state={state} testId={`${testId}-hint`} />
    </div>
  );
}

function CodeHint({ state, testId }: { state: CodeState; testId: string }) {
  const { t } = useTranslation();
  if (state.state === 'empty') return <p className="text-sm text-zinc-500">{t('balances.code.hint')}</p>;
  if (state.state === 'check_digit')
    return (
      <p className="flex items-start gap-1.5 text-sm text-red-700" role="alert" data-testid={testId} data-state="check_digit">
        {t('balances.code.checkDigit')}
      </p>
    );
  if (state.state === 'format')
    return (
      <p className="text-sm text-red-700" role="alert" data-testid={testId} data-state="format">
        {t('balances.code.format')}
      </p>
    );
  if (state.state === 'partial')
    return (
      <p className="text-sm text-zinc-500" data-testid={testId} data-state="partial">
        {t('balances.code.partial', { count: state.code.length })}
      </p>
    );
  return (
    <p className="text-sm text-emerald-700" data-testid={testId} data-state="ok">
      {state.kind === 'generated' ? t('balances.code.validGenerated') : t('balances.code.validScanned')}
    </p>
  );
}
