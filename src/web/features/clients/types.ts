// Shapes of the clients API (src/server/modules/clients: clients.ts, schemas.ts, custom-fields.ts, merge.ts).
import type { Language } from '../../http/types.js';

export const PRESSURES = ['light', 'medium', 'firm', 'extra_firm'] as const;
export type Pressure = (typeof PRESSURES)[number];

export type ConsentChannel = 'sms' | 'email';
export type ConsentSource = 'front_desk' | 'online' | 'import' | 'api' | 'merge';

export interface Birthday {
  month: number;
  day: number;
  year?: number | null;
  lunar?: boolean;
}

/** A client as lists and search results show it. */
export interface ClientSummary {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  phone: string | null;
  phoneDisplay: string | null;
  email: string | null;
  homeStoreId: string;
  tags: string[];
  allergyReminder: string | null;
  archived: boolean;
  mergedIntoId: string | null;
  lastVisitAt: string | null;
  version: number;
}

export interface ConsentState {
  granted: boolean;
  at: string;
  source: ConsentSource;
  wordingVersion: string | null;
}

export interface Preferences {
  favouriteStaffId: string | null;
  pressure: Pressure | null;
  focusAreas: string[];
  allergyReminder: string | null;
}

export const HEALTH_FIELDS = ['allergies', 'conditions', 'medications', 'skinType', 'contraindications'] as const;
export type HealthField = (typeof HEALTH_FIELDS)[number];
export type HealthData = Partial<Record<HealthField, string | null>>;

export type CustomValue = string | number | boolean | string[];

/** The full card. `health` is absent unless the user has clients.health. */
export interface Client extends ClientSummary {
  birthday: Birthday | null;
  gender: string | null;
  language: Language;
  source: string | null;
  referrer: string | null;
  preferences: Preferences;
  customFields: Record<string, CustomValue>;
  consent: { sms: ConsentState | null; email: ConsentState | null };
  health?: HealthData | null;
  createdAt: string;
  updatedAt: string;
}

export interface ClientNote {
  id: string;
  body: string;
  authorId: string | null;
  authorName: string | null;
  storeId: string | null;
  createdAt: string;
}

export interface ConsentHistoryEntry {
  id: string;
  channel: ConsentChannel;
  granted: boolean;
  at: string;
  source: ConsentSource;
  wordingVersion: string | null;
  actorId: string | null;
}

export interface ConsentView {
  sms: ConsentState | null;
  email: ConsentState | null;
  history: ConsentHistoryEntry[];
}

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'choice', 'multi_choice', 'date', 'yes_no'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
export type Labels = Partial<Record<Language, string>>;

export interface CustomFieldOption {
  value: string;
  labels?: Labels;
}

export interface CustomFieldDef {
  id: string;
  key: string;
  type: CustomFieldType;
  required: boolean;
  labels: Labels;
  options: CustomFieldOption[];
  sortOrder: number;
  archived: boolean;
  version: number;
}

export type DuplicateReason = 'phone' | 'email' | 'name_birthday';

export interface DuplicatePair {
  reasons: DuplicateReason[];
  a: ClientSummary;
  b: ClientSummary;
}

export interface MergePreview {
  keep: ClientSummary;
  merge: ClientSummary;
  /** What moves from the merged card onto the kept one, by kind (notes, tags, consentHistory, customFields, …). */
  moves: Record<string, number>;
  /** Blank fields of the kept card filled from the merged one. */
  fills: string[];
}

export interface MergeResult {
  client: Client;
  moved: Record<string, number>;
  filled: string[];
}

export interface Tag {
  id: string;
  name: string;
  clientCount: number;
}
