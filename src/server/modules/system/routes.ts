import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Deps } from '../../deps.js';

export function systemRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      { config: { access: { public: true } }, schema: { tags: ['system'], summary: 'Liveness and database check' } },
      async () => {
        await sql`select 1`.execute(deps.database.db);
        return { status: 'ok', database: deps.database.dialect, version: deps.settings.version };
      },
    );
  };
}
