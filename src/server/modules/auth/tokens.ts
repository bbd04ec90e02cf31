import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { withTransaction } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';

// A recognisable prefix lets secret scanners spot a leaked Orchid token.
const PREFIX = 'orc_';

export async function createApiToken(db: Kysely<DB>, input: { name: string; expiresAt: number | null }, ctx: AuditContext) {
  const token = PREFIX + randomToken(32);
  const id = newId();
  await withTransaction(db, async ({ tx }) => {
    await tx
      .insertInto('api_tokens')
      .values({
        id,
        staff_id: ctx.actorId ?? '',
        name: input.name,
        token_hash: sha256Hex(token),
        created_at: ctx.now,
        expires_at: input.expiresAt,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await writeAudit(tx, ctx, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: id,
      after: { name: input.name, expiresAt: input.expiresAt },
    });
  });
  return { id, name: input.name, token };
}

export const listApiTokens = (db: Kysely<DB>, staffId: string) =>
  db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'expires_at', 'last_used_at'])
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .execute();

export async function revokeApiToken(db: Kysely<DB>, id: string, ctx: AuditContext): Promise<void> {
  await withTransaction(db, async ({ tx }) => {
    const res = await tx
      .updateTable('api_tokens')
      .set({ revoked_at: ctx.now })
      .where('id', '=', id)
      .where('staff_id', '=', ctx.actorId ?? '')
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.not_found();
    await writeAudit(tx, ctx, { action: 'api_token.revoke', entityType: 'api_token', entityId: id });
  });
}
