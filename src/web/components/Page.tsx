import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { cx } from './cx.js';

/** The title row at the top of every screen. */
export function PageHeader({
  title,
  description,
  actions,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="mb-6 space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{title}</h1>
          {description ? <p className="mt-1 max-w-2xl text-sm text-zinc-500">{description}</p> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}

export function Card({
  title,
  description,
  actions,
  children,
  className,
  bodyClassName,
  testId,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  bodyClassName?: string;
  testId?: string;
}) {
  return (
    <section data-testid={testId} className={cx('rounded-xl bg-white shadow-card ring-1 ring-zinc-200', className)}>
      {title ? (
        <header className="flex flex-wrap items-start justify-between gap-3 border-b border-zinc-100 px-5 py-4">
          <div>
            <h2 className="text-base font-semibold text-zinc-900">{title}</h2>
            {description ? <p className="mt-0.5 text-sm text-zinc-500">{description}</p> : null}
          </div>
          {actions}
        </header>
      ) : null}
      <div className={bodyClassName ?? 'p-5'}>{children}</div>
    </section>
  );
}

export interface TabItem {
  to: string;
  label: string;
  testId?: string;
}

/** Route-driven tabs (each tab is a link, so it can be bookmarked and shared). */
export function Tabs({ items, label }: { items: TabItem[]; label: string }) {
  return (
    <nav className="flex gap-1 border-b border-zinc-200" aria-label={label}>
      {items.map((item) => (
        <Link
          key={item.to}
          to={item.to}
          data-testid={item.testId}
          activeOptions={{ exact: true }}
          className="-mb-px border-b-2 border-transparent px-3 py-2.5 text-sm font-medium text-zinc-500 transition-colors hover:text-zinc-800"
          activeProps={{ className: cx('!border-orchid-700 !text-orchid-800') }}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
