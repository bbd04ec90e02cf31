import { z } from 'zod';
import { LANGUAGES } from '../../platform/i18n.js';

const cents = z.int().min(0).max(100_000_000);
/** Counted bills and coins: { "2000": 3, "25": 8 } = three $20 bills and eight quarters (keys in cents). */
export const denominationCounts = z.record(z.string().regex(/^\d{1,6}$/), z.int().min(0).max(100_000));
export type DenominationCounts = z.infer<typeof denominationCounts>;

export const shiftOpen = z
  .strictObject({
    storeId: z.uuid(),
    drawer: z.string().trim().min(1).max(40).default('main'),
    openingFloat: cents.optional(),
    openingCounts: denominationCounts.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((b) => (b.openingFloat === undefined) !== (b.openingCounts === undefined), {
    message: 'give openingFloat or openingCounts',
    path: ['openingFloat'],
  });
export type ShiftOpen = z.infer<typeof shiftOpen>;

export const movementCreate = z.strictObject({
  kind: z.enum(['paid_in', 'paid_out']),
  amount: z.int().min(1).max(100_000_000),
  reason: z.string().trim().min(1).max(200),
});
export type MovementCreate = z.infer<typeof movementCreate>;

export const shiftClose = z
  .strictObject({
    version: z.int().min(1),
    countedCash: cents.optional(),
    counts: denominationCounts.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((b) => (b.countedCash === undefined) !== (b.counts === undefined), { message: 'give countedCash or counts', path: ['counts'] });
export type ShiftClose = z.infer<typeof shiftClose>;

export const shiftList = z.strictObject({
  storeId: z.uuid(),
  status: z.enum(['open', 'closed']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `lang`: the language a printed report names tax rates in (default: the caller's). */
export const reportLang = { lang: z.enum(LANGUAGES).optional() };
export const xReportQuery = z.strictObject(reportLang);
export const zReportQuery = z.strictObject({ date: z.iso.date(), ...reportLang });
