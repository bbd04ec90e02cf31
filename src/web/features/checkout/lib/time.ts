// Times as the store's clock showed them. The API writes instants with the store's offset
// ("2026-11-27T02:42:53-08:00"): that wall time is shown as is, so the screen always agrees with the
// printed receipt even when this browser's time zone rules differ from the server's.
import { useTranslation } from 'react-i18next';

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;

/** The wall-clock time of an ISO instant with offset, as a UTC date carrying those fields. */
export function wallDate(iso: string): Date | null {
  const m = WALL.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
}

export function formatWall(iso: string | null | undefined, lang: string, opts: Intl.DateTimeFormatOptions): string {
  if (!iso) return '';
  const d = wallDate(iso);
  return d ? new Intl.DateTimeFormat(lang, { ...opts, timeZone: 'UTC' }).format(d) : '';
}

export function useWallTime() {
  const { i18n } = useTranslation();
  return {
    dateTime: (iso: string | null | undefined) => formatWall(iso, i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    time: (iso: string | null | undefined) => formatWall(iso, i18n.language, { timeStyle: 'short' }),
  };
}
