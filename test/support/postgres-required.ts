import pg from 'pg';
import { ADMIN_URL } from './db.js';

/** The PostgreSQL half of the suite must run: an unreachable server fails `npm test` loudly. */
export default async function postgresRequired(): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${(err as Error).message}).\n` +
        'Start it (e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set TEST_PG_URL.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}
