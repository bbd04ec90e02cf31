// Optional client confirmation of a stored-value payment (business setting `wallet.confirmation: 'otp'`).
// The front desk asks for a code (sent to the client's phone or email through the outbox), the client
// reads it out, the front desk verifies it (5 tries, 10 minutes), and the verified confirmation id goes
// on the stored-value tender. The tender consumes it once; it covers up to the amount it was asked for.
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/tx.js';
import { sha256Hex, timingSafeEqualStr } from '../../platform/crypto.js';
import { isLanguage, type Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { formatMoney, isCurrency } from '../../platform/money.js';
import { enqueueMessage } from '../../platform/notifications/index.js';
import { WalletErrors } from './errors.js';

export const OTP_TTL_MS = 10 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;

const hashCode = (id: string, code: string) => sha256Hex(`${id}:${code}`);

const TEXT: Record<Language, string> = {
  en: '{store}: your code to pay {amount} from your stored value is {code}. It expires in 10 minutes.',
  'zh-CN': '{store}：您使用储值支付 {amount} 的验证码是 {code}，10 分钟内有效。',
  'zh-TW': '{store}：您使用儲值支付 {amount} 的驗證碼是 {code}，10 分鐘內有效。',
};

const mask = (to: string) => (to.includes('@') ? to.replace(/^(.).*(@.*)$/, '$1•••$2') : `•••${to.slice(-4)}`);

export async function requestConfirmation(
  tx: Executor,
  p: { clientId: string; storeId: string; amount: number; channel?: 'sms' | 'email'; actorId: string | null; now: number },
  afterCommit?: (fn: () => void) => void,
) {
  const client = await tx
    .selectFrom('clients')
    .select(['phone', 'email', 'language'])
    .where('id', '=', p.clientId)
    .executeTakeFirstOrThrow();
  const store = await tx.selectFrom('stores').select(['name', 'currency']).where('id', '=', p.storeId).executeTakeFirstOrThrow();
  const channel = p.channel ?? (client.phone ? 'sms' : 'email');
  const to = channel === 'sms' ? client.phone : client.email;
  if (!to) throw WalletErrors.wallet_no_contact();
  const id = newId();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await tx
    .insertInto('wallet_otps')
    .values({
      id,
      client_id: p.clientId,
      store_id: p.storeId,
      amount: p.amount,
      code_hash: hashCode(id, code),
      channel,
      attempts: 0,
      expires_at: p.now + OTP_TTL_MS,
      verified_at: null,
      used_at: null,
      created_by: p.actorId,
      created_at: p.now,
    })
    .execute();
  const lang: Language = isLanguage(client.language) ? client.language : 'en';
  const amount = formatMoney(p.amount, isCurrency(store.currency) ? store.currency : 'USD', lang);
  const text = TEXT[lang].replace('{store}', store.name).replace('{amount}', amount).replace('{code}', code);
  await enqueueMessage(tx, { channel, to, text, ...(channel === 'email' ? { subject: store.name } : {}) }, p.now, afterCommit);
  return { confirmationId: id, channel, sentTo: mask(to), expiresAt: new Date(p.now + OTP_TTL_MS).toISOString() };
}

/** Checks a code in its own transaction (so failed tries count even though nothing else is written). */
export async function verifyConfirmation(tx: Executor, p: { clientId: string; confirmationId: string; code: string; now: number }) {
  const row = await tx
    .selectFrom('wallet_otps')
    .selectAll()
    .where('id', '=', p.confirmationId)
    .where('client_id', '=', p.clientId)
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= p.now || row.attempts >= OTP_MAX_ATTEMPTS) throw WalletErrors.wallet_code_invalid();
  if (!timingSafeEqualStr(row.code_hash, hashCode(row.id, p.code.trim()))) {
    await tx.updateTable('wallet_otps').set({ attempts: sql`attempts + 1` }).where('id', '=', row.id).execute();
    return { ok: false as const, attemptsLeft: Math.max(0, OTP_MAX_ATTEMPTS - row.attempts - 1) };
  }
  await tx.updateTable('wallet_otps').set({ verified_at: p.now }).where('id', '=', row.id).execute();
  return { ok: true as const, amount: row.amount, expiresAt: new Date(row.expires_at).toISOString() };
}

/**
 * Inside the payment: the verified confirmation for this client, not yet used, not expired, covering the
 * amount — consumed by a guarded update, so one confirmation pays once even under concurrency.
 */
export async function consumeConfirmation(
  tx: Executor,
  p: { clientId: string; confirmationId: string | undefined; amount: number; now: number },
) {
  if (!p.confirmationId) throw WalletErrors.wallet_confirmation_required();
  const res = await tx
    .updateTable('wallet_otps')
    .set({ used_at: p.now })
    .where('id', '=', p.confirmationId)
    .where('client_id', '=', p.clientId)
    .where('used_at', 'is', null)
    .where('verified_at', 'is not', null)
    .where('expires_at', '>', p.now)
    .where('amount', '>=', p.amount)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw WalletErrors.wallet_confirmation_required();
}
