import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../components/cx.js';
import { Icon } from '../../components/icons.js';
import { PIN_MAX } from '../../lib/validation.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A large numeric keypad for PIN entry at a shared terminal (touch first, keyboard works too). */
export function Keypad({
  value,
  onChange,
  onSubmit,
  disabled,
}: {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const press = (digit: string) => {
    if (!disabled && value.length < PIN_MAX) onChange(value + digit);
  };
  const back = () => !disabled && onChange(value.slice(0, -1));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (disabled || event.metaKey || event.ctrlKey || event.altKey) return;
      if (/^\d$/.test(event.key)) {
        event.preventDefault();
        if (value.length < PIN_MAX) onChange(value + event.key);
      } else if (event.key === 'Backspace') {
        event.preventDefault();
        onChange(value.slice(0, -1));
      } else if (event.key === 'Enter') {
        event.preventDefault();
        onSubmit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [value, onChange, onSubmit, disabled]);

  const keyClass =
    'flex h-16 items-center justify-center rounded-2xl text-2xl font-medium transition-colors select-none sm:h-18 ' +
    'disabled:cursor-not-allowed disabled:opacity-40';
  return (
    <div className="grid grid-cols-3 gap-3" data-testid="pin-keypad">
      {KEYS.map((digit) => (
        <button
          key={digit}
          type="button"
          className={cx(keyClass, 'bg-zinc-100 text-zinc-900 hover:bg-zinc-200 active:bg-orchid-100')}
          onClick={() => press(digit)}
          disabled={disabled}
          data-testid={`pin-key-${digit}`}
        >
          {digit}
        </button>
      ))}
      <button
        type="button"
        className={cx(keyClass, 'text-zinc-600 hover:bg-zinc-100')}
        onClick={back}
        disabled={disabled || !value}
        aria-label={t('pin.backspace')}
        data-testid="pin-key-back"
      >
        <Icon name="backspace" className="size-7" />
      </button>
      <button
        type="button"
        className={cx(keyClass, 'bg-zinc-100 text-zinc-900 hover:bg-zinc-200 active:bg-orchid-100')}
        onClick={() => press('0')}
        disabled={disabled}
        data-testid="pin-key-0"
      >
        0
      </button>
      <button
        type="button"
        className={cx(keyClass, 'bg-orchid-700 text-white hover:bg-orchid-800 active:bg-orchid-900')}
        onClick={onSubmit}
        disabled={disabled || value.length < 4}
        aria-label={t('pin.enter')}
        data-testid="pin-submit"
      >
        <Icon name="check" className="size-7" />
      </button>
    </div>
  );
}
