import { z } from 'zod';
import { isLocalDate } from '../../platform/zoned-time.js';

const cents = z.number().int().min(1).max(100_000_000);
const localDate = z.string().refine(isLocalDate, 'a date as YYYY-MM-DD');

export const threshold = z.strictObject({ pay: cents, bonus: z.number().int().min(0).max(100_000_000) });

const ruleFields = {
  name: z.string().trim().min(1).max(80),
  thresholds: z
    .array(threshold)
    .min(1)
    .max(20)
    .refine((ts) => new Set(ts.map((t) => t.pay)).size === ts.length, 'each threshold pays a different amount'),
  startsOn: localDate.nullable().default(null),
  endsOn: localDate.nullable().default(null),
  /** null = every store (HQ rules only). */
  storeIds: z.array(z.uuid()).min(1).max(500).nullable().default(null),
  firstTopUpOnly: z.boolean().default(false),
  active: z.boolean().default(true),
};

export const ruleCreate = z.strictObject(ruleFields).refine((r) => !r.startsOn || !r.endsOn || r.startsOn <= r.endsOn, {
  message: 'endsOn must not be before startsOn',
  path: ['endsOn'],
});
export type RuleCreate = z.infer<typeof ruleCreate>;

export const ruleUpdate = z.strictObject({
  version: z.number().int().min(1),
  name: ruleFields.name.optional(),
  thresholds: ruleFields.thresholds.optional(),
  startsOn: localDate.nullable().optional(),
  endsOn: localDate.nullable().optional(),
  storeIds: z.array(z.uuid()).min(1).max(500).nullable().optional(),
  firstTopUpOnly: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type RuleUpdate = z.infer<typeof ruleUpdate>;

export const adjustmentBody = z.strictObject({
  part: z.enum(['principal', 'bonus']),
  /** Signed cents: positive credits, negative debits (never below zero). */
  amount: z
    .number()
    .int()
    .min(-100_000_000)
    .max(100_000_000)
    .refine((n) => n !== 0, 'must not be 0'),
  reason: z.string().trim().min(3).max(500),
  storeId: z.uuid(),
});

export const otpRequest = z.strictObject({ storeId: z.uuid(), amount: cents, channel: z.enum(['sms', 'email']).optional() });
export const otpVerify = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});
