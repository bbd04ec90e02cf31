import type { ReactNode } from 'react';
import { cx } from '../../../components/cx.js';

/** A titled block of settings: the explanation on the left, the controls on the right (stacked on a phone). */
export function SettingsRow({
  title,
  description,
  children,
  className,
  testId,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      className={cx(
        'grid gap-4 border-t border-zinc-100 px-5 py-5 first:border-t-0 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] sm:px-6',
        className,
      )}
      data-testid={testId}
    >
      <div>
        <h3 className="text-sm font-semibold text-zinc-900">{title}</h3>
        {description ? <p className="mt-1 text-sm text-zinc-500">{description}</p> : null}
      </div>
      <div className="min-w-0 space-y-3">{children}</div>
    </div>
  );
}

export function SettingsCard({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <section className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200" data-testid={testId}>
      {children}
    </section>
  );
}

/** A radio choice with a title and a line of explanation. */
export function ChoiceList<T extends string>({
  value,
  onChange,
  options,
  name,
  testId,
}: {
  value: T;
  onChange: (value: T) => void;
  options: readonly { value: T; label: string; description?: string }[];
  name: string;
  testId?: string;
}) {
  return (
    <div className="space-y-2" role="radiogroup" data-testid={testId}>
      {options.map((o) => (
        <label
          key={o.value}
          className={cx(
            'flex cursor-pointer items-start gap-3 rounded-lg px-3.5 py-3 ring-1 ring-inset transition-colors',
            value === o.value ? 'bg-orchid-50/70 ring-orchid-300' : 'ring-zinc-200 hover:bg-zinc-50',
          )}
        >
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            className="mt-0.5 size-4 accent-orchid-700"
            data-testid={testId ? `${testId}-${o.value}` : undefined}
          />
          <span>
            <span className="block text-sm font-medium text-zinc-900">{o.label}</span>
            {o.description ? <span className="block text-sm text-zinc-500">{o.description}</span> : null}
          </span>
        </label>
      ))}
    </div>
  );
}
