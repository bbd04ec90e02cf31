import { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';

// Business-wide package and treatment settings: one JSON row, versioned (a stale PUT is 409), changed by HQ
// (`packages.manage`) and audited. Missing keys take the defaults, so a business that never opened the
// settings screen gets sensible behaviour.

const cents = z.number().int().min(0).max(100_000_000);

export const packageSettings = z.strictObject({
  /** Fee kept on a package refund: a percent (basis points) of what comes back plus a fixed amount. */
  refundFee: z
    .strictObject({ percentBp: z.number().int().min(0).max(10_000).default(0), fixed: cents.default(0) })
    .default({ percentBp: 0, fixed: 0 }),
  /** A refund on the day of purchase, before any session was used, keeps no fee. */
  sameDayRefundFree: z.boolean().default(true),
  expiryNotices: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Days before the expiry when the client is reminded (unused sessions only). */
      days: z.array(z.number().int().min(1).max(365)).max(4).default([30, 7]),
    })
    .default({ enabled: true, days: [30, 7] }),
  nextSession: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Remind this many days before the recommended date when nothing is booked. */
      leadDays: z.number().int().min(0).max(30).default(2),
      channels: z
        .array(z.enum(['sms', 'email']))
        .min(1)
        .max(2)
        .default(['sms', 'email']),
    })
    .default({ enabled: true, leadDays: 2, channels: ['sms', 'email'] }),
  /**
   * The online booking link put in reminders; `{store}` is replaced with the store's slug. Null: messages
   * ask the client to call the store instead.
   */
  bookingUrl: z.url().max(300).nullable().default(null),
});
export type PackageSettings = z.infer<typeof packageSettings>;

export const DEFAULT_PACKAGE_SETTINGS: PackageSettings = packageSettings.parse({});

const ROW_ID = 'business';

export async function loadPackageSettings(db: Executor): Promise<{ settings: PackageSettings; version: number }> {
  const row = await db.selectFrom('package_settings').select(['settings', 'version']).where('id', '=', ROW_ID).executeTakeFirst();
  if (!row) return { settings: DEFAULT_PACKAGE_SETTINGS, version: 0 };
  const parsed = packageSettings.safeParse(JSON.parse(row.settings));
  return { settings: parsed.success ? parsed.data : DEFAULT_PACKAGE_SETTINGS, version: row.version };
}

/** Writes the whole settings document with optimistic concurrency; `version` 0 means "none saved yet". */
export async function savePackageSettings(tx: Executor, next: PackageSettings, version: number, ctx: AuditContext) {
  const { settings: before, version: current } = await loadPackageSettings(tx);
  if (version !== current) throw PlatformErrors.stale_version();
  const json = JSON.stringify(next);
  if (current === 0) {
    const res = await tx
      .insertInto('package_settings')
      .values({ id: ROW_ID, settings: json, version: 1, updated_by: ctx.actorId, updated_at: ctx.now })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0n) !== 1) throw PlatformErrors.stale_version();
  } else {
    const res = await tx
      .updateTable('package_settings')
      .set({ settings: json, version: current + 1, updated_by: ctx.actorId, updated_at: ctx.now })
      .where('id', '=', ROW_ID)
      .where('version', '=', current)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
  }
  await writeAudit(tx, ctx, { action: 'packages.settings.update', entityType: 'package_settings', entityId: ROW_ID, before, after: next });
  return { settings: next, version: current + 1 };
}

/** The booking link for a store, or null when the business has none. */
export function bookingLink(settings: PackageSettings, storeSlug: string): string | null {
  return settings.bookingUrl ? settings.bookingUrl.replaceAll('{store}', encodeURIComponent(storeSlug)) : null;
}
