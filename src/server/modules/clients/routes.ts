import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { type Actor, assertCan, assertStore, auditContext, requireActor } from '../../http/actor.js';
import { createFieldCipher } from '../../platform/crypto.js';
import { PlatformErrors } from '../../platform/errors.js';
import { pageQuery } from '../../platform/pagination.js';
import { clientCard, loadVisibleClient } from './card.js';
import { insertClient } from './insert.js';
import { addNote, consentView, listNotes, listTags, recordConsent, setArchived } from './notes-consent.js';
import { adminRoutes } from './routes-admin.js';
import { archiveBody, type ClientCreate, clientCreate, clientUpdate, consentBody, idParams, listQuery, noteBody } from './schemas.js';
import { searchClients } from './search.js';
import { updateClient } from './service.js';

// Clients belong to the whole business: one card across all stores. Anyone with clients.read searches the
// clients they may see — the owner all of them; other staff the clients of the stores they work at (home
// store, plus stores linked by later modules' visits: see visibility.ts). Another store's client is 404.

const tags = ['clients'];

/** The store a new client belongs to: the one named (must be one of the actor's), else the actor's first. */
function homeStoreFor(actor: Actor, requested: string | undefined): string {
  const storeId = requested ?? actor.storeIds[0];
  if (!storeId) throw PlatformErrors.store_forbidden();
  assertStore(actor, storeId);
  return storeId;
}

function consentsOf(body: ClientCreate, now: number) {
  const c = body.consent;
  if (!c) return [];
  return (['sms', 'email'] as const)
    .filter((channel) => c[channel] !== undefined)
    .map((channel) => ({
      channel,
      granted: c[channel]!,
      at: now,
      source: c.source ?? 'front_desk',
      wordingVersion: c.wordingVersion ?? null,
    }));
}

export function clientRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const reads = deps.database.reads ?? db;
  const cipher = createFieldCipher(deps.secrets.fieldKey);
  const ctx = (request: FastifyRequest) => auditContext(request, deps.clock.now());
  return async (app) => {
    await app.register(adminRoutes(deps, cipher));

    app.get(
      '/clients',
      {
        config: { access: { permission: 'clients.read' } },
        schema: { tags, summary: 'Search or list clients (q: name, pinyin, initials, phone digits, email)', querystring: listQuery },
      },
      async (request) => {
        const actor = requireActor(request);
        const { q, storeId, tag, includeArchived, limit, cursor } = request.query;
        if (storeId) assertStore(actor, storeId);
        // Off the event loop on SQLite (see sqlite-readers.ts): a search is the heaviest read of the front desk.
        return searchClients(reads, actor, { q, storeId, tag, includeArchived: includeArchived === 'true', limit, cursor });
      },
    );

    app.post(
      '/clients',
      { config: { access: { permission: 'clients.write' } }, schema: { tags, summary: 'Add a client', body: clientCreate } },
      async (request, reply) => {
        const actor = requireActor(request);
        const body = request.body;
        if (body.health != null) assertCan(actor, 'clients.health');
        const homeStoreId = homeStoreFor(actor, body.homeStoreId);
        const c = ctx(request);
        const card = await withTransaction(db, async ({ tx }) => {
          const { consent: _consent, homeStoreId: _h, ...rest } = body;
          const written = await insertClient(tx, { ...rest, homeStoreId, consents: consentsOf(body, c.now) }, c, { cipher });
          return clientCard(tx, actor, await loadVisibleClient(tx, actor, written.id), cipher, c, { auditHealthRead: false });
        });
        return reply.status(201).send(card);
      },
    );

    app.get(
      '/clients/:id',
      { config: { access: { permission: 'clients.read' } }, schema: { tags, summary: 'One client card', params: idParams } },
      async (request) => {
        const actor = requireActor(request);
        return withTransaction(db, async ({ tx }) =>
          clientCard(tx, actor, await loadVisibleClient(tx, actor, request.params.id), cipher, ctx(request)),
        );
      },
    );

    app.patch(
      '/clients/:id',
      {
        config: { access: { permission: 'clients.write' } },
        schema: { tags, summary: 'Edit a client (send its version)', params: idParams, body: clientUpdate },
      },
      async (request) => {
        const actor = requireActor(request);
        if (request.body.health !== undefined) assertCan(actor, 'clients.health');
        if (request.body.homeStoreId) assertStore(actor, request.body.homeStoreId);
        const c = ctx(request);
        return withTransaction(db, async ({ tx }) => {
          await loadVisibleClient(tx, actor, request.params.id);
          await updateClient(tx, request.params.id, request.body, c, { cipher });
          // Moved to a store the actor does not work at: the card is no longer theirs to see.
          const row = await tx.selectFrom('clients').selectAll().where('id', '=', request.params.id).executeTakeFirstOrThrow();
          return clientCard(tx, actor, row, cipher, c, { auditHealthRead: false });
        });
      },
    );

    for (const [path, archived] of [
      ['/clients/:id/archive', true],
      ['/clients/:id/restore', false],
    ] as const) {
      app.post(
        path,
        {
          config: { access: { permission: 'clients.write' } },
          schema: {
            tags,
            summary: archived ? 'Archive a client (never deleted)' : 'Restore an archived client',
            params: idParams,
            body: archiveBody,
          },
        },
        async (request) => {
          const actor = requireActor(request);
          const c = ctx(request);
          return withTransaction(db, async ({ tx }) => {
            const row = await loadVisibleClient(tx, actor, request.params.id);
            await setArchived(tx, row, archived, request.body?.version, c);
            return clientCard(tx, actor, await loadVisibleClient(tx, actor, row.id), cipher, c, { auditHealthRead: false });
          });
        },
      );
    }

    app.get(
      '/clients/:id/notes',
      {
        config: { access: { permission: 'clients.read' } },
        schema: { tags, summary: 'Notes timeline, newest first', params: idParams, querystring: z.object(pageQuery) },
      },
      async (request) => {
        const row = await loadVisibleClient(db, requireActor(request), request.params.id);
        return listNotes(db, row.id, request.query.limit, request.query.cursor);
      },
    );

    app.post(
      '/clients/:id/notes',
      {
        config: { access: { permission: 'clients.write' } },
        schema: { tags, summary: 'Add a note to the timeline', params: idParams, body: noteBody },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const note = await withTransaction(db, async ({ tx }) =>
          addNote(tx, actor, await loadVisibleClient(tx, actor, request.params.id), request.body.body, ctx(request)),
        );
        return reply.status(201).send(note);
      },
    );

    app.get(
      '/clients/:id/consent',
      {
        config: { access: { permission: 'clients.read' } },
        schema: { tags, summary: 'Marketing consent: current state and full history', params: idParams },
      },
      async (request) => consentView(db, (await loadVisibleClient(db, requireActor(request), request.params.id)).id),
    );

    app.post(
      '/clients/:id/consent',
      {
        config: { access: { permission: 'clients.read' } },
        schema: { tags, summary: 'Record a consent answer (opting out needs no write permission)', params: idParams, body: consentBody },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const view = await withTransaction(db, async ({ tx }) =>
          recordConsent(tx, actor, await loadVisibleClient(tx, actor, request.params.id), request.body, ctx(request)),
        );
        return reply.status(201).send(view);
      },
    );

    app.get(
      '/tags',
      { config: { access: { permission: 'clients.read' } }, schema: { tags, summary: 'Client tags with how many clients have each' } },
      async () => listTags(db),
    );
  };
}
