import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/tables.js';
import { withTransaction } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { clear, hit, retryAfter } from '../../platform/rate-limit.js';
import { findStaffByEmail, findStaffById, storeIdsOfStaff } from '../staff/repo.js';
import { AuthErrors } from './errors.js';
import { dummyVerify, verifySecret } from './passwords.js';
import { createSession, type NewSession, revokeSession } from './sessions.js';

const FIFTEEN_MIN = 15 * 60_000;
// Per IP: generous (a salon shares one IP); per account: tight, against password guessing.
const IP_WINDOW = { limit: 30, windowMs: FIFTEEN_MIN };
const ACCOUNT_WINDOW = { limit: 8, windowMs: FIFTEEN_MIN };
const PIN_TRIES = 5;

type Meta = { ip: string | null; userAgent: string | null; now: number; requestId: string };

async function refuseIfLimited(db: Kysely<DB>, keys: Array<[string, typeof IP_WINDOW]>, now: number) {
  for (const [key, w] of keys) {
    const seconds = await retryAfter(db, key, w, now);
    if (seconds > 0) throw PlatformErrors.rate_limited({ seconds });
  }
}

/** Email + password sign-in. Unknown email and wrong password look the same, in answer and in time. */
export async function login(db: Kysely<DB>, input: { email: string; password: string }, meta: Meta) {
  const email = input.email.trim().toLowerCase();
  const ipKey = `login:ip:${meta.ip ?? '-'}`;
  const accountKey = `login:account:${email}`;
  await refuseIfLimited(
    db,
    [
      [ipKey, IP_WINDOW],
      [accountKey, ACCOUNT_WINDOW],
    ],
    meta.now,
  );

  const staff = await findStaffByEmail(db, email);
  const ok =
    staff?.password_hash && staff.active === 1
      ? await verifySecret(staff.password_hash, input.password)
      : await dummyVerify(input.password);
  if (!staff || !ok) {
    await hit(db, ipKey, IP_WINDOW, meta.now);
    await hit(db, accountKey, ACCOUNT_WINDOW, meta.now);
    throw AuthErrors.invalid_credentials();
  }
  await clear(db, accountKey);
  const session = await withTransaction(db, async ({ tx }) => {
    const s = await createSession(tx, staff.id, { ...meta, terminalId: null });
    await writeAudit(tx, auditCtx(staff.id, meta), { action: 'auth.login', entityType: 'staff', entityId: staff.id });
    return s;
  });
  return { staffId: staff.id, session };
}

export async function logout(db: Kysely<DB>, sessionId: string, now: number): Promise<void> {
  await revokeSession(db, sessionId, now);
}

/**
 * Switches the user of a registered store terminal with a 4–6 digit PIN. Five wrong tries lock
 * that person's PIN for 15 minutes; the counter lives on the staff row so every terminal sees it.
 */
export async function pinSwitch(
  db: Kysely<DB>,
  input: { staffId: string; pin: string; terminal: { id: string; storeId: string }; previousSessionId: string | null },
  meta: Meta,
): Promise<{ staffId: string; session: NewSession }> {
  const staff = await findStaffById(db, input.staffId);
  if (!staff || staff.active !== 1 || !staff.pin_hash) throw AuthErrors.invalid_pin({ remaining: PIN_TRIES });
  const worksHere = staff.role === 'owner' || (await storeIdsOfStaff(db, staff.id)).includes(input.terminal.storeId);
  if (!worksHere) throw AuthErrors.invalid_pin({ remaining: PIN_TRIES });
  // Claim one try atomically before checking the PIN, so guesses sent in parallel share PIN_TRIES tries
  // between them; the try that reaches the limit sets the lock in the same statement. After a lock has
  // run out, counting starts again at 1.
  const claimed = await db
    .updateTable('staff')
    .set({
      pin_failures: sql<number>`case when pin_locked_until is not null then 1 else pin_failures + 1 end`,
      pin_locked_until: sql<
        number | null
      >`case when pin_locked_until is null and pin_failures + 1 >= ${PIN_TRIES} then cast(${meta.now + FIFTEEN_MIN} as bigint) else null end`,
    })
    .where('id', '=', staff.id)
    .where((eb) => eb.or([eb('pin_locked_until', 'is', null), eb('pin_locked_until', '<=', meta.now)]))
    .returning(['pin_failures', 'pin_locked_until'])
    .executeTakeFirst();
  if (!claimed) {
    const until = (await findStaffById(db, staff.id))?.pin_locked_until ?? meta.now + FIFTEEN_MIN;
    throw AuthErrors.pin_locked({ minutes: Math.max(1, Math.ceil((until - meta.now) / 60_000)) });
  }
  const ok = await verifySecret(staff.pin_hash, input.pin);
  if (!ok) {
    if (claimed.pin_locked_until !== null) {
      await writeAudit(db, auditCtx(null, meta), {
        action: 'auth.pin_locked',
        entityType: 'staff',
        entityId: staff.id,
        storeId: input.terminal.storeId,
      });
      throw AuthErrors.pin_locked({ minutes: 15 });
    }
    throw AuthErrors.invalid_pin({ remaining: PIN_TRIES - claimed.pin_failures });
  }
  const session = await withTransaction(db, async ({ tx }) => {
    await tx.updateTable('staff').set({ pin_failures: 0, pin_locked_until: null }).where('id', '=', staff.id).execute();
    if (input.previousSessionId) await revokeSession(tx, input.previousSessionId, meta.now);
    const s = await createSession(tx, staff.id, { ...meta, terminalId: input.terminal.id });
    await writeAudit(tx, auditCtx(staff.id, meta), {
      action: 'auth.pin_switch',
      entityType: 'staff',
      entityId: staff.id,
      storeId: input.terminal.storeId,
    });
    return s;
  });
  return { staffId: staff.id, session };
}

function auditCtx(actorId: string | null, meta: Meta): AuditContext {
  return { actorId, ip: meta.ip, requestId: meta.requestId, now: meta.now };
}
