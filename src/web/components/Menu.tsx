import { type ReactNode, useEffect, useRef, useState } from 'react';
import { cx } from './cx.js';
import { Icon, type IconName } from './icons.js';

/** A button that opens a small popover list; closes on outside click, Escape or choosing an item. */
export function Menu({
  trigger,
  children,
  align = 'right',
  label,
  testId,
  className,
}: {
  trigger: (props: { open: boolean }) => ReactNode;
  children: (close: () => void) => ReactNode;
  align?: 'left' | 'right';
  label: string;
  testId?: string;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div ref={root} className={cx('relative', className)}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        data-testid={testId}
        onClick={() => setOpen((v) => !v)}
        className="flex max-w-full min-w-0 items-center rounded-lg transition-colors hover:bg-zinc-100"
      >
        {trigger({ open })}
      </button>
      {open ? (
        <div
          role="menu"
          className={cx(
            'absolute top-full z-40 mt-1.5 min-w-56 animate-pop-in overflow-hidden rounded-xl bg-white p-1 shadow-pop ring-1 ring-zinc-200',
            align === 'right' ? 'right-0' : 'left-0',
          )}
        >
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  );
}

export function MenuItem({
  icon,
  children,
  onSelect,
  selected,
  danger,
  testId,
}: {
  icon?: IconName;
  children: ReactNode;
  onSelect: () => void;
  selected?: boolean;
  danger?: boolean;
  testId?: string;
}) {
  return (
    <button
      type="button"
      role="menuitem"
      data-testid={testId}
      onClick={onSelect}
      className={cx(
        'flex w-full items-center gap-2.5 rounded-lg px-3 py-2 text-left text-sm transition-colors',
        danger ? 'text-red-700 hover:bg-red-50' : 'text-zinc-700 hover:bg-zinc-100',
      )}
    >
      {icon ? <Icon name={icon} className="size-4 text-zinc-500" /> : null}
      <span className="flex-1">{children}</span>
      {selected ? <Icon name="check" className="size-4 text-orchid-700" /> : null}
    </button>
  );
}

export function MenuSeparator() {
  return <div className="my-1 h-px bg-zinc-100" />;
}
