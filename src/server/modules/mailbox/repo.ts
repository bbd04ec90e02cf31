import type { Executor } from '../../db/tx.js';

/** Messages kept by the log adapter, newest first (ids are UUIDv7, so id order is creation order). */
export async function listMessages(db: Executor, opts: { limit: number; before?: string }) {
  let q = db
    .selectFrom('messages')
    .select(['id', 'channel', 'recipient', 'subject', 'body', 'created_at'])
    .orderBy('id', 'desc')
    .limit(opts.limit);
  if (opts.before) q = q.where('id', '<', opts.before);
  return q.execute();
}
