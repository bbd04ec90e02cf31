// Who is doing the work: the technician new service lines are credited to. Tapping a service with nobody
// chosen asks; the choice stays for the next services of the ticket.
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { cx } from '../../../components/cx.js';
import type { StoreStaff } from '../lib/staff.js';

export function TechnicianBar({
  staff,
  selected,
  onSelect,
}: {
  staff: StoreStaff;
  selected: string | null;
  onSelect: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  if (staff.technicians.length === 0) return null;
  return (
    <div className="flex items-center gap-3">
      <span className="shrink-0 text-xs font-medium uppercase tracking-wide text-zinc-500">{t('checkout.catalog.technician')}</span>
      <div className="-my-1 flex min-w-0 flex-1 gap-2 overflow-x-auto py-1">
        {staff.technicians.map((s) => {
          const on = s.id === selected;
          return (
            <button
              key={s.id}
              type="button"
              aria-pressed={on}
              data-testid="tech-chip"
              data-staff={s.id}
              onClick={() => onSelect(on ? null : s.id)}
              className={cx(
                'flex h-10 shrink-0 items-center gap-2 rounded-full py-1 pl-1 pr-3.5 text-sm font-medium ring-1 ring-inset transition-colors',
                on ? 'bg-orchid-700 text-white ring-orchid-700' : 'bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50',
              )}
            >
              <Avatar name={s.displayName || s.name} seed={s.id} className="size-8 text-xs" />
              {s.displayName || s.name}
            </button>
          );
        })}
      </div>
    </div>
  );
}
