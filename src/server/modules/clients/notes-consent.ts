import type { Executor } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { ClientErrors } from './errors.js';
import { type ClientRow, consentHistory, insertConsent } from './repo.js';
import type { ConsentChannel } from './schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();

// ---- notes timeline (newest first)

export async function addNote(tx: Executor, actor: Actor, client: ClientRow, body: string, ctx: AuditContext) {
  if (client.merged_into_id) throw ClientErrors.client_merged({ mergedIntoId: client.merged_into_id });
  const row = {
    id: newId(),
    client_id: client.id,
    author_id: actor.staffId,
    store_id: actor.storeIds.includes(client.home_store_id) ? client.home_store_id : (actor.storeIds[0] ?? null),
    body,
    created_at: ctx.now,
  };
  await tx.insertInto('client_notes').values(row).execute();
  await writeAudit(tx, ctx, {
    action: 'client.note_add',
    entityType: 'client',
    entityId: client.id,
    storeId: client.home_store_id,
    after: { noteId: row.id },
  });
  return { id: row.id, body, authorId: actor.staffId, authorName: actor.name, storeId: row.store_id, createdAt: iso(row.created_at) };
}

export async function listNotes(db: Executor, clientId: string, limit: number, cursor?: string) {
  const before = decodeCursor(cursor);
  let q = db
    .selectFrom('client_notes')
    .leftJoin('staff', 'staff.id', 'client_notes.author_id')
    .select([
      'client_notes.id',
      'client_notes.body',
      'client_notes.author_id',
      'staff.name as author_name',
      'client_notes.store_id',
      'client_notes.created_at',
    ])
    .where('client_notes.client_id', '=', clientId)
    .orderBy('client_notes.id', 'desc')
    .limit(limit + 1);
  if (before) q = q.where('client_notes.id', '<', before);
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  return {
    data: page.map((r) => ({
      id: r.id,
      body: r.body,
      authorId: r.author_id,
      authorName: r.author_name,
      storeId: r.store_id,
      createdAt: iso(r.created_at),
    })),
    nextCursor: rows.length > limit && page.length ? encodeCursor(page.at(-1)!.id) : null,
  };
}

// ---- marketing consent: an append-only history; the current state is the latest entry

/**
 * Records a consent answer. Opting out needs only access to the client (any staff member can honour
 * "stop texting me"); opting in needs clients.write.
 */
export async function recordConsent(
  tx: Executor,
  actor: Actor,
  client: ClientRow,
  input: { channel: ConsentChannel; granted: boolean; source: string; wordingVersion?: string | undefined },
  ctx: AuditContext,
) {
  if (input.granted && !actor.permissions.has('clients.write')) throw PlatformErrors.forbidden({ permission: 'clients.write' });
  if (client.merged_into_id) throw ClientErrors.client_merged({ mergedIntoId: client.merged_into_id });
  const entry = { channel: input.channel, granted: input.granted, source: input.source, wordingVersion: input.wordingVersion ?? null };
  await insertConsent(tx, { clientId: client.id, ...entry, at: ctx.now, actorId: actor.staffId, now: ctx.now });
  await writeAudit(tx, ctx, {
    action: 'client.consent',
    entityType: 'client',
    entityId: client.id,
    storeId: client.home_store_id,
    after: entry,
  });
  return consentView(tx, client.id);
}

export async function consentView(db: Executor, clientId: string) {
  const history = await consentHistory(db, clientId);
  const current = (channel: ConsentChannel) => {
    const latest = history.find((h) => h.channel === channel);
    return latest
      ? { granted: latest.granted === 1, at: iso(latest.at), source: latest.source, wordingVersion: latest.wording_version }
      : null;
  };
  return {
    sms: current('sms'),
    email: current('email'),
    history: history.map((h) => ({
      id: h.id,
      channel: h.channel,
      granted: h.granted === 1,
      at: iso(h.at),
      source: h.source,
      wordingVersion: h.wording_version,
      actorId: h.actor_id,
    })),
  };
}

// ---- tags

export async function listTags(db: Executor) {
  const rows = await db
    .selectFrom('tags')
    .leftJoin('client_tags', 'client_tags.tag_id', 'tags.id')
    .select(['tags.id', 'tags.name', (eb) => eb.fn.count<number>('client_tags.client_id').as('clientCount')])
    .groupBy(['tags.id', 'tags.name', 'tags.name_key'])
    .orderBy('tags.name_key')
    .execute();
  return { data: rows.map((r) => ({ id: r.id, name: r.name, clientCount: Number(r.clientCount) })), nextCursor: null };
}

// ---- archive / restore

export async function setArchived(tx: Executor, client: ClientRow, archived: boolean, version: number | undefined, ctx: AuditContext) {
  if (client.merged_into_id) throw ClientErrors.client_merged({ mergedIntoId: client.merged_into_id });
  if (version !== undefined && version !== client.version) throw PlatformErrors.stale_version();
  const res = await tx
    .updateTable('clients')
    .set({ archived: archived ? 1 : 0, version: client.version + 1, updated_at: ctx.now })
    .where('id', '=', client.id)
    .where('version', '=', client.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
  await writeAudit(tx, ctx, {
    action: archived ? 'client.archive' : 'client.restore',
    entityType: 'client',
    entityId: client.id,
    storeId: client.home_store_id,
    before: { archived: client.archived === 1 },
    after: { archived },
  });
}
