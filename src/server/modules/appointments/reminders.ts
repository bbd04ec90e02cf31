// Client messages about appointments, the outbox way. Booking, moving and cancelling enqueue an
// `appointments.message` job in their own transaction (nothing is sent for a rolled-back change); the
// reminder job is due N hours before the start. The handler decides at send time:
// - it re-reads the appointment: a reminder or confirmation for a cancelled appointment, or for a start
//   that has since moved, is dropped (the move enqueued its own messages);
// - channels: email to the client's address, SMS to their phone, unless the client's latest consent
//   answer for that channel is "no". These are transactional messages about a booking the client made
//   with that number or address, so no answer at all counts as yes; an opt-out always wins;
// - quiet hours: an SMS due between 21:00 and 08:00 store time (store setting) waits until 08:00 — as a
//   new job, so the status check runs again then;
// - it writes `notify.send` jobs with fixed ids, so a handler that runs twice (at-least-once) sends once.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { isLanguage, type Language } from '../../platform/i18n.js';
import { enqueue, type JobHandler, PermanentJobError } from '../../platform/jobs/index.js';
import { NOTIFY_KIND, outgoingMessageSchema } from '../../platform/notifications/index.js';
import { addDays, zonedDateTimeToInstant } from '../../platform/zoned-time.js';
import { loadNames } from './dto.js';
import { loadStore } from './planner.js';
import { clientSummaries, currentConsent, findAppointment, linesOf, loadSettings } from './repo.js';
import type { BookingSettings } from './settings.js';
import { MOVABLE, type Status } from './status.js';
import { formatWhen, MESSAGE_EVENTS, type MessageEvent, renderMessage } from './templates.js';
import { localParts } from './time.js';

export const MESSAGE_JOB_KIND = 'appointments.message';
const HOUR_MS = 3_600_000;

const payloadSchema = z.object({
  appointmentId: z.string(),
  event: z.enum(MESSAGE_EVENTS),
  /** The start the message was about: a later move makes it stale. */
  startAt: z.number().int(),
  channel: z.enum(['email', 'sms']).optional(),
});
export type MessagePayload = z.infer<typeof payloadSchema>;

/**
 * Enqueues the messages of a change in the caller's transaction: the event itself now, and for a new or
 * moved appointment the reminder `reminderHoursBefore` before the start (when that is still ahead).
 */
export async function scheduleMessages(
  tx: Executor,
  appt: { id: string; client_id: string | null; start_at: number },
  event: Exclude<MessageEvent, 'reminder'>,
  settings: BookingSettings,
  now: number,
  afterCommit?: (fn: () => void) => void,
): Promise<void> {
  if (!appt.client_id) return;
  const base = { appointmentId: appt.id, startAt: appt.start_at };
  await enqueue(
    tx,
    { kind: MESSAGE_JOB_KIND, payload: { ...base, event } satisfies MessagePayload, runAt: now, maxAttempts: 5 },
    now,
    afterCommit,
  );
  if (event === 'cancelled' || settings.reminderHoursBefore === 0) return;
  const runAt = appt.start_at - settings.reminderHoursBefore * HOUR_MS;
  if (runAt <= now) return;
  await enqueue(
    tx,
    { kind: MESSAGE_JOB_KIND, payload: { ...base, event: 'reminder' } satisfies MessagePayload, runAt, maxAttempts: 5 },
    now,
  );
}

/** Whether a message about `event` still makes sense for the appointment as it is now. */
export function stillRelevant(event: MessageEvent, appt: { status: string; start_at: number }, payloadStart: number, now: number): boolean {
  if (event === 'cancelled') return appt.status === 'cancelled';
  if (!MOVABLE.has(appt.status as Status) || appt.start_at !== payloadStart) return false;
  return event !== 'reminder' || now < appt.start_at;
}

/** The end of quiet hours when `now` falls inside them (store-local 'HH:mm' window, may wrap midnight), else null. */
export function quietUntil(now: number, tz: string, quiet: { start: string; end: string }): number | null {
  if (quiet.start === quiet.end) return null;
  const { date, time } = localParts(now, tz);
  const wraps = quiet.start > quiet.end;
  const inside = wraps ? time >= quiet.start || time < quiet.end : time >= quiet.start && time < quiet.end;
  if (!inside) return null;
  const endDate = wraps && time >= quiet.start ? addDays(date, 1) : date;
  return zonedDateTimeToInstant(endDate, quiet.end, tz);
}

type Outgoing = { id: string; channel: 'email' | 'sms'; to: string; subject?: string; text: string };

/** Builds (does not send) what the event should produce right now: notify jobs and deferred SMS jobs. */
async function plan(db: Executor, p: MessagePayload, jobId: string, now: number) {
  const appt = await findAppointment(db, p.appointmentId);
  if (!appt?.client_id || !stillRelevant(p.event, appt, p.startAt, now)) return null;
  const [clients, store, { settings }, consent, lines] = await Promise.all([
    clientSummaries(db, [appt.client_id]),
    loadStore(db, { id: appt.store_id }),
    loadSettings(db, appt.store_id),
    currentConsent(db, appt.client_id),
    linesOf(db, appt.id),
  ]);
  const client = clients.get(appt.client_id);
  if (!client || !store) return null;
  const lang: Language = isLanguage(client.language) ? client.language : 'en';
  const names = await loadNames(db, store.id, lines, [], lang);
  const rendered = renderMessage(p.event, lang, {
    storeName: store.name,
    storePhone: store.phone,
    storeAddress: store.address,
    clientName: client.preferredName || client.firstName,
    when: formatWhen(appt.start_at, store.timeZone, lang),
    services: [...new Set(lines.map((l) => names.services.get(l.service_id)?.name ?? ''))].filter(Boolean),
    staff: [...new Set(lines.map((l) => names.staff.get(l.staff_id)?.displayName ?? ''))].filter(Boolean),
  });
  const wants = (ch: 'email' | 'sms') => !p.channel || p.channel === ch;
  const out: Outgoing[] = [];
  let deferSmsUntil: number | null = null;
  if (wants('email') && client.email && consent.email !== false) {
    out.push({ id: `${jobId}:email`, channel: 'email', to: client.email, subject: rendered.subject, text: rendered.text });
  }
  if (wants('sms') && client.phone && consent.sms !== false) {
    deferSmsUntil = quietUntil(now, store.timeZone, settings.smsQuietHours);
    if (deferSmsUntil === null) out.push({ id: `${jobId}:sms`, channel: 'sms', to: client.phone, text: rendered.sms });
  }
  return { out, deferSmsUntil };
}

/** The `appointments.message` job handler. */
export function messageHandler(deps: Pick<Deps, 'database' | 'clock'>): JobHandler {
  const db: Kysely<DB> = deps.database.db;
  return async (payload, ctx) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`invalid appointments.message payload: ${parsed.error.message}`);
    const p = parsed.data;
    const now = deps.clock.now();
    await withTransaction(db, async ({ tx, afterCommit }) => {
      const planned = await plan(tx, p, ctx.id, now);
      if (!planned) return;
      for (const m of planned.out) {
        const message = outgoingMessageSchema.parse({
          channel: m.channel,
          to: m.to,
          text: m.text,
          ...(m.subject ? { subject: m.subject } : {}),
        });
        await enqueue(tx, { id: m.id, kind: NOTIFY_KIND, payload: message }, now, afterCommit);
      }
      if (planned.deferSmsUntil !== null) {
        await enqueue(
          tx,
          {
            id: `${ctx.id}:sms-later`,
            kind: MESSAGE_JOB_KIND,
            payload: { ...p, channel: 'sms' } satisfies MessagePayload,
            runAt: planned.deferSmsUntil,
            maxAttempts: 5,
          },
          now,
        );
      }
    });
  };
}

/** Job handlers of this module, by kind, for the platform worker. */
export function appointmentJobHandlers(deps: Pick<Deps, 'database' | 'clock'>): Record<string, JobHandler> {
  return { [MESSAGE_JOB_KIND]: messageHandler(deps) };
}
