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
export const weeklyHours = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((d) => [d, dayRanges])) as Record<(typeof WEEKDAYS)[number], typeof dayRanges>,
);
export type WeeklyHours = z.infer<typeof weeklyHours>;

// A special date is either closed all day or open with its own hours: never both, never neither.
export const specialDate = z
  .strictObject({
    date: z.iso.date(),
    closed: z.boolean(),
    hours: dayRanges.default([]),
    note: z.string().max(120).optional(),
  })
  .refine((d) => (d.closed ? d.hours.length === 0 : d.hours.length > 0), {
    message: 'a closed day has no hours; an open day needs its hours',
    path: ['hours'],
  });
export type SpecialDate = z.infer<typeof specialDate>;

const specialDates = z
  .array(specialDate)
  .max(366)
  .superRefine((dates, ctx) => {
    const seen = new Set<string>();
    dates.forEach((d, i) => {
      if (seen.has(d.date)) ctx.addIssue({ code: 'custom', message: 'this date is listed twice', path: [i, 'date'] });
      seen.add(d.date);
    });
  });

export const timeZone = z.string().refine(isValidTimeZone, 'not an IANA time zone (e.g. America/New_York)');
export const currency = z.enum(['USD', 'CAD']);

export const storeCreate = z.strictObject({
  name: z.string().trim().min(1).max(120),
  timeZone,
  currency: currency.optional(),
  address: z.string().trim().max(300).optional(),
  phone: z.string().trim().max(40).optional(),
  hours: weeklyHours.optional(),
  specialDates: specialDates.optional(),
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
