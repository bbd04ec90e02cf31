import { z } from 'zod';
import { pageQuery } from '../../platform/pagination.js';
import { isLocalDate } from '../../platform/zoned-time.js';

const text = (max: number) => z.string().trim().max(max);
export const translations = (max: number) =>
  z.strictObject({ en: text(max).optional(), 'zh-CN': text(max).optional(), 'zh-TW': text(max).optional() });
export const cents = z.number().int().min(0).max(100_000_000);
export const localDate = z.string().refine(isLocalDate, 'a date as YYYY-MM-DD');
const uniqueIds = (min: number, max: number) =>
  z
    .array(z.uuid())
    .min(min)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, 'the same id appears twice');

export const templateItem = z.strictObject({
  /** A stable key for the item within the template (kept across edits); generated when absent. */
  key: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/)
    .optional(),
  label: z.string().trim().min(1).max(120),
  labelTranslations: translations(120).optional(),
  sessions: z.number().int().min(1).max(100),
  /** One service: N sessions of it. Several: a pool of sessions usable on any of them. */
  serviceIds: uniqueIds(1, 50),
  /** Optional order: items of step 2 are redeemable once every step-1 item is used up. */
  step: z.number().int().min(1).max(10).nullable().optional(),
  /** What a session is worth for the allocation of the price (default: the service's list price). */
  valuePerSession: cents.nullable().optional(),
});
export type TemplateItemInput = z.infer<typeof templateItem>;

export const validity = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('months'), months: z.number().int().min(1).max(120) }),
  z.strictObject({ kind: z.literal('fixed'), until: localDate }),
  z.strictObject({ kind: z.literal('none') }),
]);

const templateFields = {
  name: z.string().trim().min(1).max(120),
  nameTranslations: translations(120).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  descriptionTranslations: translations(2000).optional(),
  items: z.array(templateItem).min(1).max(20),
  products: z
    .array(z.strictObject({ productId: z.uuid(), quantity: z.number().int().min(1).max(100) }))
    .max(20)
    .optional(),
  price: cents,
  /** The store's tax class for the sale (e.g. 'service'); null: packages are taxed when used, not sold. */
  taxClass: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .nullable()
    .optional(),
  validity,
  /** Stores where it is sold and redeemed; null = every store. */
  storeIds: uniqueIds(1, 500).nullable().optional(),
  freeze: z.strictObject({ allowed: z.boolean(), maxDays: z.number().int().min(0).max(365) }).optional(),
  sharing: z.strictObject({ shareable: z.boolean(), maxMembers: z.number().int().min(0).max(10) }).optional(),
  active: z.boolean().optional(),
};

export const templateCreate = z.strictObject(templateFields);
export type TemplateCreate = z.infer<typeof templateCreate>;
export const templateUpdate = z.strictObject({ version: z.number().int().min(1), ...z.object(templateFields).partial().shape });
export type TemplateUpdate = z.infer<typeof templateUpdate>;

export const idParams = z.object({ id: z.uuid() });

export const clientPackageList = z.strictObject({
  clientId: z.uuid(),
  status: z.enum(['active', 'expired', 'refunded', 'voided', 'all']).default('all'),
});

export const applicableQuery = z.strictObject({ clientId: z.uuid(), storeId: z.uuid(), serviceId: z.uuid().optional() });

export const directPurchase = z.strictObject({
  templateId: z.uuid(),
  clientId: z.uuid(),
  storeId: z.uuid(),
  /** Pre-tax price (default: the template's); a package outside checkout moves no money. */
  price: cents.optional(),
  reason: z.string().trim().min(1).max(200),
});

export const redeemBody = z.strictObject({
  storeId: z.uuid(),
  serviceId: z.uuid(),
  /** The item to use (default: the first one that covers the service and may be used now). */
  itemId: z.uuid().optional(),
  /** Who receives the service (default: the package's owner; a named family member for a shared package). */
  clientId: z.uuid().optional(),
  staffId: z.uuid().optional(),
  appointmentLineId: z.uuid().optional(),
  /** Use a later step before an earlier one is finished (needs packages.adjust). */
  stepOverride: z.strictObject({ reason: z.string().trim().min(1).max(200) }).optional(),
});
export type RedeemBody = z.infer<typeof redeemBody>;

export const reasonBody = z.strictObject({ reason: z.string().trim().min(1).max(200) });

export const extendBody = z
  .strictObject({
    /** New last day of use (store-local), or a number of months added to the current expiry. */
    until: localDate.optional(),
    months: z.number().int().min(1).max(60).optional(),
    reason: z.string().trim().min(1).max(200),
  })
  .refine((b) => (b.until === undefined) !== (b.months === undefined), { message: 'give until or months', path: ['until'] });

export const freezeBody = z.strictObject({ days: z.number().int().min(1).max(365), reason: z.string().trim().min(1).max(200) });

export const memberBody = z.strictObject({ clientId: z.uuid(), relation: z.string().trim().max(40).optional() });
export const memberParams = z.object({ id: z.uuid(), clientId: z.uuid() });

export const ruleFields = {
  name: z.string().trim().min(1).max(120),
  nameTranslations: translations(120).optional(),
  fromTemplateId: z.uuid(),
  trigger: z.enum(['completed', 'remaining']),
  /** For 'remaining': fire when at most this many sessions are left. */
  remaining: z.number().int().min(1).max(50).nullable().optional(),
  toTemplateId: z.uuid(),
  sendToClient: z.boolean().optional(),
  message: translations(500).optional(),
  active: z.boolean().optional(),
};
export const ruleCreate = z
  .strictObject(ruleFields)
  .refine((r) => r.trigger !== 'remaining' || !!r.remaining, { message: 'say how many sessions remain', path: ['remaining'] });
export type RuleCreate = z.infer<typeof ruleCreate>;
export const ruleUpdate = z.strictObject({ version: z.number().int().min(1), ...z.object(ruleFields).partial().shape });
export type RuleUpdate = z.infer<typeof ruleUpdate>;

export const reportQuery = z.strictObject({ from: localDate.optional(), to: localDate.optional(), storeId: z.uuid().optional() });
export const listQuery = z.strictObject({
  includeInactive: z.enum(['true', 'false']).optional(),
  storeId: z.uuid().optional(),
  ...pageQuery,
});
