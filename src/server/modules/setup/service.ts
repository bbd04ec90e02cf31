import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/tables.js';
import { withTransaction } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { AuthErrors, createSession, hashSecret, isAcceptablePassword } from '../auth/index.js';
import { insertStaff } from '../staff/index.js';
import { insertStore } from '../stores/index.js';
import { SetupErrors } from './errors.js';
import type { setupBody } from './schemas.js';

export type SetupInput = z.infer<typeof setupBody>;

export async function isSetUp(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('business').select('id').executeTakeFirst()) !== undefined;
}

/**
 * First run: business, first store and owner in one transaction. Two racing setups cannot both win:
 * the business table admits a single row (a unique constraint), so the loser gets already_set_up.
 */
export async function runSetup(
  db: Kysely<DB>,
  input: SetupInput,
  ctx: AuditContext,
  meta: { ip: string | null; userAgent: string | null },
) {
  if (await isSetUp(db)) throw SetupErrors.already_set_up();
  if (!isAcceptablePassword(input.owner.password)) throw AuthErrors.weak_password();
  const passwordHash = await hashSecret(input.owner.password);
  try {
    return await withTransaction(db, async ({ tx }) => {
      const businessId = newId();
      await tx
        .insertInto('business')
        .values({
          id: businessId,
          name: input.business.name,
          currency: input.business.currency,
          language: input.business.language,
          settings: '{}',
          created_at: ctx.now,
        })
        .execute();
      const store = await insertStore(tx, { ...input.store, currency: input.business.currency }, input.business.currency, ctx);
      const owner = await insertStaff(
        tx,
        {
          name: input.owner.name,
          email: input.owner.email,
          role: 'owner',
          storeIds: [store.id],
          language: input.business.language,
          passwordHash,
          pinHash: null,
        },
        ctx,
      );
      await writeAudit(
        tx,
        { ...ctx, actorId: owner.id },
        { action: 'business.setup', entityType: 'business', entityId: businessId, after: input.business },
      );
      const session = await createSession(tx, owner.id, { now: ctx.now, terminalId: null, ...meta });
      return { ownerId: owner.id, session };
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (await isSetUp(db)) throw SetupErrors.already_set_up();
    throw err;
  }
}
