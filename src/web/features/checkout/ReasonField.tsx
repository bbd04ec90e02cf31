// The reason a refund, a void or a discount needs: free text (200 characters at most) with a row of
// one-tap suggestions that fill it in.
import { Field } from '../../components/Field.js';
import { Input } from '../../components/Input.js';

export function ReasonField({
  label,
  error,
  value,
  onChange,
  suggestions,
  testId,
}: {
  label: string;
  error?: string;
  value: string;
  onChange: (reason: string) => void;
  /** Translated suggestions; tapping one sets the reason to it. */
  suggestions: readonly string[];
  testId: string;
}) {
  return (
    <>
      <Field label={label} error={error}>
        <Input value={value} onChange={(e) => onChange(e.target.value)} maxLength={200} data-testid={testId} />
      </Field>
      <div className="flex flex-wrap gap-2">
        {suggestions.map((s) => (
          <button
            key={s}
            type="button"
            onClick={() => onChange(s)}
            className="h-8 rounded-full bg-zinc-100 px-3 text-xs font-medium text-zinc-700 hover:bg-zinc-200"
          >
            {s}
          </button>
        ))}
      </div>
    </>
  );
}
