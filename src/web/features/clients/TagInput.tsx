import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../components/cx.js';
import { useField } from '../../components/Field.js';
import { Icon } from '../../components/icons.js';

/**
 * A list of short words (tags, focus areas) as removable chips: Enter or comma adds what was typed,
 * Backspace in an empty box removes the last one. `suggestions` feed the browser's autocomplete.
 */
export function TagInput({
  value,
  onChange,
  suggestions = [],
  placeholder,
  max = 30,
  maxLength = 40,
  check,
  testId,
  disabled,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  suggestions?: string[];
  placeholder?: string;
  max?: number;
  maxLength?: number;
  /** Returns an error message for a word that cannot be added. */
  check?: (word: string) => string | null;
  testId?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const field = useField();
  const listId = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = (raw: string) => {
    const word = raw.trim();
    if (!word) return true;
    const bad = check?.(word) ?? null;
    if (bad) {
      setProblem(bad);
      return false;
    }
    if (!value.some((v) => v.toLowerCase() === word.toLowerCase()) && value.length < max) onChange([...value, word]);
    setDraft('');
    setProblem(null);
    return true;
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',' || event.key === '，') {
      if (draft.trim() || event.key !== 'Enter') event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && !draft && value.length) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div>
      <div
        className={cx(
          'flex min-h-10 flex-wrap items-center gap-1.5 rounded-lg bg-white px-2 py-1.5 shadow-sm ring-1 ring-inset focus-within:ring-2',
          field?.invalid || problem ? 'ring-red-500 focus-within:ring-red-600' : 'ring-zinc-300 focus-within:ring-orchid-600',
          disabled && 'bg-zinc-50',
        )}
        data-testid={testId}
      >
        {value.map((word) => (
          <span
            key={word}
            className="inline-flex items-center gap-1 rounded-full bg-orchid-50 py-0.5 pl-2.5 pr-1 text-sm text-orchid-800 ring-1 ring-inset ring-orchid-200"
          >
            {word}
            {!disabled ? (
              <button
                type="button"
                onClick={() => onChange(value.filter((v) => v !== word))}
                className="rounded-full p-0.5 text-orchid-600 hover:bg-orchid-100"
                aria-label={t('clients.form.removeTag', { tag: word })}
              >
                <Icon name="x" className="size-3.5" />
              </button>
            ) : null}
          </span>
        ))}
        <input
          id={field?.id}
          aria-invalid={field?.invalid || !!problem || undefined}
          aria-describedby={field?.describedBy}
          list={suggestions.length ? listId : undefined}
          value={draft}
          disabled={disabled || value.length >= max}
          maxLength={maxLength}
          placeholder={value.length ? '' : placeholder}
          onChange={(e) => {
            const next = e.target.value;
            // Choosing a suggestion (or pasting "a, b") adds at once.
            if (/[,，]/.test(next)) {
              const parts = next.split(/[,，]/);
              const last = parts.pop() ?? '';
              for (const p of parts) if (!add(p)) return;
              setDraft(last);
            } else setDraft(next);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            if (draft.trim()) add(draft);
          }}
          className="min-w-28 flex-1 border-0 bg-transparent px-1 py-0.5 text-[15px] text-zinc-900 placeholder:text-zinc-400 focus:outline-none"
        />
        {suggestions.length ? (
          <datalist id={listId}>
            {suggestions
              .filter((s) => !value.includes(s))
              .map((s) => (
                <option key={s} value={s} />
              ))}
          </datalist>
        ) : null}
      </div>
      {problem ? (
        <p className="mt-1.5 flex items-start gap-1.5 text-sm text-red-700" role="alert">
          <Icon name="alert" className="mt-0.5 size-4" />
          {problem}
        </p>
      ) : null}
    </div>
  );
}
