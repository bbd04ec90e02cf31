// The client portal's sign-in: a one-time code to the phone or email on her card, then a session token.
// The appointments module's booking codes are consumed by a booking and give no session, so the portal
// keeps its own: 6 digits stored as an HMAC, valid 10 minutes, 5 wrong tries and the code is dead, at most
// 5 codes per destination per hour (plus the route's per-IP limit). Asking for a code never tells whether a
// client exists (202 either way). The session token (30 days) is stored as a SHA-256 only.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import { hmacSign, randomToken, sha256Hex, timingSafeEqualStr } from '../../platform/crypto.js';
import { PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { enqueueMessage } from '../../platform/notifications/index.js';
import { hit, retryAfter } from '../../platform/rate-limit.js';
import { countryForCurrency, normalizeEmail, normalizePhone } from '../clients/index.js';
import { TreatmentErrors } from './errors.js';

const CODE_TTL_MS = 10 * 60_000;
const MAX_TRIES = 5;
const PER_DESTINATION = { limit: 5, windowMs: 60 * 60_000 };
export const PORTAL_SESSION_MS = 30 * 86_400_000;
export const PORTAL_COOKIE = 'orchid_portal';

export type Contact = { channel: 'sms' | 'email'; destination: string };

export async function contactOf(db: Kysely<DB>, input: { phone?: string | undefined; email?: string | undefined }): Promise<Contact> {
  if (input.phone) {
    const business = await db.selectFrom('business').select('currency').executeTakeFirst();
    return { channel: 'sms', destination: normalizePhone(input.phone, countryForCurrency(business?.currency === 'CAD' ? 'CAD' : 'USD')) };
  }
  if (input.email) return { channel: 'email', destination: normalizeEmail(input.email) };
  throw PlatformErrors.validation_failed({ fields: 'phone' }, [{ path: 'phone', message: 'give a phone number or an email address' }]);
}

const codeHash = (key: string, id: string, code: string) => hmacSign(key, 'portal', id, code);

async function clientFor(db: Executor, c: Contact) {
  return db
    .selectFrom('clients')
    .select(['id', 'first_name', 'preferred_name', 'language'])
    .where(c.channel === 'sms' ? 'phone' : 'email', '=', c.destination)
    .where('archived', '=', 0)
    .where('merged_into_id', 'is', null)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
}

const TEXT: Record<Language, (code: string) => { subject: string; text: string }> = {
  en: (code) => ({
    subject: `Your sign-in code: ${code}`,
    text: `Your code to see your treatment history is ${code}. It expires in 10 minutes. If you did not ask for it, ignore this message.`,
  }),
  'zh-CN': (code) => ({
    subject: `您的登录验证码：${code}`,
    text: `您查看护理记录的验证码为 ${code}，10 分钟内有效。如非本人操作，请忽略此消息。`,
  }),
  'zh-TW': (code) => ({
    subject: `您的登入驗證碼：${code}`,
    text: `您查看護理紀錄的驗證碼為 ${code}，10 分鐘內有效。如非本人操作，請忽略此訊息。`,
  }),
};

/** Sends a code when a client has this phone or email; answers the same either way. */
export async function sendPortalCode(
  db: Kysely<DB>,
  secret: string,
  c: Contact,
  lang: Language | undefined,
  now: number,
): Promise<{ expiresAt: number }> {
  const key = `portal-code:${c.destination}`;
  const wait = await retryAfter(db, key, PER_DESTINATION, now);
  if (wait > 0) throw PlatformErrors.rate_limited({ seconds: wait });
  const expiresAt = now + CODE_TTL_MS;
  await withTransaction(db, async ({ tx, afterCommit }) => {
    await hit(tx, key, PER_DESTINATION, now);
    const client = await clientFor(tx, c);
    if (!client) return;
    const id = newId();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await tx
      .insertInto('portal_codes')
      .values({
        id,
        client_id: client.id,
        channel: c.channel,
        destination: c.destination,
        code_hash: codeHash(secret, id, code),
        attempts: 0,
        expires_at: expiresAt,
        consumed_at: null,
        created_at: now,
      })
      .execute();
    const text = TEXT[lang ?? (client.language as Language) ?? 'en'](code);
    await enqueueMessage(
      tx,
      { channel: c.channel, to: c.destination, ...(c.channel === 'email' ? { subject: text.subject } : {}), text: text.text },
      now,
      afterCommit,
    );
  });
  return { expiresAt };
}

/** Checks the latest code for the destination; the right one is consumed and opens a session. */
export async function openPortalSession(
  db: Kysely<DB>,
  secret: string,
  c: Contact,
  code: string,
  now: number,
): Promise<{ token: string; clientId: string; firstName: string; expiresAt: number }> {
  const row = await db
    .selectFrom('portal_codes')
    .selectAll()
    .where('destination', '=', c.destination)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row || row.expires_at <= now || row.consumed_at !== null) throw TreatmentErrors.portal_code_expired();
  if (row.attempts >= MAX_TRIES) throw TreatmentErrors.portal_code_expired();
  if (!timingSafeEqualStr(codeHash(secret, row.id, code), row.code_hash)) {
    const tries = row.attempts + 1;
    await db.updateTable('portal_codes').set({ attempts: tries }).where('id', '=', row.id).execute();
    if (tries >= MAX_TRIES) throw TreatmentErrors.portal_code_expired();
    throw TreatmentErrors.portal_code_invalid({ triesLeft: MAX_TRIES - tries });
  }
  const token = randomToken(32);
  const expiresAt = now + PORTAL_SESSION_MS;
  await withTransaction(db, async ({ tx }) => {
    const res = await tx
      .updateTable('portal_codes')
      .set({ consumed_at: now })
      .where('id', '=', row.id)
      .where('consumed_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw TreatmentErrors.portal_code_expired();
    await tx
      .insertInto('portal_sessions')
      .values({
        id: newId(),
        token_hash: sha256Hex(token),
        client_id: row.client_id,
        created_at: now,
        expires_at: expiresAt,
        revoked_at: null,
      })
      .execute();
  });
  const client = await db
    .selectFrom('clients')
    .select(['first_name', 'preferred_name'])
    .where('id', '=', row.client_id)
    .executeTakeFirstOrThrow();
  return { token, clientId: row.client_id, firstName: client.preferred_name || client.first_name, expiresAt };
}

/** The signed-in client of a portal token (following a merge to the kept card), or 401. */
export async function portalClient(
  db: Kysely<DB>,
  token: string | undefined,
  now: number,
): Promise<{ clientId: string; sessionId: string }> {
  if (!token) throw TreatmentErrors.portal_signin_required();
  const s = await db
    .selectFrom('portal_sessions')
    .select(['id', 'client_id', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!s || s.revoked_at !== null || s.expires_at <= now) throw TreatmentErrors.portal_signin_required();
  let clientId = s.client_id;
  for (let hop = 0; hop < 10; hop++) {
    const c = await db.selectFrom('clients').select(['merged_into_id', 'archived']).where('id', '=', clientId).executeTakeFirst();
    if (!c || c.archived) throw TreatmentErrors.portal_signin_required();
    if (!c.merged_into_id) break;
    clientId = c.merged_into_id;
  }
  return { clientId, sessionId: s.id };
}

export async function revokePortalSession(db: Kysely<DB>, sessionId: string, now: number): Promise<void> {
  await db.updateTable('portal_sessions').set({ revoked_at: now }).where('id', '=', sessionId).execute();
}
