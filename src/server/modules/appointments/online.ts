// Online booking by clients: a one-time code to their phone or email, then a booking that finds or
// creates their client card, and a manage link (token) to see, cancel or move it within the store's policy.
//
// One-time codes: 6 digits, stored as an HMAC (never the code), valid 10 minutes, 5 wrong tries and the
// code is dead; at most 5 codes per destination per hour (plus the route's per-IP limit). A code is
// consumed in the booking's own transaction, so a booking refused (e.g. slot taken) leaves it usable.
//
// Manage token: `<appointment id>.<HMAC(session key, id + nonce)>`. Nothing to look up or leak from the
// database, it can be rebuilt for any message, and changing the appointment's nonce revokes it.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import type { AuditContext } from '../../platform/audit.js';
import { hmacSign, timingSafeEqualStr } from '../../platform/crypto.js';
import { PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { enqueueMessage } from '../../platform/notifications/index.js';
import { hit, retryAfter } from '../../platform/rate-limit.js';
import { countryForCurrency, findDuplicates, insertClient, normalizeEmail, normalizePhone } from '../clients/index.js';
import { AppointmentErrors } from './errors.js';
import type { StoreInfo } from './planner.js';
import type { AppointmentRow } from './repo.js';
import { renderOtp } from './templates.js';

const OTP_TTL_MS = 10 * 60_000;
const OTP_MAX_TRIES = 5;
const OTP_PER_DESTINATION = { limit: 5, windowMs: 60 * 60_000 };

export type Contact = { channel: 'sms' | 'email'; destination: string };

/** The phone (E.164, read in the store's country) or email the client typed, normalised. */
export function contactOf(store: StoreInfo, input: { phone?: string | undefined; email?: string | undefined }): Contact {
  if (input.phone) return { channel: 'sms', destination: normalizePhone(input.phone, countryForCurrency(store.currency)) };
  if (input.email) return { channel: 'email', destination: normalizeEmail(input.email) };
  throw PlatformErrors.validation_failed({ fields: 'phone' }, [{ path: 'phone', message: 'give a phone number or an email address' }]);
}

const codeHash = (key: string, otpId: string, code: string) => hmacSign(key, 'otp', otpId, code);

/** Sends a new code (through the outbox) and returns when it expires. */
export async function sendOtp(
  db: Kysely<DB>,
  secret: string,
  store: StoreInfo,
  contact: Contact,
  lang: Language,
  now: number,
): Promise<{ expiresAt: number }> {
  const key = `booking-otp:${contact.destination}`;
  const wait = await retryAfter(db, key, OTP_PER_DESTINATION, now);
  if (wait > 0) throw PlatformErrors.rate_limited({ seconds: wait });
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = newId();
  const expiresAt = now + OTP_TTL_MS;
  await withTransaction(db, async ({ tx, afterCommit }) => {
    await hit(tx, key, OTP_PER_DESTINATION, now);
    await tx
      .insertInto('booking_otps')
      .values({
        id,
        store_id: store.id,
        channel: contact.channel,
        destination: contact.destination,
        code_hash: codeHash(secret, id, code),
        attempts: 0,
        expires_at: expiresAt,
        consumed_at: null,
        created_at: now,
      })
      .execute();
    const text = renderOtp(lang, code, store.name);
    await enqueueMessage(
      tx,
      {
        channel: contact.channel,
        to: contact.destination,
        ...(contact.channel === 'email' ? { subject: text.subject } : {}),
        text: text.text,
      },
      now,
      afterCommit,
    );
  });
  return { expiresAt };
}

/**
 * Checks a code against the latest one sent to the destination for this store. A wrong code counts a try
 * (committed at once, whatever happens next); the right one is returned for `consumeOtp` in the booking.
 */
export async function verifyOtp(
  db: Kysely<DB>,
  secret: string,
  store: StoreInfo,
  contact: Contact,
  code: string,
  now: number,
): Promise<string> {
  const row = await db
    .selectFrom('booking_otps')
    .selectAll()
    .where('store_id', '=', store.id)
    .where('destination', '=', contact.destination)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  // A consumed code still verifies (a retried booking replays its Idempotency-Key answer); consumeOtp refuses it for a new booking.
  if (!row || row.expires_at <= now) throw AppointmentErrors.otp_expired();
  if (row.attempts >= OTP_MAX_TRIES) throw AppointmentErrors.otp_too_many_attempts();
  if (!timingSafeEqualStr(codeHash(secret, row.id, code), row.code_hash)) {
    const tries = row.attempts + 1;
    await db.updateTable('booking_otps').set({ attempts: tries }).where('id', '=', row.id).execute();
    if (tries >= OTP_MAX_TRIES) throw AppointmentErrors.otp_too_many_attempts();
    throw AppointmentErrors.otp_invalid({ triesLeft: OTP_MAX_TRIES - tries });
  }
  return row.id;
}

export async function consumeOtp(tx: Executor, otpId: string, now: number): Promise<void> {
  const res = await tx
    .updateTable('booking_otps')
    .set({ consumed_at: now })
    .where('id', '=', otpId)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw AppointmentErrors.otp_expired();
}

/** The client with this phone or email, or a new one when the store lets new clients book online. */
export async function findOrCreateClient(
  tx: Executor,
  store: StoreInfo,
  contact: Contact,
  person: { firstName?: string | undefined; lastName?: string | undefined; language: Language },
  newClientsAllowed: boolean,
  ctx: AuditContext,
): Promise<string> {
  const found = await findDuplicates(tx, contact.channel === 'sms' ? { phone: contact.destination } : { email: contact.destination });
  if (found[0]) return found[0].id;
  if (!newClientsAllowed) throw AppointmentErrors.new_clients_not_allowed();
  if (!person.firstName)
    throw PlatformErrors.validation_failed({ fields: 'firstName' }, [{ path: 'firstName', message: 'new clients give their first name' }]);
  const written = await insertClient(
    tx,
    {
      firstName: person.firstName,
      lastName: person.lastName ?? '',
      ...(contact.channel === 'sms' ? { phone: contact.destination } : { email: contact.destination }),
      language: person.language,
      source: 'online',
      homeStoreId: store.id,
    },
    ctx,
    { checkDuplicates: false },
  );
  return written.id;
}

const mac = (secret: string, row: Pick<AppointmentRow, 'id' | 'manage_nonce'>) =>
  hmacSign(secret, 'manage', row.id, row.manage_nonce).slice(0, 32);

export function manageToken(secret: string, row: Pick<AppointmentRow, 'id' | 'manage_nonce'>): string {
  return `${row.id}.${mac(secret, row)}`;
}

/** The appointment a manage token opens, or 404 (a wrong or revoked token looks like no appointment). */
export async function openManageToken(db: Executor, secret: string, token: string): Promise<AppointmentRow> {
  const [id, sig] = token.split('.');
  const row = id && sig ? await db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!row || !timingSafeEqualStr(mac(secret, row), sig ?? '')) throw PlatformErrors.not_found();
  return row;
}

/** Clients change or cancel online only before the store's cancellation window. */
export function changeDeadline(startAt: number, windowHours: number): number {
  return startAt - windowHours * 3_600_000;
}
