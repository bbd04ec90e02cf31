import { useTranslation } from 'react-i18next';
import type { Currency } from '../../http/types.js';
import { useMe } from '../auth/session.js';
import { formatDuration } from './duration.js';
import { formatMoney } from './money.js';

/** Money and durations in the UI language; money in the given currency (the business's by default). */
export function useCatalogFormat(currency?: Currency) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const cur = currency ?? me.business.currency;
  return {
    currency: cur,
    money: (cents: number, opts?: { sign?: boolean }) => formatMoney(cents, cur, i18n.language, opts),
    duration: (min: number) => formatDuration(min, t),
  };
}

/** Who may do what in the catalog. */
export function useCatalogAccess() {
  const me = useMe();
  const has = (p: string) => me.permissions.includes(p);
  return { canWrite: has('catalog.write'), canOverride: has('catalog.override'), canReadStaff: has('staff.read') };
}
