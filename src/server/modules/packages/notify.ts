// Messages to clients about their packages and treatments (expiry notices, next-session reminders,
// recommendations): in the client's language, through the outbox, recorded once per (kind, ref) in
// `package_notices` so a job that runs twice sends once.
//
// Consent: a factual message about her own package or course (expiry, next session) goes unless her latest
// answer for the channel is "no" (no answer counts as yes, an opt-out always wins); a recommendation is
// marketing, so it needs an explicit "yes" for the channel (TCPA / CASL).
import type { Executor } from '../../db/tx.js';
import { isLanguage, type Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { enqueueMessage } from '../../platform/notifications/index.js';

export type MessageText = { subject: string; body: string };
export type Channel = 'sms' | 'email';

export type ClientContact = {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  language: Language;
  homeStoreId: string;
};

export async function clientContact(db: Executor, clientId: string): Promise<ClientContact | null> {
  const c = await db
    .selectFrom('clients')
    .select(['id', 'first_name', 'preferred_name', 'phone', 'email', 'language', 'home_store_id', 'archived', 'merged_into_id'])
    .where('id', '=', clientId)
    .executeTakeFirst();
  if (!c || c.archived || c.merged_into_id) return null;
  return {
    id: c.id,
    name: c.preferred_name || c.first_name,
    phone: c.phone,
    email: c.email,
    language: isLanguage(c.language) ? c.language : 'en',
    homeStoreId: c.home_store_id,
  };
}

/** The latest consent answer per channel (true / false), or undefined when she never answered. */
async function consents(db: Executor, clientId: string): Promise<Map<string, boolean>> {
  const rows = await db
    .selectFrom('client_consents')
    .select(['channel', 'granted'])
    .where('client_id', '=', clientId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const out = new Map<string, boolean>();
  for (const r of rows) if (!out.has(r.channel)) out.set(r.channel, r.granted === 1);
  return out;
}

/**
 * Sends one notice to a client on the first allowed channel of `channels` (in order), once per (kind, ref).
 * Returns the channels used, or null when nothing was sent (already sent, no address, no consent).
 */
export async function notifyClient(
  tx: Executor,
  p: {
    clientId: string;
    kind: string;
    refId: string;
    channels: readonly Channel[];
    marketing: boolean;
    text: (lang: Language, c: ClientContact) => MessageText;
    now: number;
    afterCommit?: ((fn: () => void) => void) | undefined;
  },
): Promise<Channel[] | null> {
  const sent = await tx
    .selectFrom('package_notices')
    .select('id')
    .where('kind', '=', p.kind)
    .where('ref_id', '=', p.refId)
    .executeTakeFirst();
  if (sent) return null;
  const client = await clientContact(tx, p.clientId);
  if (!client) return null;
  const answers = await consents(tx, p.clientId);
  const allowed = (ch: Channel) => (p.marketing ? answers.get(ch) === true : answers.get(ch) !== false);
  const text = p.text(client.language, client);
  const channel = p.channels.find((ch) => allowed(ch) && (ch === 'email' ? !!client.email : !!client.phone));
  if (!channel) return null;
  // Claim the notice first: a concurrent run that claimed it sends, this one sends nothing.
  const res = await tx
    .insertInto('package_notices')
    .values({ id: newId(), kind: p.kind, ref_id: p.refId, client_id: p.clientId, channels: JSON.stringify([channel]), created_at: p.now })
    .onConflict((oc) => oc.columns(['kind', 'ref_id']).doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0n) !== 1) return null;
  if (channel === 'email')
    await enqueueMessage(tx, { channel: 'email', to: client.email!, subject: text.subject, text: text.body }, p.now, p.afterCommit);
  else await enqueueMessage(tx, { channel: 'sms', to: client.phone!, text: text.body }, p.now, p.afterCommit);
  return [channel];
}

/** "{name}" style placeholders. */
export const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
