import type { Database } from './db/database.js';
import type { Clock } from './platform/clock.js';
import type { Notifier } from './platform/notifications/notifier.js';
import type { Secrets } from './platform/secrets.js';

/** Everything the app needs from outside, injected so tests control time, storage and messages. */
export type Deps = {
  database: Database;
  clock: Clock;
  secrets: Secrets;
  notifier: Notifier;
  settings: {
    sessionIdleMinutes: number;
    trustProxy: boolean;
    /** Built web app to serve at `/`; absent in API-only tests. */
    webDir?: string;
    version: string;
    logLevel?: string;
    /** Where treatment photos are stored (`DATA_DIR/photos`); absent: photo uploads answer 503. */
    photoDir?: string;
    /** PUBLIC_URL: base of links in client messages and feed URLs; absent: no links. */
    publicUrl?: string;
    /** MAIL_FROM: the organizer address of calendar invitations. */
    mailFrom?: string;
  };
};
