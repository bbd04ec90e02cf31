import type { ReactNode } from 'react';

/** A section of the record form: a roomy card with a clear title (read at arm's length on a tablet). */
export function RecordSection({
  title,
  description,
  children,
  testId,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="rounded-2xl bg-white shadow-card ring-1 ring-zinc-200" data-testid={testId}>
      <header className="border-b border-zinc-100 px-5 py-4 sm:px-6">
        <h2 className="text-lg font-semibold text-zinc-900">{title}</h2>
        {description ? <p className="mt-0.5 text-sm text-zinc-500">{description}</p> : null}
      </header>
      <div className="space-y-5 px-5 py-5 sm:px-6">{children}</div>
    </section>
  );
}
