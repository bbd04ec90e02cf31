// "Who did it?" — asked when a service is tapped and no technician is chosen yet. Those who perform the
// service come first.
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import type { StoreStaff } from '../lib/staff.js';

export function TechnicianDialog({
  serviceName,
  performers,
  staff,
  onPick,
  onClose,
}: {
  serviceName: string;
  performers: ReadonlySet<string>;
  staff: StoreStaff;
  onPick: (staffId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const list = [...staff.technicians].sort((a, b) => Number(performers.has(b.id)) - Number(performers.has(a.id)));
  return (
    <Dialog open onClose={onClose} title={t('checkout.technicianDialog.title')} testId="technician-dialog" className="sm:max-w-lg">
      <p className="mb-4">{t('checkout.technicianDialog.body', { service: serviceName })}</p>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {list.map((s) => (
          <button
            key={s.id}
            type="button"
            data-testid="technician-option"
            data-staff={s.id}
            onClick={() => onPick(s.id)}
            className="flex flex-col items-center gap-2 rounded-xl bg-white p-3 ring-1 ring-zinc-200 transition hover:ring-orchid-400 active:bg-orchid-50"
          >
            <Avatar name={s.displayName || s.name} seed={s.id} className="size-12 text-base" />
            <span className="w-full truncate text-center text-sm font-medium text-zinc-900">{s.displayName || s.name}</span>
            {performers.size && !performers.has(s.id) ? (
              <span className="text-[11px] text-zinc-400">{t('checkout.technicianDialog.notUsual')}</span>
            ) : null}
          </button>
        ))}
      </div>
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </div>
    </Dialog>
  );
}
