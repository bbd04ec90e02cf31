import type { Kysely } from 'kysely';

// Appointment messages: attachments kept by the dev mailbox, a log of client messages sent (the frequency
// cap reads it, so it holds across restarts) and private calendar feeds of staff members.
// Instants bigint epoch ms; JSON as text; calendar dates YYYY-MM-DD text (store-local).
export async function up(db: Kysely<unknown>): Promise<void> {
  // JSON [{ filename, contentType, content }] of a message the log adapter recorded; null: none.
  await db.schema.alterTable('messages').addColumn('attachments', 'text').execute();

  // One row per client message and channel that went out (written in the transaction that enqueued it).
  await db.schema
    .createTable('client_message_log')
    // The id of the notify job: a handler that runs twice logs once.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('store_id', 'text', (c) => c.references('stores.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // e.g. appointment.booked | appointment.reminder
    .addColumn('ref', 'text') // what the message was about (an appointment id)
    .addColumn('channel', 'text', (c) => c.notNull()) // email | sms
    .addColumn('local_date', 'text') // the store-local day the message was about, where that matters
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('client_message_log_recent_idx')
    .on('client_message_log')
    .columns(['client_id', 'channel', 'created_at'])
    .execute();
  await db.schema.createIndex('client_message_log_day_idx').on('client_message_log').columns(['client_id', 'kind', 'local_date']).execute();

  // A staff member's private iCal feed: the URL's token is an HMAC over the staff id and this nonce, so
  // nothing secret is stored and a new nonce (rotation) kills the old URL.
  await db.schema
    .createTable('staff_calendar_feeds')
    .addColumn('staff_id', 'text', (c) => c.primaryKey().references('staff.id'))
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('rotated_at', 'bigint')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Orchid migrations are forward-only; restore a backup to go back.');
}
