import { z } from 'zod';
import { LANGUAGES, type Language } from '../../platform/i18n.js';
import { pageQuery } from '../../platform/pagination.js';

// Request bodies are strict (unknown fields are 400). Phone and email are plain strings here: the service
// normalises them and answers 422 invalid_phone / invalid_email with the field path, as the issue asks.

export const CONSENT_CHANNELS = ['sms', 'email'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export const CONSENT_SOURCES = ['front_desk', 'online', 'import', 'api', 'merge'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];
export const PRESSURES = ['light', 'medium', 'firm', 'extra_firm'] as const;
export type Pressure = (typeof PRESSURES)[number];

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Day and month required, year optional; a lunar birthday is month 1–12, day 1–30 of the lunar calendar. */
export const birthday = z
  .strictObject({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    year: z.number().int().min(1900).max(2100).nullable().optional(),
    lunar: z.boolean().optional(),
  })
  .superRefine((b, ctx) => {
    const max = b.lunar ? 30 : b.month === 2 && b.year != null && !isLeap(b.year) ? 28 : DAYS_IN_MONTH[b.month - 1]!;
    if (b.day > max) ctx.addIssue({ code: 'custom', message: `day must be 1–${max} for this month`, path: ['day'] });
  });
export type Birthday = z.infer<typeof birthday>;

const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => text(max).nullable().optional();
export const tagName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((s) => !/[;\n\r]/.test(s), 'a tag cannot contain “;” or a line break');

export const preferences = z.strictObject({
  favouriteStaffId: z.uuid().nullable().optional(),
  pressure: z.enum(PRESSURES).nullable().optional(),
  focusAreas: z.array(text(60).min(1)).max(20).optional(),
  allergyReminder: optText(500),
});
export type Preferences = z.infer<typeof preferences>;

export const health = z.strictObject({
  allergies: optText(2000),
  conditions: optText(2000),
  medications: optText(2000),
  skinType: optText(200),
  contraindications: optText(2000),
});
export type HealthData = z.infer<typeof health>;

const consentFlags = z.strictObject({
  sms: z.boolean().optional(),
  email: z.boolean().optional(),
  wordingVersion: text(60).min(1).optional(),
  source: z.enum(['front_desk', 'online', 'api']).optional(),
});

const customFieldValues = z.record(z.string().max(60), z.unknown());

export const clientCreate = z.strictObject({
  firstName: text(100).min(1),
  lastName: text(100).default(''),
  preferredName: optText(100),
  phone: optText(40),
  email: optText(320),
  birthday: birthday.nullable().optional(),
  gender: optText(40),
  language: z.enum(LANGUAGES).default('en'),
  source: optText(100),
  referrer: optText(200),
  homeStoreId: z.uuid().optional(),
  tags: z.array(tagName).max(30).optional(),
  preferences: preferences.optional(),
  customFields: customFieldValues.optional(),
  health: health.nullable().optional(),
  consent: consentFlags.optional(),
});
export type ClientCreate = z.infer<typeof clientCreate>;

export const clientUpdate = z.strictObject({
  version: z.number().int().positive(),
  firstName: text(100).min(1).optional(),
  lastName: text(100).optional(),
  preferredName: optText(100),
  phone: optText(40),
  email: optText(320),
  birthday: birthday.nullable().optional(),
  gender: optText(40),
  language: z.enum(LANGUAGES).optional(),
  source: optText(100),
  referrer: optText(200),
  homeStoreId: z.uuid().optional(),
  /** Replaces the client's tag set. */
  tags: z.array(tagName).max(30).optional(),
  /** Merged into the current preferences; `null` clears one. */
  preferences: preferences.optional(),
  /** Merged into the current values; `null` clears one (not a required one). */
  customFields: customFieldValues.optional(),
  /** Replaces the health record; `null` erases it. Needs clients.health. */
  health: health.nullable().optional(),
});
export type ClientUpdate = z.infer<typeof clientUpdate>;

/** One consent event: what was asked (wording version), the answer, when and where. */
export type ConsentInput = {
  channel: ConsentChannel;
  granted: boolean;
  /** Epoch ms; default now. An import keeps the date from the file. */
  at?: number;
  source?: ConsentSource;
  wordingVersion?: string | null;
};

/**
 * A new client as services take it (the API body, or a row mapped by the importer). Phone and email are raw
 * text: insertClient normalises them with the home store's country.
 */
export type NewClient = {
  firstName: string;
  lastName?: string;
  preferredName?: string | null;
  phone?: string | null;
  email?: string | null;
  birthday?: Birthday | null;
  gender?: string | null;
  language?: Language;
  source?: string | null;
  referrer?: string | null;
  homeStoreId: string;
  tags?: string[];
  preferences?: Preferences;
  customFields?: Record<string, unknown>;
  health?: HealthData | null;
  consents?: ConsentInput[];
};

/** A change as services take it; `version` optional for internal callers (the importer's "update"). */
export type ClientPatch = Omit<ClientUpdate, 'version'> & { version?: number };

export const consentBody = z.strictObject({
  channel: z.enum(CONSENT_CHANNELS),
  granted: z.boolean(),
  source: z.enum(['front_desk', 'online', 'api']).default('front_desk'),
  wordingVersion: text(60).min(1).optional(),
});

export const noteBody = z.strictObject({ body: text(5000).min(1) });

export const listQuery = z.object({
  q: z.string().max(200).optional(),
  storeId: z.uuid().optional(),
  tag: z.string().max(40).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});

export const mergeBody = z.strictObject({
  keepId: z.uuid(),
  mergeId: z.uuid(),
  keepVersion: z.number().int().positive(),
  mergeVersion: z.number().int().positive(),
});

export const archiveBody = z.strictObject({ version: z.number().int().positive().optional() }).optional();

export const idParams = z.object({ id: z.uuid() });
