import { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import { enqueue } from '../jobs/enqueue.js';
import { type JobHandler, PermanentJobError } from '../jobs/worker.js';
import { UndeliverableMessageError } from './errors.js';
import type { Notifier, OutgoingMessage } from './notifier.js';

/** Job kind that delivers one OutgoingMessage through the configured notifier. */
export const NOTIFY_KIND = 'notify.send';

export const outgoingMessageSchema = z.strictObject({
  channel: z.enum(['email', 'sms']),
  to: z.string().trim().min(1).max(320),
  subject: z.string().max(998).optional(),
  text: z.string().min(1).max(100_000),
  html: z.string().max(500_000).optional(),
  attachments: z
    .array(
      z.strictObject({
        // A plain file name: no path, no quotes or control characters to smuggle into a MIME header.
        filename: z
          .string()
          .min(1)
          .max(100)
          .refine((f) => !/[\\/"]/.test(f) && [...f].every((c) => c.charCodeAt(0) >= 32), 'a plain file name'),
        contentType: z
          .string()
          .regex(/^[\w.+-]+\/[\w.+-]+(;\s*[\w.-]+=[\w.-]+)*$/)
          .max(200),
        content: z.string().max(1_000_000),
      }),
    )
    .max(5)
    .optional(),
});

/**
 * Sends a message the outbox way: the job row is written with the caller's executor (usually the
 * transaction that made the change), so nothing is sent for a rolled-back write. Pass `afterCommit`
 * to have the worker deliver right after the commit instead of at its next poll.
 */
export async function enqueueMessage(
  executor: Executor,
  message: OutgoingMessage,
  now: number,
  afterCommit?: (fn: () => void) => void,
): Promise<string> {
  const payload: OutgoingMessage = outgoingMessageSchema.parse(message);
  return enqueue(executor, { kind: NOTIFY_KIND, payload }, now, afterCommit);
}

/** The `notify.send` handler: a bad payload or an undeliverable message fails at once, anything else retries. */
export function notifyHandler(notifier: Notifier): JobHandler {
  return async (payload) => {
    const parsed = outgoingMessageSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`invalid message payload: ${parsed.error.message}`);
    try {
      await notifier.send(parsed.data);
    } catch (err) {
      if (err instanceof UndeliverableMessageError) throw new PermanentJobError(err.message);
      throw err;
    }
  };
}
