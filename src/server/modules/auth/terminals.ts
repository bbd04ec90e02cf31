import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { withTransaction } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { newId } from '../../platform/ids.js';

export type Terminal = { id: string; name: string; storeId: string };

/** Registers a browser as a shared front-desk terminal of one store; the token goes into a cookie. */
export async function registerTerminal(db: Kysely<DB>, input: { storeId: string; name: string }, ctx: AuditContext) {
  const token = randomToken(32);
  const terminal: Terminal = { id: newId(), name: input.name, storeId: input.storeId };
  await withTransaction(db, async ({ tx }) => {
    await tx
      .insertInto('terminals')
      .values({
        id: terminal.id,
        store_id: terminal.storeId,
        name: terminal.name,
        token_hash: sha256Hex(token),
        created_by: ctx.actorId ?? '',
        created_at: ctx.now,
        revoked_at: null,
      })
      .execute();
    await writeAudit(tx, ctx, {
      action: 'terminal.register',
      entityType: 'terminal',
      entityId: terminal.id,
      storeId: terminal.storeId,
      after: terminal,
    });
  });
  return { terminal, token };
}

export async function terminalFromToken(db: Executor, token: string): Promise<Terminal | null> {
  const row = await db
    .selectFrom('terminals')
    .select(['id', 'name', 'store_id'])
    .where('token_hash', '=', sha256Hex(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, storeId: row.store_id } : null;
}

export async function terminalById(db: Executor, id: string): Promise<Terminal | null> {
  const row = await db.selectFrom('terminals').select(['id', 'name', 'store_id']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, name: row.name, storeId: row.store_id } : null;
}

/** Staff who can unlock this terminal with a PIN: active, with a PIN, working at its store (or owners). */
export async function pinStaffOfStore(db: Executor, storeId: string) {
  return db
    .selectFrom('staff')
    .select(['staff.id', 'staff.display_name', 'staff.role'])
    .where('staff.active', '=', 1)
    .where('staff.pin_hash', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('staff.role', '=', 'owner'),
        eb.exists(
          eb
            .selectFrom('staff_stores')
            .select('staff_id')
            .whereRef('staff_stores.staff_id', '=', 'staff.id')
            .where('staff_stores.store_id', '=', storeId),
        ),
      ]),
    )
    .orderBy('staff.display_name')
    .execute();
}
