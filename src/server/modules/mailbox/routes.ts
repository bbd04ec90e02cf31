import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { PlatformErrors } from '../../platform/errors.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import { findAttachment, listMessages, parseAttachments } from './repo.js';
import { attachmentParams, type MailboxMessage, mailboxPage, mailboxQuery } from './schemas.js';

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
              attachments: parseAttachments(r.attachments).map((a, i) => ({
                filename: a.filename,
                contentType: a.contentType,
                size: Buffer.byteLength(a.content, 'utf8'),
                url: `/api/v1/dev/mailbox/${encodeURIComponent(r.id)}/attachments/${i}`,
              })),
              at: new Date(r.created_at).toISOString(),
            }),
          ),
          nextCursor: page.nextCursor,
        };
      },
    );

    app.get(
      '/dev/mailbox/:id/attachments/:index',
      {
        config: { access: { permission: 'mailbox.read' } },
        schema: { tags: ['dev'], summary: 'Download an attachment of a recorded message', params: attachmentParams },
      },
      async (request, reply) => {
        const a = await findAttachment(db, request.params.id, request.params.index);
        if (!a) throw PlatformErrors.not_found();
        // Always a download (never rendered here), under the name the message gave it.
        return reply
          .type(a.contentType)
          .header('content-disposition', `attachment; filename="${a.filename.replace(/[^\w.-]/g, '_')}"`)
          .header('x-content-type-options', 'nosniff')
          .send(a.content);
      },
    );
  };
}
