import { z } from 'zod';
import { EXCEPTION_KINDS } from '../availability/index.js';
import { weeklyHours } from '../stores/index.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:mm (24-hour)');
const timeRange = z
  .strictObject({ open: hhmm, close: hhmm })
  .refine((r) => r.open < r.close, { message: 'close must be after open', path: ['close'] });

/** Ranges of one day: sorted or not, but never overlapping (touching is fine). */
export const dayRanges = z
  .array(timeRange)
  .max(4)
  .refine((ranges) => [...ranges].sort((a, b) => (a.open < b.open ? -1 : 1)).every((r, i, all) => i === 0 || all[i - 1]!.close <= r.open), {
    message: 'ranges overlap',
  });

export const BLOCK_REASONS = ['meeting', 'cleaning', 'training', 'break', 'other'] as const;
/** Blocked time covers part of a day; days away are time off. */
export const MAX_BLOCK_MINUTES = 24 * 60;

export const storeStaffParams = z.object({ storeId: z.uuid(), staffId: z.uuid() });
export const exceptionParams = storeStaffParams.extend({ exceptionId: z.uuid() });

export const weekQuery = z.object({
  storeId: z.uuid(),
  /** Any date of the week; the week runs Monday to Sunday. */
  week: z.iso.date(),
});

export const weeklyPut = z.strictObject({
  hours: weeklyHours,
  /** Place in the turn list / fixed order for "any technician" (lower first). */
  rotationOrder: z.number().int().min(0).max(9999).optional(),
  /** The roster's current version; 0 when the person has no weekly hours at this store yet. */
  version: z.number().int().min(0),
});
export type WeeklyPut = z.infer<typeof weeklyPut>;

export const exceptionCreate = z
  .strictObject({
    date: z.iso.date(),
    kind: z.enum(EXCEPTION_KINDS),
    /** For time off: none = the whole day. Breaks, extra shifts and custom hours need hours. */
    hours: dayRanges.default([]),
    note: z.string().trim().max(200).optional(),
  })
  .refine((e) => e.kind === 'time_off' || e.hours.length > 0, { message: 'this kind of exception needs hours', path: ['hours'] });
export type ExceptionCreate = z.infer<typeof exceptionCreate>;

const instant = z.iso.datetime({ offset: true });

export const blockedCreate = z
  .strictObject({
    storeId: z.uuid(),
    staffId: z.uuid(),
    start: instant,
    end: instant,
    reason: z.enum(BLOCK_REASONS),
    note: z.string().trim().max(200).optional(),
  })
  .refine((b) => Date.parse(b.end) > Date.parse(b.start), { message: 'end must be after start', path: ['end'] })
  .refine((b) => Date.parse(b.end) - Date.parse(b.start) <= MAX_BLOCK_MINUTES * 60_000, {
    message: 'at most 24 hours; use time off for days away',
    path: ['end'],
  });
export type BlockedCreate = z.infer<typeof blockedCreate>;

export const blockedQuery = z
  .object({ storeId: z.uuid(), from: z.iso.date(), to: z.iso.date() })
  .refine((q) => q.from <= q.to, { message: 'to must not be before from', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 62, { message: 'at most 62 days', path: ['to'] });
