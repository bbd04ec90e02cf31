// Shapes of the client import API (src/server/modules/clients/import: service.ts, schemas.ts, mapping.ts).

export const IMPORT_FIELDS = [
  'externalId',
  'firstName',
  'lastName',
  'fullName',
  'preferredName',
  'phone',
  'email',
  'birthday',
  'birthMonth',
  'birthDay',
  'birthYear',
  'lunarBirthday',
  'gender',
  'language',
  'source',
  'referrer',
  'homeStore',
  'tags',
  'notes',
  'smsConsent',
  'smsConsentDate',
  'smsConsentWording',
  'emailConsent',
  'emailConsentDate',
  'emailConsentWording',
  'marketingConsent',
  'marketingConsentDate',
  'favouriteTechnician',
  'pressure',
  'focusAreas',
  'allergyReminder',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const PRESET_IDS = ['orchid', 'square', 'fresha', 'vagaro', 'mindbody', 'generic'] as const;
export type PresetId = (typeof PRESET_IDS)[number];
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'windows-1252', 'big5'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const DELIMITERS = ['comma', 'semicolon', 'tab'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export const DATE_FORMATS = ['MDY', 'DMY', 'YMD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const NAME_ORDERS = ['given_first', 'family_first'] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];
export const DUPLICATE_POLICIES = ['skip', 'update', 'create'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];
export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'done' | 'failed';

export type FieldMap = Partial<Record<ImportField, number[]>>;
export type CustomMap = Record<string, number>;

export interface ImportProgress {
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  percent: number;
}

export interface ClientImport {
  id: string;
  storeId: string;
  status: ImportStatus;
  fileName: string | null;
  fileSize: number;
  encoding: Encoding;
  detectedEncoding: string;
  encodingConfident: boolean;
  delimiter: Delimiter;
  preset: PresetId;
  presetName: string;
  headers: string[];
  sampleRows: string[][];
  rowCount: number;
  mapping: { fields: FieldMap; custom: CustomMap };
  dateFormat: DateFormat;
  nameOrder: NameOrder;
  duplicatePolicy: DuplicatePolicy;
  progress: ImportProgress;
  error: string | null;
  version: number;
  createdAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  reportUrl: string;
}

export interface RowProblem {
  row: number;
  field: string | null;
  code: string;
  value?: string;
  message: string;
}

export interface PreviewRow {
  row: number;
  action: 'create' | 'update';
  clientId: string | null;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  birthday: string | null;
  tags: string[];
  smsConsent: boolean | null;
  emailConsent: boolean | null;
}

export interface DryRun {
  total: number;
  create: number;
  update: number;
  skip: number;
  fail: number;
  errors: RowProblem[];
  skipped: Array<{ row: number; code: string; message: string; clientId: string | null }>;
  warnings: RowProblem[];
  truncated: boolean;
  preview: PreviewRow[];
}

export interface MappingBody {
  preset?: PresetId;
  fields?: Partial<Record<ImportField, number[] | null>>;
  custom?: CustomMap;
  dateFormat?: DateFormat;
  nameOrder?: NameOrder;
  duplicatePolicy?: DuplicatePolicy;
  encoding?: Encoding;
  delimiter?: Delimiter;
  version?: number;
}
