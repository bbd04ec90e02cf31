// Who performed the service: the store's team as large tappable chips (technicians first), for a dialog at
// the front desk or a tablet in the treatment room.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { cx } from '../../../components/cx.js';
import { Spinner } from '../../../components/Spinner.js';
import type { Staff } from '../../../http/types.js';
import { staffQuery } from '../../staff/api.js';

const ORDER: Record<string, number> = { technician: 0, manager: 1, owner: 2, front_desk: 3, accountant: 4 };

export function sortTeam(staff: readonly Staff[]): Staff[] {
  return [...staff]
    .filter((s) => s.active && s.role !== 'accountant')
    .sort((a, b) => (ORDER[a.role] ?? 9) - (ORDER[b.role] ?? 9) || a.displayName.localeCompare(b.displayName));
}

export function StaffChooser({
  storeId,
  value,
  onChange,
  large = false,
  testId = 'staff-chooser',
  invalid,
}: {
  storeId: string;
  value: string | null;
  onChange: (staffId: string) => void;
  large?: boolean;
  testId?: string;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const staff = useQuery(staffQuery({ storeId }));
  if (staff.isPending) return <Spinner className="size-5 text-orchid-600" />;
  const team = sortTeam(staff.data?.data ?? []);
  return (
    <div
      className={cx(
        'grid gap-2',
        invalid && 'rounded-xl p-1 ring-2 ring-red-300',
        large ? 'grid-cols-2 sm:grid-cols-3 lg:grid-cols-4' : 'grid-cols-2 sm:grid-cols-3',
      )}
      data-testid={testId}
    >
      {team.map((s) => {
        const on = s.id === value;
        return (
          <button
            key={s.id}
            type="button"
            aria-pressed={on}
            data-testid={`${testId}-option`}
            data-staff-id={s.id}
            onClick={() => onChange(s.id)}
            className={cx(
              'flex min-w-0 items-center gap-2.5 rounded-xl px-3 text-left ring-1 ring-inset transition-colors',
              large ? 'h-16' : 'h-12',
              on ? 'bg-orchid-50 ring-2 ring-orchid-600' : 'bg-white ring-zinc-200 hover:bg-zinc-50',
            )}
          >
            <Avatar name={s.displayName} seed={s.id} className={large ? 'size-10 text-sm' : 'size-8 text-xs'} />
            <span className="min-w-0">
              <span className={cx('block truncate font-medium text-zinc-900', large ? 'text-base' : 'text-sm')}>{s.displayName}</span>
              <span className="block truncate text-xs text-zinc-500">{t(`roles.${s.role}`)}</span>
            </span>
          </button>
        );
      })}
    </div>
  );
}
