import { useTranslation } from 'react-i18next';
import { COMMON_ZONES } from '../../lib/timezones.js';
import { zoneCity } from './time.js';

/** The city of a time zone in the UI language ('America/New_York' → 'New York' / '纽约'). */
export function useZoneCity(): (zone: string) => string {
  const { t } = useTranslation();
  return (zone) => {
    const known = COMMON_ZONES.find((z) => z.zone === zone);
    if (!known) return zoneCity(zone);
    const label = t(`timeZones.${known.label}`);
    return label.split(' — ').pop() ?? zoneCity(zone);
  };
}
