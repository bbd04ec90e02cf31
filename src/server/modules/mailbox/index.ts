export { mailboxRoutes } from './routes.js';
export type { MailboxMessage } from './schemas.js';
