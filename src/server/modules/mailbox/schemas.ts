import { z } from 'zod';
import { pageQuery } from '../../platform/pagination.js';

export const mailboxQuery = z.object({ ...pageQuery });

export const mailboxMessage = z.object({
  id: z.string(),
  channel: z.enum(['email', 'sms']),
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  at: z.string(),
});

export const mailboxPage = z.object({ data: z.array(mailboxMessage), nextCursor: z.string().nullable() });
export type MailboxMessage = z.infer<typeof mailboxMessage>;
