// Orchid's own client CSV (the clients module's CLIENT_CSV_COLUMNS, written by the export) → the import
// field each column feeds. A Record over the column type: a column added to the export without a
// decision here fails the type check, so the round trip stays lossless by construction.
import { CLIENT_CSV_COLUMNS, type ClientCsvColumn, customFieldKeyOf } from '../index.js';
import type { FieldKey } from './mapping.js';

const FIELD_OF: Record<ClientCsvColumn, FieldKey | null> = {
  client_id: 'externalId',
  first_name: 'firstName',
  last_name: 'lastName',
  preferred_name: 'preferredName',
  phone: 'phone',
  email: 'email',
  birth_month: 'birthMonth',
  birth_day: 'birthDay',
  birth_year: 'birthYear',
  lunar_birthday: 'lunarBirthday',
  gender: 'gender',
  language: 'language',
  source: 'source',
  referrer: 'referrer',
  home_store: 'homeStore',
  tags: 'tags',
  sms_consent: 'smsConsent',
  sms_consent_at: 'smsConsentDate',
  sms_consent_wording: 'smsConsentWording',
  email_consent: 'emailConsent',
  email_consent_at: 'emailConsentDate',
  email_consent_wording: 'emailConsentWording',
  favourite_technician: 'favouriteTechnician',
  pressure: 'pressure',
  focus_areas: 'focusAreas',
  allergy_reminder: 'allergyReminder',
  created_at: null, // informational: an imported client is created now
};

export type OrchidColumn = { header: string; field: FieldKey | null };

export const ORCHID_COLUMNS: readonly OrchidColumn[] = CLIENT_CSV_COLUMNS.map((header) => ({ header, field: FIELD_OF[header] }));

/** The custom field key of a `custom.<key>` header (Orchid's export), or null. */
export const customKeyOfHeader = (header: string): string | null => {
  const key = customFieldKeyOf(header.trim());
  return key ? key : null;
};
