import { z } from 'zod';
import { isValidTimeZone } from '../../platform/zoned-time.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:mm (24-hour)');
export const timeRange = z
  .strictObject({ open: hhmm, close: hhmm })
  .refine((r) => r.open < r.close, { message: 'close must be after open', path: ['close'] });

const dayRanges = z
  .array(timeRange)
  .max(4)
  .refine((ranges) => [...ranges].sort((a, b) => (a.open < b.open ? -1 : 1)).every((r, i, all) => i === 0 || all[i - 1]!.close <= r.open), {
    message: 'ranges overlap',
  });

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weeklyHours = z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, dayRanges])) as Record<(typeof WEEKDAYS)[number], typeof dayRanges>);
export type WeeklyHours = z.infer<typeof weeklyHours>;

export const specialDate = z.strictObject({
  date: z.iso.date(),
  closed: z.boolean(),
  hours: dayRanges.default([]),
  note: z.string().max(120).optional(),
});
export type SpecialDate = z.infer<typeof specialDate>;

export const timeZone = z.string().refine(isValidTimeZone, 'not an IANA time zone (e.g. America/New_York)');
export const currency = z.enum(['USD', 'CAD']);

export const storeCreate = z.strictObject({
  name: z.string().trim().min(1).max(120),
  timeZone,
  currency: currency.optional(),
  address: z.string().trim().max(300).optional(),
  phone: z.string().trim().max(40).optional(),
  hours: weeklyHours.optional(),
  specialDates: z.array(specialDate).max(366).optional(),
});
export type StoreCreate = z.infer<typeof storeCreate>;

export const storeUpdate = storeCreate.partial().extend({ version: z.number().int().positive() }).strict();
export type StoreUpdate = z.infer<typeof storeUpdate>;

export const DEFAULT_HOURS: WeeklyHours = {
  mon: [{ open: '09:00', close: '19:00' }],
  tue: [{ open: '09:00', close: '19:00' }],
  wed: [{ open: '09:00', close: '19:00' }],
  thu: [{ open: '09:00', close: '20:00' }],
  fri: [{ open: '09:00', close: '20:00' }],
  sat: [{ open: '09:00', close: '19:00' }],
  sun: [{ open: '10:00', close: '18:00' }],
};
