// Whether the cash drawer is open: cash payments need an open shift.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { shiftsQuery } from '../../shifts/api.js';
import { CIcon } from '../icons.js';

export function DrawerChip({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const shifts = useQuery(shiftsQuery(storeId, 'open'));
  if (!shifts.data) return null;
  const open = shifts.data.data.length > 0;
  return (
    <Link
      to="/cash-drawer"
      data-testid="drawer-chip"
      data-open={open || undefined}
      className={cx(
        'inline-flex h-12 items-center gap-2 rounded-xl px-4 text-sm font-medium ring-1 ring-inset transition-colors',
        open
          ? 'bg-emerald-50 text-emerald-800 ring-emerald-200 hover:bg-emerald-100'
          : 'bg-amber-50 text-amber-900 ring-amber-200 hover:bg-amber-100',
      )}
    >
      <CIcon name="drawer" className="size-5" />
      {open ? t('checkout.drawerOpen') : t('checkout.drawerClosed')}
    </Link>
  );
}
