// A store's booking settings: what online clients may do, how "any technician" is chosen, the
// late-cancel and no-show policy, and reminders. Stored as JSON per store; missing keys take defaults,
// so a setting added later needs no migration.
import { z } from 'zod';
import { ANY_STAFF_STRATEGIES, type AvailabilitySettings, type BookingMode } from '../availability/index.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:mm (24-hour)');

/** A fee for a late cancellation or a no-show: nothing, a fixed amount (cents) or a share of the visit's price. */
export const feePolicy = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('fixed'), amount: z.number().int().min(0).max(1_000_000) }),
  z.strictObject({ kind: z.literal('percent'), percent: z.number().int().min(0).max(100) }),
]);
export type FeePolicy = z.infer<typeof feePolicy>;

export const bookingSettingsSchema = z.strictObject({
  onlineEnabled: z.boolean().default(true),
  newClientsAllowed: z.boolean().default(true),
  /** Online: minimum lead time. */
  noticeMin: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .default(60),
  /** Online: how many days ahead a client may book. */
  horizonDays: z.number().int().min(0).max(365).default(60),
  slotStepMin: z.number().int().min(5).max(240).default(15),
  allowProcessingOverlap: z.boolean().default(true),
  anyStaffStrategy: z.enum(ANY_STAFF_STRATEGIES).default('least_booked'),
  /** A cancellation (by anyone) later than this many hours before the start is "late"; clients cannot cancel online then. */
  cancellationWindowHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 14)
    .default(24),
  lateCancelFee: feePolicy.default({ kind: 'none' }),
  noShowFee: feePolicy.default({ kind: 'none' }),
  /** Recorded for the booking page and checkout; capturing a card or deposit is not done here. */
  depositPolicy: z
    .strictObject({ cardOnFileRequired: z.boolean().default(false), depositAmount: z.number().int().min(0).max(1_000_000).default(0) })
    .default({ cardOnFileRequired: false, depositAmount: 0 }),
  /** Reminder this many hours before the start; 0 turns reminders off. */
  reminderHoursBefore: z
    .number()
    .int()
    .min(0)
    .max(24 * 7)
    .default(24),
  /** No SMS between these store-local times; a message due then waits for the end. */
  smsQuietHours: z.strictObject({ start: hhmm, end: hhmm }).default({ start: '21:00', end: '08:00' }),
});
export type BookingSettings = z.infer<typeof bookingSettingsSchema>;

export const DEFAULT_BOOKING_SETTINGS: BookingSettings = bookingSettingsSchema.parse({});

/** Stored JSON → settings; unknown or broken keys fall back to defaults rather than failing a booking. */
export function parseStoredSettings(json: string | null | undefined): BookingSettings {
  if (!json) return DEFAULT_BOOKING_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return DEFAULT_BOOKING_SETTINGS;
  }
  const known = Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, unknown>).filter(([k]) => k in bookingSettingsSchema.shape),
  );
  const parsed = bookingSettingsSchema.safeParse(known);
  return parsed.success ? parsed.data : DEFAULT_BOOKING_SETTINGS;
}

/** What the engine needs from the settings for one kind of request. */
export function engineSettings(s: BookingSettings, mode: BookingMode): AvailabilitySettings {
  return {
    slotStepMin: s.slotStepMin,
    noticeMin: s.noticeMin,
    horizonDays: s.horizonDays,
    allowProcessingOverlap: s.allowProcessingOverlap,
    anyStaffStrategy: s.anyStaffStrategy,
    mode,
  };
}

/** The fee a policy charges on a visit worth `total` cents: percent rounds half up, once. */
export function feeFor(policy: FeePolicy, total: number): number {
  if (policy.kind === 'none') return 0;
  if (policy.kind === 'fixed') return policy.amount;
  return Math.floor((total * policy.percent + 50) / 100);
}

/** A cancellation is late when it happens inside the window before the start (or after the start). */
export function isLateCancel(s: BookingSettings, now: number, startAt: number): boolean {
  return now > startAt - s.cancellationWindowHours * 3_600_000;
}
