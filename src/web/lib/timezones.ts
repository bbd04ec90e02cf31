// Time zone choices for a store: a short list of North American zones, the browser's own zone,
// and any other IANA zone the browser knows.

export type ZoneLabel =
  | 'newYork'
  | 'chicago'
  | 'denver'
  | 'phoenix'
  | 'losAngeles'
  | 'anchorage'
  | 'honolulu'
  | 'toronto'
  | 'vancouver'
  | 'edmonton'
  | 'winnipeg'
  | 'regina'
  | 'halifax'
  | 'stJohns';

export interface CommonZone {
  zone: string;
  /** i18n key under `timeZones.` */
  label: ZoneLabel;
  country: 'us' | 'ca';
}

export const COMMON_ZONES: readonly CommonZone[] = [
  { zone: 'America/New_York', label: 'newYork', country: 'us' },
  { zone: 'America/Chicago', label: 'chicago', country: 'us' },
  { zone: 'America/Denver', label: 'denver', country: 'us' },
  { zone: 'America/Phoenix', label: 'phoenix', country: 'us' },
  { zone: 'America/Los_Angeles', label: 'losAngeles', country: 'us' },
  { zone: 'America/Anchorage', label: 'anchorage', country: 'us' },
  { zone: 'Pacific/Honolulu', label: 'honolulu', country: 'us' },
  { zone: 'America/Toronto', label: 'toronto', country: 'ca' },
  { zone: 'America/Vancouver', label: 'vancouver', country: 'ca' },
  { zone: 'America/Edmonton', label: 'edmonton', country: 'ca' },
  { zone: 'America/Winnipeg', label: 'winnipeg', country: 'ca' },
  { zone: 'America/Regina', label: 'regina', country: 'ca' },
  { zone: 'America/Halifax', label: 'halifax', country: 'ca' },
  { zone: 'America/St_Johns', label: 'stJohns', country: 'ca' },
];

let supported: string[] | null = null;

/** Every IANA zone this browser knows (plus UTC, which some engines leave out of the list). */
export function supportedTimeZones(): string[] {
  if (!supported) {
    let list: string[] = [];
    try {
      list = Intl.supportedValuesOf('timeZone');
    } catch {
      list = COMMON_ZONES.map((z) => z.zone);
    }
    supported = list.includes('UTC') ? list : [...list, 'UTC'];
  }
  return supported;
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/New_York';
  } catch {
    return 'America/New_York';
  }
}

/**
 * Returns the zone spelled as the browser knows it ("america/toronto" → "America/Toronto"),
 * or null when it is not a time zone.
 */
export function normalizeTimeZone(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  const zones = supportedTimeZones();
  if (zones.includes(value)) return value;
  const lower = value.toLowerCase().replace(/ /g, '_');
  const match = zones.find((zone) => zone.toLowerCase() === lower);
  if (match) return match;
  // Links such as America/Montreal or Asia/Calcutta are real zones that the canonical list leaves
  // out: accept what the engine itself resolves, spelled as it spells it. Only Area/City names:
  // abbreviations like "EST" resolve to zones without daylight saving (America/Panama).
  if (!value.includes('/')) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: value.replace(/ /g, '_') }).resolvedOptions().timeZone;
    return resolved.includes('/') || resolved === 'UTC' ? resolved : null;
  } catch {
    return null;
  }
}

/** "GMT-5" style offset of a zone right now, for labels. */
export function zoneOffset(zone: string, at: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}
