import { z } from 'zod';
import { LANGUAGES } from '../../platform/i18n.js';
import { pageQuery } from '../../platform/pagination.js';
import { percentToBp } from './pricing.js';

export const cents = z.int().min(0).max(100_000_000);
const positiveCents = z.int().min(1).max(100_000_000);
const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Math.abs(p * 100 - percentToBp(p)) < 1e-6, 'at most 2 decimals');
const reason = z.string().trim().min(1).max(200);

export const discountSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('amount'),
    amount: cents,
    reason,
    source: z.strictObject({ type: z.string().min(1).max(40), ref: z.string().min(1).max(100) }).optional(),
  }),
  z.strictObject({
    type: z.literal('percent'),
    percent,
    reason,
    source: z.strictObject({ type: z.string().min(1).max(40), ref: z.string().min(1).max(100) }).optional(),
  }),
]);

/** A manager's approval at the terminal: their id and PIN. */
export const approvalSchema = z.strictObject({ staffId: z.uuid(), pin: z.string().regex(/^\d{4,6}$/, '4–6 digits') });
export type Approval = z.infer<typeof approvalSchema>;

/** Fields every line has; the line kind adds its own (validated strictly against the kind's schema). */
export const lineCommon = {
  id: z.uuid().optional(),
  kind: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  quantity: z.int().min(1).max(999).optional(),
  /** A typed unit price replacing the item's own price (audited). */
  unitPrice: cents.optional(),
  priceOverrideReason: reason.optional(),
  discount: discountSchema.nullable().optional(),
  note: z.string().trim().max(500).optional(),
};
export const lineInput = z.looseObject(lineCommon);
export type LineInput = z.infer<typeof lineInput>;

const lines = z.array(lineInput).max(100);

export const saleCreate = z.strictObject({
  storeId: z.uuid(),
  clientId: z.uuid().nullable().optional(),
  /** Start from an appointment: its services and technicians become the lines (unless `lines` is given). */
  appointmentId: z.uuid().optional(),
  label: z.string().trim().max(60).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  lines: lines.optional(),
  discount: discountSchema.nullable().optional(),
  approval: approvalSchema.optional(),
});
export type SaleCreate = z.infer<typeof saleCreate>;

export const saleUpdate = z.strictObject({
  version: z.int().min(1),
  clientId: z.uuid().nullable().optional(),
  label: z.string().trim().max(60).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  /** The full list of lines (lines keep their `id`); omitted: unchanged. */
  lines: lines.optional(),
  discount: discountSchema.nullable().optional(),
  approval: approvalSchema.optional(),
});
export type SaleUpdate = z.infer<typeof saleUpdate>;

export const lineAdd = z.strictObject({ version: z.int().min(1), line: lineInput, approval: approvalSchema.optional() });

export const tipSchema = z
  .strictObject({
    amount: cents.optional(),
    percent: percent.optional(),
    split: z.enum(['share', 'equal', 'manual']).default('share'),
    allocations: z
      .array(z.strictObject({ staffId: z.uuid(), amount: cents }))
      .max(20)
      .optional(),
  })
  .refine((t) => t.amount === undefined || t.percent === undefined, { message: 'give amount or percent, not both', path: ['percent'] })
  .refine((t) => t.split !== 'manual' || t.allocations !== undefined, {
    message: 'a manual split needs allocations',
    path: ['allocations'],
  });

/** Fields every tender has; the tender kind adds its own. */
export const tenderCommon = {
  kind: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  /** Cents paid with it; for cash, what the client handed over (change is computed). */
  amount: positiveCents,
  /** The part of `amount` that is tip (default: the tip spreads over tenders in proportion). */
  tip: cents.optional(),
};
export const tenderInput = z.looseObject(tenderCommon);

export const saleComplete = z.strictObject({
  version: z.int().min(1),
  tip: tipSchema.optional(),
  /** Σ amounts = total + tip (cash may exceed it). Empty when there is nothing to pay (a ticket of package sessions, no tip). */
  tenders: z.array(tenderInput).max(10),
  /** The client asked for an emailed receipt (sent if the client has an email address). */
  emailReceipt: z.boolean().default(false),
  receiptLanguage: z.enum(LANGUAGES).optional(),
  /** The drawer taking the cash; default: the store's only open shift. */
  shiftId: z.uuid().optional(),
});
export type SaleComplete = z.infer<typeof saleComplete>;

export const refundCreate = z
  .strictObject({
    reason,
    /** Lines and quantities to refund; omit lines and amount to refund everything left. */
    lines: z
      .array(z.strictObject({ lineId: z.uuid(), quantity: z.int().min(1).max(999) }))
      .max(100)
      .optional(),
    /** A goods amount (tax included) spread over the lines in proportion, instead of lines. */
    amount: positiveCents.optional(),
    /** Tip to give back (default: all of it on a whole refund, none otherwise). */
    tip: cents.optional(),
    /** Where the money goes (default: the original tenders, in proportion to what each can still take). */
    tenders: z
      .array(z.strictObject({ tenderId: z.uuid(), amount: cents }))
      .max(10)
      .optional(),
    approval: approvalSchema.optional(),
    shiftId: z.uuid().optional(),
  })
  .refine((r) => !(r.lines && r.amount !== undefined), { message: 'give lines or an amount, not both', path: ['amount'] });
export type RefundCreate = z.infer<typeof refundCreate>;

export const voidCreate = z.strictObject({ reason, approval: approvalSchema.optional(), shiftId: z.uuid().optional() });
export type VoidCreate = z.infer<typeof voidCreate>;

export const saleListQuery = z.strictObject({
  storeId: z.uuid(),
  status: z.enum(['open', 'completed', 'voided', 'discarded']).optional(),
  clientId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  receipt: z.string().max(40).optional(),
  /** Sales where this technician is credited on a line (written at completion). */
  staffId: z.uuid().optional(),
  /** Sales paid (in part) with this tender kind. */
  tender: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/)
    .optional(),
  ...pageQuery,
});

export const receiptQuery = z.strictObject({
  format: z.enum(['html', 'text']).default('html'),
  lang: z.enum(LANGUAGES).optional(),
  refundId: z.uuid().optional(),
});

export const idParams = z.object({ id: z.uuid() });
