import { z } from 'zod';
import { pageQuery } from '../../platform/pagination.js';
import { isLocalDate } from '../../platform/zoned-time.js';
import { fieldDefs } from './fields.js';

const text = (max: number) => z.string().trim().max(max);
const translations = z.strictObject({ en: text(120).optional(), 'zh-CN': text(120).optional(), 'zh-TW': text(120).optional() });
const localDate = z.string().refine(isLocalDate, 'a date as YYYY-MM-DD');
const uniqueIds = z
  .array(z.uuid())
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, 'the same id appears twice');

export const templateCreate = z.strictObject({
  name: z.string().trim().min(1).max(120),
  nameTranslations: translations.optional(),
  /** The service categories whose services use this template (one template per category). */
  categoryIds: uniqueIds,
  fields: fieldDefs,
});
export const templateUpdate = z.strictObject({
  version: z.number().int().min(1),
  name: templateCreate.shape.name.optional(),
  nameTranslations: translations.optional(),
  categoryIds: uniqueIds.optional(),
  fields: fieldDefs.optional(),
  archived: z.boolean().optional(),
});
export type TreatmentTemplateCreate = z.infer<typeof templateCreate>;
export type TreatmentTemplateUpdate = z.infer<typeof templateUpdate>;

const productUse = z.strictObject({
  productId: z.uuid(),
  /** How much was used, in the product's unit (ml, g, pieces); up to 2 decimals. */
  amount: z
    .number()
    .positive()
    .max(100_000)
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'at most 2 decimals'),
});

const settingValue = z.union([z.string().trim().max(120), z.number().finite()]);

const recordFields = {
  staffId: z.uuid().optional(),
  startedAt: z.iso.datetime({ offset: true }).optional(),
  endedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** Back-bar products and amounts used (for inventory). */
  products: z.array(productUse).max(30).optional(),
  technique: z.string().trim().max(2_000).nullable().optional(),
  /** Machine settings and the like: { "intensity": 3, "mask": "hydrating" }. */
  settings: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_ -]{0,39}$/), settingValue)
    .refine((r) => Object.keys(r).length <= 20, 'at most 20 settings')
    .optional(),
  /** The template's fields (validated against it). */
  metrics: z.record(z.string(), z.unknown()).optional(),
  reaction: z.string().trim().max(2_000).nullable().optional(),
  notes: z.string().trim().max(5_000).nullable().optional(),
  /** Advice for the client (shown on her portal when the record is shared with her). */
  aftercare: z.string().trim().max(2_000).nullable().optional(),
  nextRecommendedOn: localDate.nullable().optional(),
  sharedWithClient: z.boolean().optional(),
};

export const recordCreate = z.strictObject({
  clientId: z.uuid(),
  storeId: z.uuid(),
  serviceId: z.uuid(),
  appointmentLineId: z.uuid().optional(),
  packageSessionId: z.uuid().optional(),
  templateId: z.uuid().nullable().optional(),
  ...recordFields,
});
export type RecordCreate = z.infer<typeof recordCreate>;

export const recordUpdate = z.strictObject({ version: z.number().int().min(1), ...recordFields });
export type RecordUpdate = z.infer<typeof recordUpdate>;

export const addendumBody = z.strictObject({ body: z.string().trim().min(1).max(5_000) });

export const recordList = z.strictObject({ clientId: z.uuid(), ...pageQuery });

export const photoQuery = z.strictObject({ kind: z.enum(['before', 'after', 'other']).default('other') });
export const photoSize = z.strictObject({ size: z.enum(['thumb', 'full']).default('full') });

export const dueQuery = z.strictObject({
  storeId: z.uuid(),
  staffId: z.uuid().optional(),
  /** Days ahead of today that count as due (0: only today and overdue). */
  within: z.coerce.number().int().min(0).max(60).default(7),
  /** Also list clients who already have a visit booked (flagged). */
  includeBooked: z.enum(['true', 'false']).default('false'),
});

export const idParams = z.object({ id: z.uuid() });

const contact = { phone: z.string().trim().min(7).max(30).optional(), email: z.string().trim().max(320).optional() };
export const portalCodeBody = z.strictObject({ ...contact, language: z.enum(['en', 'zh-CN', 'zh-TW']).optional() });
export const portalSessionBody = z.strictObject({ ...contact, code: z.string().regex(/^\d{6}$/, '6 digits') });
