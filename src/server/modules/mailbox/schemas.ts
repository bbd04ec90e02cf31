import { z } from 'zod';
import { pageQuery } from '../../platform/pagination.js';

export const mailboxQuery = z.object({ ...pageQuery });

export const mailboxAttachment = z.object({
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** Where to download it (same sign-in as the mailbox). */
  url: z.string(),
});

export const mailboxMessage = z.object({
  id: z.string(),
  channel: z.enum(['email', 'sms']),
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  attachments: z.array(mailboxAttachment),
  at: z.string(),
});

export const mailboxPage = z.object({ data: z.array(mailboxMessage), nextCursor: z.string().nullable() });
export type MailboxMessage = z.infer<typeof mailboxMessage>;

export const attachmentParams = z.object({ id: z.string().min(1).max(100), index: z.coerce.number().int().min(0).max(20) });
