import { createContext, type ReactNode, useContext, useId } from 'react';
import { cx } from './cx.js';
import { Icon } from './icons.js';

interface FieldState {
  id: string;
  invalid: boolean;
  describedBy: string | undefined;
}

const FieldContext = createContext<FieldState | null>(null);

/** Lets Input/Select/Textarea pick up the id, aria-invalid and aria-describedby of their Field. */
export function useField(): FieldState | null {
  return useContext(FieldContext);
}

export interface FieldProps {
  label: ReactNode;
  children: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: string | undefined;
  className?: string;
  /** data-testid for the error message, so tests can find it. */
  errorTestId?: string;
}

export function Field({ label, children, error, hint, optional, className, errorTestId }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <FieldContext.Provider value={{ id, invalid: !!error, describedBy }}>
      <div className={cx('flex flex-col gap-1.5', className)}>
        <label htmlFor={id} className="flex items-baseline justify-between gap-2 text-sm font-medium text-zinc-800">
          <span>{label}</span>
          {optional ? <span className="text-xs font-normal text-zinc-400">{optional}</span> : null}
        </label>
        {children}
        {error ? (
          <p id={errorId} data-testid={errorTestId} className="flex items-start gap-1.5 text-sm text-red-700" role="alert">
            <Icon name="alert" className="mt-0.5 size-4" />
            <span>{error}</span>
          </p>
        ) : hint ? (
          <p id={hintId} className="text-sm text-zinc-500">
            {hint}
          </p>
        ) : null}
      </div>
    </FieldContext.Provider>
  );
}
