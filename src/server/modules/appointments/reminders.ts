// Client messages about appointments, the outbox way. Booking, moving and cancelling enqueue an
// `appointments.message` job in their own transaction (nothing is sent for a rolled-back change); the
// reminder job is due N hours before the start. The handler decides at send time:
// - it re-reads the appointment: a reminder or confirmation for a cancelled appointment, or for a start
//   that has since moved, is dropped (the move enqueued its own messages);
// - channels: email to the client's address, SMS to their phone, unless the client's latest consent
//   answer for that channel is "no". These are transactional messages about a booking the client made
//   with that number or address, so no answer at all counts as yes; an opt-out always wins;
// - quiet hours: an SMS due between 21:00 and 08:00 store time (store setting) waits until 08:00 — as a
//   new job, so every check runs again then;
// - frequency cap: one reminder per client and store-local day and channel, naming the day's first
//   upcoming appointment (two visits that day → one reminder); and at most `smsPerClientPerDay` texts
//   about bookings, changes and reminders in any 24 h. Cancellations always go. What went out is logged
//   (client_message_log) in the same transaction, so the cap holds across restarts;
// - emails carry the event as an iCalendar part (REQUEST; CANCEL for a cancellation, same UID, higher
//   SEQUENCE), and messages about a live booking carry the client's manage link when PUBLIC_URL is set;
// - it writes `notify.send` jobs with fixed ids, so a handler that runs twice (at-least-once) sends once.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { isLanguage, type Language } from '../../platform/i18n.js';
import { enqueue, enqueueAll, type JobHandler, type JobSpec, PermanentJobError } from '../../platform/jobs/index.js';
import {
  countSent,
  logSent,
  type MessageAttachment,
  NOTIFY_KIND,
  outgoingMessageSchema,
  quietUntil,
  type SentMessage,
  sentAbout,
} from '../../platform/notifications/index.js';
import { dayRange } from '../../platform/zoned-time.js';
import { loadNames } from './dto.js';
import { buildIcs, icsContentType } from './ics.js';
import { manageToken } from './online.js';
import { loadStore, type StoreInfo } from './planner.js';
import { type AppointmentRow, clientSummaries, currentConsent, findAppointment, linesOf, loadSettings } from './repo.js';
import type { BookingSettings } from './settings.js';
import { MOVABLE, type Status } from './status.js';
import { formatWhen, MESSAGE_EVENTS, type MessageEvent, renderMessage } from './templates.js';
import { localParts } from './time.js';

export { quietUntil };

export const MESSAGE_JOB_KIND = 'appointments.message';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Log kinds: `appointment.<event>`. The SMS cap counts every kind but cancellations. */
const logKind = (event: MessageEvent) => `appointment.${event}`;
const CAPPED_KINDS = MESSAGE_EVENTS.filter((e) => e !== 'cancelled').map(logKind);

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
  await enqueueAll(tx, messageJobs(appt, event, settings, now), now, afterCommit);
}

/** The message jobs scheduleMessages enqueues (a booking on PostgreSQL writes them in its own statement). */
export function messageJobs(
  appt: { id: string; client_id: string | null; start_at: number },
  event: Exclude<MessageEvent, 'reminder'>,
  settings: BookingSettings,
  now: number,
): JobSpec[] {
  if (!appt.client_id) return [];
  const base = { appointmentId: appt.id, startAt: appt.start_at };
  const jobs: JobSpec[] = [{ kind: MESSAGE_JOB_KIND, payload: { ...base, event } satisfies MessagePayload, runAt: now, maxAttempts: 5 }];
  const runAt = appt.start_at - settings.reminderHoursBefore * HOUR_MS;
  if (event !== 'cancelled' && settings.reminderHoursBefore !== 0 && runAt > now)
    jobs.push({ kind: MESSAGE_JOB_KIND, payload: { ...base, event: 'reminder' } satisfies MessagePayload, runAt, maxAttempts: 5 });
  return jobs;
}

/** Whether a message about `event` still makes sense for the appointment as it is now. */
export function stillRelevant(event: MessageEvent, appt: { status: string; start_at: number }, payloadStart: number, now: number): boolean {
  if (event === 'cancelled') return appt.status === 'cancelled';
  if (!MOVABLE.has(appt.status as Status) || appt.start_at !== payloadStart) return false;
  return event !== 'reminder' || now < appt.start_at;
}

type Channel = 'email' | 'sms';

/**
 * The reminder rule for one client, store and store-local day: the reminder names the day's first
 * upcoming live appointment, and goes once per channel. A logged reminder counts only while the
 * appointment it named is still live that day (one cancelled or moved away leaves the day unreminded).
 */
async function reminderOfDay(db: Executor, appt: AppointmentRow, store: StoreInfo, now: number) {
  const day = localParts(appt.start_at, store.timeZone).date;
  const { start, end } = dayRange(day, store.timeZone);
  const live = await db
    .selectFrom('appointments')
    .selectAll()
    .where('client_id', '=', appt.client_id)
    .where('store_id', '=', store.id)
    .where('status', 'in', [...MOVABLE])
    .where('start_at', '>=', Math.max(start, now + 1))
    .where('start_at', '<', end)
    .orderBy('start_at')
    .orderBy('id')
    .execute();
  const liveIds = new Set(live.map((a) => a.id));
  const logged = await sentAbout(db, { clientId: appt.client_id!, kind: logKind('reminder'), storeId: store.id, localDate: day });
  const done = new Set(logged.filter((r) => r.ref && liveIds.has(r.ref)).map((r) => r.channel as Channel));
  return { first: live[0] ?? appt, done };
}

/** The address in `Name <address>` (or the bare address); null when there is none. */
export function mailAddress(from: string | undefined): string | null {
  const m = from?.match(/<([^<>\s]+@[^<>\s]+)>/) ?? from?.match(/^\s*([^<>\s]+@[^<>\s]+)\s*$/);
  return m?.[1] ?? null;
}

type Env = { secret: string; publicUrl?: string | undefined; mailFrom?: string | undefined };
type Outgoing = { id: string; channel: Channel; to: string; subject?: string; text: string; attachments?: MessageAttachment[] };

/** Builds (does not send) what the event should produce right now: notify jobs, deferred SMS and log rows. */
async function plan(db: Executor, p: MessagePayload, jobId: string, now: number, env: Env) {
  const appt = await findAppointment(db, p.appointmentId);
  if (!appt?.client_id || !stillRelevant(p.event, appt, p.startAt, now)) return null;
  const clientId = appt.client_id;
  const [clients, store, { settings }, consent] = await Promise.all([
    clientSummaries(db, [clientId]),
    loadStore(db, { id: appt.store_id }),
    loadSettings(db, appt.store_id),
    currentConsent(db, clientId),
  ]);
  const client = clients.get(clientId);
  if (!client || !store) return null;

  const channels = new Set<Channel>();
  if ((!p.channel || p.channel === 'email') && client.email && consent.email !== false) channels.add('email');
  if ((!p.channel || p.channel === 'sms') && client.phone && consent.sms !== false) channels.add('sms');

  // What the message is about: the appointment itself, or for a reminder the day's first one.
  let subject: AppointmentRow = appt;
  if (p.event === 'reminder') {
    const day = await reminderOfDay(db, appt, store, now);
    subject = day.first;
    for (const ch of day.done) channels.delete(ch);
  }
  let deferSmsUntil: number | null = null;
  if (channels.has('sms')) {
    deferSmsUntil = quietUntil(now, store.timeZone, settings.smsQuietHours);
    if (deferSmsUntil !== null) channels.delete('sms');
    else if (p.event !== 'cancelled') {
      const texts = await countSent(db, { clientId, channel: 'sms', kinds: CAPPED_KINDS, since: now - DAY_MS });
      if (texts >= settings.smsPerClientPerDay) channels.delete('sms');
    }
  }
  if (!channels.size) return { out: [], deferSmsUntil, log: [] };

  const lang: Language = isLanguage(client.language) ? client.language : 'en';
  const lines = await linesOf(db, subject.id);
  const names = await loadNames(db, store.id, lines, [], lang);
  const services = [...new Set(lines.map((l) => names.services.get(l.service_id)?.name ?? ''))].filter(Boolean);
  const staff = [...new Set(lines.map((l) => names.staff.get(l.staff_id)?.displayName ?? ''))].filter(Boolean);
  const manageUrl = env.publicUrl ? `${env.publicUrl}/book/manage/${encodeURIComponent(manageToken(env.secret, subject))}` : null;
  const clientName = client.preferredName || client.firstName;
  const rendered = renderMessage(p.event, lang, {
    storeName: store.name,
    storePhone: store.phone,
    storeAddress: store.address,
    clientName,
    when: formatWhen(subject.start_at, store.timeZone, lang),
    services,
    staff,
    manageUrl,
  });

  const out: Outgoing[] = [];
  if (channels.has('email') && client.email) {
    const method = p.event === 'cancelled' ? 'CANCEL' : 'REQUEST';
    const organizer = mailAddress(env.mailFrom);
    const ics = buildIcs(
      {
        uid: subject.id,
        start: subject.start_at,
        end: subject.end_at,
        stamp: now,
        // The version rises with every change, cancellation included: the newest message wins in the calendar.
        sequence: subject.version,
        summary: `${store.name}: ${services.join(lang === 'en' ? ', ' : '、')}`,
        location: store.address,
        description: lines
          .map((l) => {
            const staffName = names.staff.get(l.staff_id)?.displayName;
            return `${names.services.get(l.service_id)?.name ?? ''}${staffName ? ` (${staffName})` : ''}`;
          })
          .join('\n'),
        url: p.event === 'cancelled' ? null : manageUrl,
        cancelled: p.event === 'cancelled',
      },
      {
        method,
        organizer: organizer ? { name: store.name, email: organizer } : null,
        attendee: { name: clientName, email: client.email },
      },
    );
    out.push({
      id: `${jobId}:email`,
      channel: 'email',
      to: client.email,
      subject: rendered.subject,
      text: rendered.text,
      attachments: [{ filename: p.event === 'cancelled' ? 'cancel.ics' : 'invite.ics', contentType: icsContentType(method), content: ics }],
    });
  }
  if (channels.has('sms') && client.phone) out.push({ id: `${jobId}:sms`, channel: 'sms', to: client.phone, text: rendered.sms });

  const localDate = localParts(subject.start_at, store.timeZone).date;
  const log: SentMessage[] = out.map((m) => ({
    id: m.id,
    clientId,
    storeId: store.id,
    kind: logKind(p.event),
    ref: subject.id,
    channel: m.channel,
    localDate,
    at: now,
  }));
  return { out, deferSmsUntil, log };
}

/** The `appointments.message` job handler. */
export function messageHandler(deps: Pick<Deps, 'database' | 'clock' | 'secrets' | 'settings'>): JobHandler {
  const db: Kysely<DB> = deps.database.db;
  return async (payload, ctx) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`invalid appointments.message payload: ${parsed.error.message}`);
    const p = parsed.data;
    const now = deps.clock.now();
    // Read per run, not captured: configuration is fixed in production, tests change it between runs.
    const env: Env = { secret: deps.secrets.sessionKey, publicUrl: deps.settings.publicUrl, mailFrom: deps.settings.mailFrom };
    await withTransaction(db, async ({ tx, afterCommit }) => {
      const planned = await plan(tx, p, ctx.id, now, env);
      if (!planned) return;
      for (const m of planned.out) {
        const message = outgoingMessageSchema.parse({
          channel: m.channel,
          to: m.to,
          text: m.text,
          ...(m.subject ? { subject: m.subject } : {}),
          ...(m.attachments ? { attachments: m.attachments } : {}),
        });
        await enqueue(tx, { id: m.id, kind: NOTIFY_KIND, payload: message }, now, afterCommit);
      }
      await logSent(tx, planned.log);
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
export function appointmentJobHandlers(deps: Pick<Deps, 'database' | 'clock' | 'secrets' | 'settings'>): Record<string, JobHandler> {
  return { [MESSAGE_JOB_KIND]: messageHandler(deps) };
}
