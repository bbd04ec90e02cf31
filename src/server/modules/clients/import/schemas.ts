import { z } from 'zod';
import { ENCODINGS } from './encoding.js';
import { DATE_FORMATS } from './fields.js';
import { DUPLICATE_POLICIES, FIELDS, type FieldKey } from './mapping.js';
import { NAME_ORDERS } from './names.js';
import { PRESET_IDS } from './presets.js';

/** Delimiters by name in the API (a tab is awkward in JSON and in a select box). */
export const DELIMITER_NAMES = { comma: ',', semicolon: ';', tab: '\t' } as const;
export type DelimiterName = keyof typeof DELIMITER_NAMES;
export const delimiterName = (d: string): DelimiterName => (d === ';' ? 'semicolon' : d === '\t' ? 'tab' : 'comma');

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const uploadQuery = z.object({
  storeId: z.uuid(),
  /** The file's name when the body is the raw file (multipart uploads carry their own). */
  fileName: z.string().trim().max(255).optional(),
});

const column = z.int().min(0).max(199);
const columns = z.union([column, z.array(column).min(1).max(5)]);

const fieldShape = Object.fromEntries(FIELDS.map((f) => [f, columns.nullable().optional()])) as Record<
  FieldKey,
  z.ZodOptional<z.ZodNullable<typeof columns>>
>;

export const mappingBody = z.strictObject({
  /** Apply a preset's suggested mapping (and its date format / name order) before the changes below. */
  preset: z.enum(PRESET_IDS).optional(),
  /** Field → column index (0-based) or indexes (first non-empty wins); `null` unmaps. Replaces the mapping when given. */
  fields: z.strictObject(fieldShape).optional(),
  /** Custom field key → column index. */
  custom: z.record(z.string().min(1).max(60), column).optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
  nameOrder: z.enum(NAME_ORDERS).optional(),
  duplicatePolicy: z.enum(DUPLICATE_POLICIES).optional(),
  /** Re-read the file with another encoding (when the detected one shows garbled text). */
  encoding: z.enum(ENCODINGS).optional(),
  delimiter: z.enum(['comma', 'semicolon', 'tab']).optional(),
  /** Optimistic concurrency: the import's version as last read. */
  version: z.int().positive().optional(),
});
export type MappingBody = z.infer<typeof mappingBody>;

export const importParams = z.object({ id: z.uuid() });

export const IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export type ImportOptions = {
  dateFormat: (typeof DATE_FORMATS)[number];
  nameOrder: (typeof NAME_ORDERS)[number];
  duplicatePolicy: (typeof DUPLICATE_POLICIES)[number];
  tagSeparators: string;
  /** The first rows as read, for the mapping screen. */
  sample: string[][];
};
