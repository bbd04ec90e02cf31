import { useId } from 'react';
import { Input } from '../../../components/Input.js';
import { toKey } from '../errors.js';

/**
 * A short lowercase key (tax class, resource type) with suggestions. What people type ("Pedicure
 * Chair") is turned into a key ("pedicure_chair") when the field loses focus.
 */
export function KeyInput({
  value,
  onChange,
  choices,
  label,
  ...rest
}: {
  value: string;
  onChange: (value: string) => void;
  choices: Array<{ key: string; label: string }>;
  label: (key: string) => string;
  placeholder?: string;
  disabled?: boolean;
  'data-testid'?: string;
}) {
  const listId = useId();
  const friendly = label(value);
  return (
    <div>
      <Input
        {...rest}
        list={listId}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => onChange(toKey(value))}
      />
      <datalist id={listId}>
        {choices.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </datalist>
      {value && friendly !== value ? <p className="mt-1 text-xs text-zinc-500">{friendly}</p> : null}
    </div>
  );
}
