import type { Executor } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { isLanguage } from '../../platform/i18n.js';
import { ALL_STORES_ROLES, isRole, permissionsOf } from '../../platform/permissions.js';
import { findStaffById, type StaffRow, storeIdsOfStaff } from '../staff/repo.js';
import { listActiveStoreIds } from '../stores/repo.js';

export const SESSION_COOKIE = 'orchid_session';
export const TERMINAL_COOKIE = 'orchid_terminal';

// last_seen_at is refreshed at most once a minute so a busy terminal does not write on every read.
const TOUCH_EVERY_MS = 60_000;

export type NewSession = { token: string; sessionId: string; csrfToken: string };

export async function createSession(
  db: Executor,
  staffId: string,
  meta: { now: number; ip: string | null; userAgent: string | null; terminalId: string | null },
): Promise<NewSession> {
  const token = randomToken(32);
  const sessionId = sha256Hex(token);
  const csrfToken = randomToken(24);
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      staff_id: staffId,
      csrf_token: csrfToken,
      terminal_id: meta.terminalId,
      created_at: meta.now,
      last_seen_at: meta.now,
      revoked_at: null,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, sessionId, csrfToken };
}

export async function revokeSession(db: Executor, sessionId: string, now: number): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

export async function revokeSessionsOfStaff(db: Executor, staffId: string, now: number): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('staff_id', '=', staffId).where('revoked_at', 'is', null).execute();
}

/** Builds the Actor for a staff row: role permissions and the stores they may touch. */
export async function actorFor(
  db: Executor,
  staff: StaffRow,
  via: Actor['via'],
  session: { id: string; csrfToken: string; terminalId: string | null } | null,
): Promise<Actor | null> {
  if (!isRole(staff.role) || staff.active !== 1) return null;
  const allStores = ALL_STORES_ROLES.includes(staff.role);
  const storeIds = allStores ? await listActiveStoreIds(db) : await storeIdsOfStaff(db, staff.id);
  return {
    staffId: staff.id,
    name: staff.display_name,
    role: staff.role,
    language: isLanguage(staff.language) ? staff.language : 'en',
    storeIds,
    allStores,
    permissions: permissionsOf(staff.role),
    via,
    sessionId: session?.id ?? null,
    csrfToken: session?.csrfToken ?? null,
    terminalId: session?.terminalId ?? null,
  };
}

export async function actorFromSessionToken(db: Executor, token: string, now: number, idleMs: number): Promise<Actor | null> {
  const id = sha256Hex(token);
  const session = await db
    .selectFrom('sessions')
    .select(['id', 'staff_id', 'csrf_token', 'terminal_id', 'last_seen_at'])
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!session || now - session.last_seen_at > idleMs) return null;
  const staff = await findStaffById(db, session.staff_id);
  if (!staff) return null;
  if (now - session.last_seen_at > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  return actorFor(db, staff, 'session', { id, csrfToken: session.csrf_token, terminalId: session.terminal_id });
}

export async function actorFromApiToken(db: Executor, token: string, now: number): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'staff_id', 'expires_at', 'last_used_at'])
    .where('token_hash', '=', sha256Hex(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || (row.expires_at !== null && row.expires_at <= now)) return null;
  const staff = await findStaffById(db, row.staff_id);
  if (!staff) return null;
  if (row.last_used_at === null || now - row.last_used_at > TOUCH_EVERY_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return actorFor(db, staff, 'token', null);
}
