import { formatPhone } from './contact.js';
import type { CustomValue } from './custom-fields.js';
import type { ClientRow, ConsentState } from './repo.js';
import type { ConsentChannel, HealthData } from './schemas.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function birthdayOf(row: ClientRow) {
  if (row.birth_month === null || row.birth_day === null) return null;
  return { month: row.birth_month, day: row.birth_day, year: row.birth_year, lunar: row.birthday_lunar === 1 };
}

/** The columns the short form reads: lists and searches select only these (not health, notes…). */
export const SUMMARY_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'preferred_name',
  'phone',
  'email',
  'home_store_id',
  'allergy_reminder',
  'archived',
  'merged_into_id',
  'last_visit_at',
  'version',
] as const;
export type SummaryRow = Pick<ClientRow, (typeof SUMMARY_COLUMNS)[number]>;

/** The short form used in lists and search results (no health, no custom fields). */
export function toClientSummary(row: SummaryRow, tags: string[]) {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    preferredName: row.preferred_name,
    phone: row.phone,
    phoneDisplay: formatPhone(row.phone),
    email: row.email,
    homeStoreId: row.home_store_id,
    tags,
    allergyReminder: row.allergy_reminder,
    archived: row.archived === 1,
    mergedIntoId: row.merged_into_id,
    lastVisitAt: iso(row.last_visit_at),
    version: row.version,
  };
}
export type ClientSummary = ReturnType<typeof toClientSummary>;

const consentDto = (c: ConsentState) =>
  c ? { granted: c.granted, at: iso(c.at)!, source: c.source, wordingVersion: c.wordingVersion } : null;

/**
 * The full card. `health` is present only when the caller may read it (clients.health): `undefined`
 * leaves the key out entirely, so roles without the permission never see that it exists.
 */
export function toClientDto(
  row: ClientRow,
  extras: {
    tags: string[];
    customFields: Record<string, CustomValue>;
    consent: Record<ConsentChannel, ConsentState>;
    health?: HealthData | null;
  },
) {
  return {
    ...toClientSummary(row, extras.tags),
    birthday: birthdayOf(row),
    gender: row.gender,
    language: row.language,
    source: row.source,
    referrer: row.referrer,
    preferences: {
      favouriteStaffId: row.favourite_staff_id,
      pressure: row.pressure,
      focusAreas: JSON.parse(row.focus_areas) as string[],
      allergyReminder: row.allergy_reminder,
    },
    customFields: extras.customFields,
    consent: { sms: consentDto(extras.consent.sms), email: consentDto(extras.consent.email) },
    ...(extras.health !== undefined ? { health: extras.health } : {}),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}
export type ClientDto = ReturnType<typeof toClientDto>;
