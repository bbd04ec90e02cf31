import { useTranslation } from 'react-i18next';

/** Date and time formatters in the current UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    dateTime: (iso: string | null | undefined, timeZone?: string) =>
      iso ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso)) : '',
    date: (iso: string | null | undefined, timeZone?: string) =>
      iso ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone }).format(new Date(iso)) : '',
    /** A calendar date "YYYY-MM-DD" (no time zone shift). */
    calendarDate: (ymd: string) => {
      const [y, m, d] = ymd.split('-').map(Number);
      if (!y || !m || !d) return ymd;
      return new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
    },
    longToday: (timeZone: string) =>
      new Intl.DateTimeFormat(lang, { weekday: 'long', month: 'long', day: 'numeric', timeZone }).format(new Date()),
    clock: (timeZone: string) => new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date()),
    /** "09:00" → "9:00 AM" / "上午9:00" */
    hhmm: (value: string) => {
      const [h, m] = value.split(':').map(Number);
      if (h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) return value;
      return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 1, h, m));
    },
  };
}

export function initials(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '?';
  // CJK names: the given name (last one or two characters) reads best in a small avatar.
  if (/[\u3400-\u9fff]/.test(trimmed)) return trimmed.replace(/\s/g, '').slice(-2);
  const parts = trimmed.split(/\s+/);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
