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

const fields = {
  onlineEnabled: z.boolean(),
  newClientsAllowed: z.boolean(),
  /** Online: minimum lead time. */
  noticeMin: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30),
  /** Online: how many days ahead a client may book. */
  horizonDays: z.number().int().min(0).max(365),
  slotStepMin: z.number().int().min(5).max(240),
  allowProcessingOverlap: z.boolean(),
  anyStaffStrategy: z.enum(ANY_STAFF_STRATEGIES),
  /** A cancellation (by anyone) later than this many hours before the start is "late"; clients cannot cancel online then. */
  cancellationWindowHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 14),
  lateCancelFee: feePolicy,
  noShowFee: feePolicy,
  /** Recorded for the booking page and checkout; capturing a card or deposit is not done here. */
  depositPolicy: z.strictObject({ cardOnFileRequired: z.boolean(), depositAmount: z.number().int().min(0).max(1_000_000) }),
  /** Reminder this many hours before the start; 0 turns reminders off. */
  reminderHoursBefore: z
    .number()
    .int()
    .min(0)
    .max(24 * 7),
  /** No SMS between these store-local times; a message due then waits for the end. */
  smsQuietHours: z.strictObject({ start: hhmm, end: hhmm }),
  /** Frequency cap: confirmation, change and reminder texts a client gets in any 24 h (cancellations always go). */
  smsPerClientPerDay: z.number().int().min(0).max(50),
};

export const bookingSettingsSchema = z.strictObject(fields);
export type BookingSettings = z.infer<typeof bookingSettingsSchema>;
/** A change: only the keys sent (nothing is reset to a default by leaving it out). */
export const bookingSettingsPatch = bookingSettingsSchema.partial();

export const DEFAULT_BOOKING_SETTINGS: Readonly<BookingSettings> = Object.freeze<BookingSettings>({
  onlineEnabled: true,
  newClientsAllowed: true,
  noticeMin: 60,
  horizonDays: 60,
  slotStepMin: 15,
  allowProcessingOverlap: true,
  anyStaffStrategy: 'least_booked',
  cancellationWindowHours: 24,
  lateCancelFee: { kind: 'none' },
  noShowFee: { kind: 'none' },
  depositPolicy: { cardOnFileRequired: false, depositAmount: 0 },
  reminderHoursBefore: 24,
  smsQuietHours: { start: '21:00', end: '08:00' },
  smsPerClientPerDay: 3,
});

/** Stored JSON → settings; a missing, unknown or broken key falls back to its default rather than failing a booking. */
export function parseStoredSettings(json: string | null | undefined): BookingSettings {
  if (!json) return DEFAULT_BOOKING_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return DEFAULT_BOOKING_SETTINGS;
  }
  const out: Record<string, unknown> = { ...DEFAULT_BOOKING_SETTINGS };
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    const field = fields[key as keyof typeof fields];
    const parsed = field?.safeParse(value);
    if (parsed?.success) out[key] = parsed.data;
  }
  return out as BookingSettings;
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
