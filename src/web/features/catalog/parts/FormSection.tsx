import type { ReactNode } from 'react';
import { cx } from '../../../components/cx.js';

/** A titled group of fields inside a drawer. */
export function FormSection({
  title,
  description,
  children,
  testId,
  className,
  aside,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
  aside?: ReactNode;
}) {
  return (
    <section data-testid={testId} className={cx('space-y-4 border-t border-zinc-100 pt-6 first:border-t-0 first:pt-0', className)}>
      <header className="flex items-start justify-between gap-3">
        <div>
          <h3 className="text-sm font-semibold text-zinc-900">{title}</h3>
          {description ? <p className="mt-0.5 text-sm text-zinc-500">{description}</p> : null}
        </div>
        {aside}
      </header>
      {children}
    </section>
  );
}
