import type { Executor } from '../../db/tx.js';
import type { MessageAttachment } from '../../platform/notifications/index.js';

/** Messages kept by the log adapter, newest first (ids are UUIDv7, so id order is creation order). */
export async function listMessages(db: Executor, opts: { limit: number; before?: string }) {
  let q = db
    .selectFrom('messages')
    .select(['id', 'channel', 'recipient', 'subject', 'body', 'attachments', 'created_at'])
    .orderBy('id', 'desc')
    .limit(opts.limit);
  if (opts.before) q = q.where('id', '<', opts.before);
  return q.execute();
}

/** The attachments stored with a message ([] when none or unreadable). */
export function parseAttachments(json: string | null): MessageAttachment[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as MessageAttachment[]) : [];
  } catch {
    return [];
  }
}

export async function findAttachment(db: Executor, messageId: string, index: number): Promise<MessageAttachment | null> {
  const row = await db.selectFrom('messages').select('attachments').where('id', '=', messageId).executeTakeFirst();
  return row ? (parseAttachments(row.attachments)[index] ?? null) : null;
}
