import type { KeyboardEvent } from 'react';
import { Input } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';

export function SearchBox({
  value,
  onChange,
  placeholder,
  testId,
  onEnter,
  icon = 'search',
  wide,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  testId: string;
  onEnter?: (value: string) => void;
  icon?: 'search';
  /** Room for a longer placeholder ("Search, or scan a barcode"). */
  wide?: boolean;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && onEnter) {
      e.preventDefault();
      onEnter(e.currentTarget.value);
    }
  };
  return (
    <div className={`relative w-full sm:w-auto sm:flex-1 ${wide ? 'sm:min-w-72 sm:max-w-sm' : 'sm:min-w-56 sm:max-w-xs'}`}>
      <Icon name={icon} className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
      <Input
        data-testid={testId}
        className="pl-9"
        type="search"
        value={value}
        placeholder={placeholder}
        aria-label={placeholder}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
