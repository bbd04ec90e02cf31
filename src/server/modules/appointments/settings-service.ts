import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { withTransaction } from '../../db/tx.js';
import { type Actor, assertStore } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { loadSettings } from './repo.js';
import { storeOrFail } from './service.js';
import { type BookingSettings, bookingSettingsSchema } from './settings.js';

export async function getSettings(db: Kysely<DB>, actor: Actor, storeId: string) {
  assertStore(actor, storeId);
  await storeOrFail(db, storeId);
  const { settings, version } = await loadSettings(db, storeId);
  return { storeId, ...settings, version };
}

/** Changes some settings (send the version you read; 0 before the first save). */
export async function putSettings(
  db: Kysely<DB>,
  actor: Actor,
  input: Partial<BookingSettings> & { storeId: string; version: number },
  ctx: AuditContext,
) {
  assertStore(actor, input.storeId);
  const { storeId, version, ...changes } = input;
  return withTransaction(db, async ({ tx }) => {
    await storeOrFail(tx, storeId);
    const current = await loadSettings(tx, storeId);
    if (current.version !== version) throw PlatformErrors.stale_version();
    const next = bookingSettingsSchema.parse({ ...current.settings, ...changes });
    const json = JSON.stringify(next);
    if (version === 0) {
      const res = await tx
        .insertInto('store_booking_settings')
        .values({ store_id: storeId, settings: json, version: 1, updated_by: ctx.actorId, updated_at: ctx.now })
        .onConflict((oc) => oc.column('store_id').doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1) throw PlatformErrors.stale_version();
    } else {
      const res = await tx
        .updateTable('store_booking_settings')
        .set({ settings: json, version: version + 1, updated_by: ctx.actorId, updated_at: ctx.now })
        .where('store_id', '=', storeId)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
    }
    await writeAudit(tx, ctx, {
      action: 'booking_settings.update',
      entityType: 'store',
      entityId: storeId,
      storeId,
      before: current.settings,
      after: next,
    });
    return { storeId, ...next, version: version + 1 };
  });
}
