import { z } from 'zod';
import { isLocalDate } from '../../platform/zoned-time.js';
import { MAX_SERVICES } from '../availability/index.js';
import { bookingSettingsPatch } from './settings.js';

export const SOURCES = ['front_desk', 'online', 'phone', 'walk_in'] as const;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:mm (24-hour, store-local)');
const localDate = z.string().refine(isLocalDate, 'use YYYY-MM-DD');
/** An instant with its offset: '2026-03-08T10:30:00-04:00' or '…Z'. A bare local time is refused. */
export const isoInstant = z.iso.datetime({ offset: true, local: false });
const staffRef = z.union([z.literal('any'), z.uuid()]);

/** Add-ons on a line: ids of add-ons attached to its service, each once. */
const addOnIds = z
  .array(z.uuid())
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, 'each add-on once');

/** The longest line the front desk may set by hand (a resize), in minutes. */
export const MAX_LINE_MIN = 720;
const lineDuration = z.number().int().min(5).max(MAX_LINE_MIN);

const lineShape = {
  serviceId: z.uuid(),
  staffId: staffRef.default('any'),
  /** The line's start as an instant with offset… */
  start: isoInstant.optional(),
  /** …or as a store-local date and time (see the rule for DST gaps and overlaps). */
  date: localDate.optional(),
  startLocal: hhmm.optional(),
  /** Starts together with the previous line (two technicians at once). */
  parallelWithPrevious: z.boolean().optional(),
  /** Add-ons attached to the service: they lengthen the line by their minutes and are charged at checkout. */
  addOnIds: addOnIds.optional(),
};

function lineRules(
  l: { start?: string | undefined; date?: string | undefined; startLocal?: string | undefined; parallelWithPrevious?: boolean | undefined },
  ctx: z.RefinementCtx,
) {
  if (l.start && (l.date || l.startLocal))
    ctx.addIssue({ code: 'custom', message: 'give start, or date and startLocal, not both', path: ['start'] });
  if (!l.start && !!l.date !== !!l.startLocal)
    ctx.addIssue({ code: 'custom', message: 'date and startLocal go together', path: [l.date ? 'startLocal' : 'date'] });
  if (l.parallelWithPrevious && (l.start || l.date))
    ctx.addIssue({ code: 'custom', message: 'a parallel line starts with the previous one: give no start', path: ['start'] });
}

/** A line as a client books it online. */
export const lineInput = z.strictObject(lineShape).superRefine(lineRules);

/** A line as the front desk books or moves it: it may also carry a length set by hand (a resize). */
export const deskLineInput = z
  .strictObject({
    ...lineShape,
    /** Minutes of the service set by hand, add-ons included; the line keeps this length when it moves. */
    durationMin: lineDuration.optional(),
  })
  .superRefine(lineRules);
export type LineInput = z.infer<typeof deskLineInput>;

const lines = z
  .array(deskLineInput)
  .min(1)
  .max(MAX_SERVICES)
  .superRefine((ls, ctx) => {
    if (ls[0] && !ls[0].start && !ls[0].date)
      ctx.addIssue({ code: 'custom', message: 'the first line needs start, or date and startLocal', path: [0, 'start'] });
    if (ls[0]?.parallelWithPrevious)
      ctx.addIssue({ code: 'custom', message: 'the first line has no previous line', path: [0, 'parallelWithPrevious'] });
  });

const notes = z.string().trim().max(2000);

export const appointmentCreate = z
  .strictObject({
    storeId: z.uuid(),
    clientId: z.uuid().nullable().optional(),
    source: z.enum(SOURCES).default('front_desk'),
    notes: notes.optional(),
    lines,
    /** Books a waitlist entry: it is marked booked with this appointment. */
    waitlistEntryId: z.uuid().optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.clientId && b.source !== 'walk_in')
      ctx.addIssue({ code: 'custom', message: 'a client is required (except for walk-ins)', path: ['clientId'] });
  });
export type AppointmentCreate = z.infer<typeof appointmentCreate>;

/** A change to a line in place (same start, technician and service): its length or its add-ons. */
export const linePatch = z.strictObject({
  id: z.uuid(),
  /** Minutes set by hand (a resize on the calendar), add-ons included; null goes back to the catalog's length. */
  durationMin: lineDuration.nullable().optional(),
  addOnIds: addOnIds.optional(),
});
export type LinePatch = z.infer<typeof linePatch>;

export const appointmentPatch = z.strictObject({
  version: z.number().int().positive(),
  notes: notes.nullable().optional(),
  lines: z
    .array(linePatch)
    .min(1)
    .max(MAX_SERVICES)
    .refine((ls) => new Set(ls.map((l) => l.id)).size === ls.length, 'each line once')
    .optional(),
});
export type AppointmentPatch = z.infer<typeof appointmentPatch>;

export const rescheduleBody = z.strictObject({ version: z.number().int().positive().optional(), lines });
export type RescheduleBody = z.infer<typeof rescheduleBody>;

export const cancelBody = z.strictObject({
  version: z.number().int().positive().optional(),
  reason: z.string().trim().max(500).optional(),
  /** Front desk may waive the late-cancel fee. */
  waiveFee: z.boolean().optional(),
});
export const noShowBody = z.strictObject({ version: z.number().int().positive().optional(), waiveFee: z.boolean().optional() });
export const statusBody = z.strictObject({ version: z.number().int().positive().optional() });

export const availabilityQuery = z.object({
  storeId: z.uuid(),
  serviceIds: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.uuid()).min(1).max(MAX_SERVICES)),
  staffId: staffRef.optional(),
  /** Add-ons, each on the first of the services it is attached to (list one twice for two such services). */
  addOnIds: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.uuid()).max(20 * MAX_SERVICES))
    .optional(),
  from: localDate,
  to: localDate.optional(),
  /** 'together': every service starts at once (two technicians); default one after another. */
  arrangement: z.enum(['sequence', 'together']).default('sequence'),
  mode: z.enum(['front_desk', 'online']).default('front_desk'),
});

export const feedQuery = z
  .object({
    /** Required unless clientId is given. */
    storeId: z.uuid().optional(),
    /** Store-local dates, both included, or instants with offset. Required unless clientId is given. */
    from: z.union([localDate, isoInstant]).optional(),
    to: z.union([localDate, isoInstant]).optional(),
    /** One client's visits, newest first, at the stores the caller may see (storeId, from and to optional). */
    clientId: z.uuid().optional(),
    staffId: z.uuid().optional(),
    /** Only appointments changed after this instant (cancelled ones included): polling terminals. */
    changedSince: isoInstant.optional(),
    includeCancelled: z.enum(['true', 'false']).default('true'),
    limit: z.coerce.number().int().min(1).max(2000).default(500),
    cursor: z.string().max(200).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.clientId) {
      // Without a store there is no zone to read a local date in.
      for (const k of ['from', 'to'] as const)
        if (!q.storeId && q[k] && isLocalDate(q[k]))
          ctx.addIssue({ code: 'custom', message: 'an instant with offset (or give storeId)', path: [k] });
      return;
    }
    for (const k of ['storeId', 'from', 'to'] as const)
      if (!q[k]) ctx.addIssue({ code: 'custom', message: 'required (or give clientId)', path: [k] });
  });
export type FeedQuery = z.infer<typeof feedQuery>;

export const idParams = z.object({ id: z.uuid() });

export const settingsQuery = z.object({ storeId: z.uuid() });
export const settingsPut = bookingSettingsPatch.extend({ storeId: z.uuid(), version: z.number().int().min(0) }).strict();

export const waitlistCreate = z
  .strictObject({
    storeId: z.uuid(),
    clientId: z.uuid(),
    serviceIds: z.array(z.uuid()).min(1).max(MAX_SERVICES),
    staffId: staffRef.default('any'),
    dateFrom: localDate,
    dateTo: localDate,
    timeFrom: hhmm.optional(),
    timeTo: hhmm.optional(),
    notes: notes.optional(),
  })
  .superRefine((w, ctx) => {
    if (w.dateTo < w.dateFrom) ctx.addIssue({ code: 'custom', message: 'dateTo is before dateFrom', path: ['dateTo'] });
    if (w.timeFrom && w.timeTo && w.timeTo <= w.timeFrom)
      ctx.addIssue({ code: 'custom', message: 'timeTo must be after timeFrom', path: ['timeTo'] });
  });
export type WaitlistCreate = z.infer<typeof waitlistCreate>;

export const waitlistQuery = z.object({
  storeId: z.uuid(),
  matches: z.enum(['true', 'false']).default('false'),
  status: z.enum(['waiting', 'booked', 'removed']).default('waiting'),
});
