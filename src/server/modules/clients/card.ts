import type { Executor } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import type { FieldCipher } from '../../platform/crypto.js';
import { PlatformErrors } from '../../platform/errors.js';
import { toClientDto } from './clients.js';
import { decryptHealth } from './health.js';
import { type ClientRow, currentConsents, customValuesByClient, tagsByClient } from './repo.js';
import { visibleClientsFilter } from './visibility.js';

/** Loads a client the actor may see, or 404 (another store's client looks like no client at all). */
export async function loadVisibleClient(db: Executor, actor: Actor, id: string): Promise<ClientRow> {
  let q = db.selectFrom('clients').selectAll().where('id', '=', id);
  const visible = visibleClientsFilter(actor);
  if (visible) q = q.where(visible);
  const row = await q.executeTakeFirst();
  if (!row) throw PlatformErrors.not_found();
  return row;
}

/**
 * The full card for this actor. With `clients.health` the decrypted `health` is included and the read is
 * audited (`client.health_read`, in the caller's transaction; not when echoing the caller's own write);
 * without it the key is simply absent.
 */
export async function clientCard(
  db: Executor,
  actor: Actor,
  row: ClientRow,
  cipher: FieldCipher,
  ctx: AuditContext,
  opts: { auditHealthRead?: boolean } = {},
) {
  const [tags, custom, consent] = await Promise.all([
    tagsByClient(db, [row.id]),
    customValuesByClient(db, [row.id]),
    currentConsents(db, [row.id]),
  ]);
  let health: ReturnType<typeof decryptHealth> | undefined;
  if (actor.permissions.has('clients.health')) {
    health = decryptHealth(cipher, row.id, row.health);
    if (health && opts.auditHealthRead !== false) {
      await writeAudit(db, ctx, { action: 'client.health_read', entityType: 'client', entityId: row.id, storeId: row.home_store_id });
    }
  }
  return toClientDto(row, {
    tags: tags.get(row.id) ?? [],
    customFields: custom.get(row.id) ?? {},
    consent: consent.get(row.id) ?? { sms: null, email: null },
    ...(health !== undefined ? { health } : {}),
  });
}
