import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import { listMessages } from './repo.js';
import { type MailboxMessage, mailboxPage, mailboxQuery } from './schemas.js';

export function mailboxRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    app.get(
      '/dev/mailbox',
      {
        config: { access: { permission: 'mailbox.read' } },
        schema: {
          tags: ['dev'],
          summary: 'Messages the log adapter recorded instead of sending (newest first)',
          querystring: mailboxQuery,
          response: { 200: mailboxPage },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const rows = await listMessages(db, { limit: limit + 1, before: decodeCursor(cursor) });
        const page = toPage(rows, limit, (r) => r.id);
        return {
          data: page.data.map(
            (r): MailboxMessage => ({
              id: r.id,
              channel: r.channel === 'sms' ? 'sms' : 'email',
              to: r.recipient,
              subject: r.subject,
              body: r.body,
              at: new Date(r.created_at).toISOString(),
            }),
          ),
          nextCursor: page.nextCursor,
        };
      },
    );
  };
}
