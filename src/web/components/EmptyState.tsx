import type { ReactNode } from 'react';
import { cx } from './cx.js';
import { Icon, type IconName } from './icons.js';

export function EmptyState({
  icon,
  title,
  description,
  action,
  className,
  testId,
}: {
  icon: IconName;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div data-testid={testId} className={cx('flex flex-col items-center justify-center px-6 py-12 text-center', className)}>
      <div className="mb-4 flex size-12 items-center justify-center rounded-2xl bg-orchid-50 text-orchid-600 ring-1 ring-orchid-100">
        <Icon name={icon} className="size-6" />
      </div>
      <h3 className="text-base font-semibold text-zinc-900">{title}</h3>
      {description ? <p className="mt-1 max-w-sm text-sm text-zinc-500">{description}</p> : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}
