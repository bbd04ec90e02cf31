// Store-local dates and times. The API sends instants as ISO 8601 with the store's offset
// ('2026-03-08T10:30:00-04:00'), so the first 19 characters are already the store's wall clock: the
// calendar works in that wall clock ("floating" times) and never in the browser's own zone.

/** 'YYYY-MM-DD' of an instant in a zone. */
export function dateIn(zone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** 'HH:mm' of an instant in a zone. */
export function timeIn(zone: string, at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    at,
  );
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')}:${get('minute')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

function utcOf(ymd: string): Date {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

const ymdOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export function addDays(ymd: string, days: number): string {
  const d = utcOf(ymd);
  d.setUTCDate(d.getUTCDate() + days);
  return ymdOf(d);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(ymd: string): number {
  return (utcOf(ymd).getUTCDay() + 6) % 7;
}

export function mondayOf(ymd: string): string {
  return addDays(ymd, -weekdayIndex(ymd));
}

export function isYmd(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(utcOf(value).getTime());
}

/** The zone's UTC offset on a date (at local noon) as '+HH:MM', the form the calendar widget takes. */
export function offsetOn(zone: string, ymd: string): string {
  return formatOffset(offsetMinutesAt(zone, Date.parse(`${ymd}T12:00:00Z`)));
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The store's wall clock of an ISO instant with offset: '2026-03-08T10:30:00-04:00' → '2026-03-08T10:30:00'. */
export function floating(iso: string): string {
  return iso.slice(0, 19);
}

/** 'HH:mm' of an ISO instant with the store's offset. */
export function wallTime(iso: string): string {
  return iso.slice(11, 16);
}

/** 'YYYY-MM-DD' of an ISO instant with the store's offset. */
export function wallDate(iso: string): string {
  return iso.slice(0, 10);
}

/** The wall clock the calendar widget hands back (a Date whose local fields are the store's wall time). */
export function wallOf(date: Date): { date: string; time: string } {
  return {
    date: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
    time: `${pad(date.getHours())}:${pad(date.getMinutes())}`,
  };
}

/** Minutes between two wall clocks (floating 'YYYY-MM-DDTHH:mm'), ignoring any clock change between them. */
export function wallMinutesBetween(a: string, b: string): number {
  const ms = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10), +s.slice(11, 13), +s.slice(14, 16));
  return Math.round((ms(b) - ms(a)) / 60_000);
}

/** A wall clock moved by some minutes: ('2026-03-08T10:30', 90) → { date: '2026-03-08', time: '12:00' }. */
export function shiftWall(wall: string, minutes: number): { date: string; time: string } {
  const d = new Date(
    Date.UTC(+wall.slice(0, 4), +wall.slice(5, 7) - 1, +wall.slice(8, 10), +wall.slice(11, 13), +wall.slice(14, 16)) + minutes * 60_000,
  );
  return { date: ymdOf(d), time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
}

export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function fromMinutes(total: number): string {
  const clamped = Math.max(0, Math.min(24 * 60, total));
  return `${pad(Math.floor(clamped / 60))}:${pad(clamped % 60)}`;
}

/** The browser's own zone (may differ from the store's: a phone set to another zone, an owner travelling). */
export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

/** The city part of an IANA zone, for labels: 'America/New_York' → 'New York'. */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

function offsetMinutesAt(zone: string, ms: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * A store-local date and time as ISO 8601 with the zone's offset at that moment
 * ('2026-03-08', '10:30', 'America/New_York' → '2026-03-08T10:30:00-04:00').
 */
export function zonedIso(date: string, time: string, zone: string): string {
  const wall = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), +time.slice(0, 2), +time.slice(3, 5));
  let off = offsetMinutesAt(zone, wall);
  const second = offsetMinutesAt(zone, wall - off * 60_000);
  if (second !== off) off = second;
  return `${date}T${time}:00${formatOffset(off)}`;
}
