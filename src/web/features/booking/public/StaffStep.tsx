import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { cx } from '../../../components/cx.js';
import { Icon } from '../../../components/icons.js';
import type { PublicStore } from '../types.js';

export function StaffStep({
  store,
  serviceIds,
  value,
  onChange,
}: {
  store: PublicStore;
  serviceIds: string[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const able = store.staff.filter((p) =>
    serviceIds.every((id) => store.services.find((s) => s.id === id)?.staff.some((x) => x.staffId === p.id)),
  );
  const option = (id: string, name: string, hint: string | null, avatar: boolean) => (
    <li key={id}>
      <button
        type="button"
        aria-pressed={value === id}
        onClick={() => onChange(id)}
        data-testid="public-staff"
        data-staff={id}
        className={cx(
          'flex w-full items-center gap-3 rounded-2xl bg-white p-3 text-left shadow-card ring-1 transition-colors',
          value === id ? 'ring-2 ring-orchid-600' : 'ring-zinc-200 hover:ring-orchid-300',
        )}
      >
        {avatar ? (
          <Avatar name={name} seed={id} className="size-10 text-sm" />
        ) : (
          <span className="flex size-10 items-center justify-center rounded-full bg-orchid-50 text-orchid-700">
            <Icon name="users" className="size-5" />
          </span>
        )}
        <span className="min-w-0 flex-1">
          <span className="block font-medium text-zinc-900">{name}</span>
          {hint ? <span className="text-sm text-zinc-500">{hint}</span> : null}
        </span>
      </button>
    </li>
  );
  return (
    <ul className="grid gap-2 sm:grid-cols-2" data-testid="public-staff-list">
      {option('any', t('booking.anyone'), t('booking.anyoneHint'), false)}
      {able.map((p) => option(p.id, p.displayName, null, true))}
    </ul>
  );
}
