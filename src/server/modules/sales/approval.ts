// Manager approval at the terminal: a manager types their PIN on the front desk's screen. Verified
// BEFORE the write's transaction (argon2 takes tens of milliseconds; no lock is held meanwhile), rate
// limited per approver, and the approver must hold the permission and work at the store.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { PlatformErrors } from '../../platform/errors.js';
import { isRole, type Permission, permissionsOf } from '../../platform/permissions.js';
import { hit, retryAfter } from '../../platform/rate-limit.js';
import { verifySecret } from '../auth/index.js';
import { SalesErrors } from './errors.js';
import type { Approval } from './schemas.js';

const WINDOW = { limit: 5, windowMs: 15 * 60_000 };

/** The approving manager's staff id, or throws 403 approval_invalid / 429 rate_limited. */
export async function verifyApproval(
  db: Kysely<DB>,
  approval: Approval,
  storeId: string,
  permission: Permission,
  now: number,
): Promise<string> {
  const key = `sales-approval:${approval.staffId}`;
  const wait = await retryAfter(db, key, WINDOW, now);
  if (wait > 0) throw PlatformErrors.rate_limited({ seconds: wait });
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'role', 'pin_hash', 'active'])
    .where('id', '=', approval.staffId)
    .executeTakeFirst();
  const worksHere =
    staff?.role === 'owner' ||
    (staff
      ? !!(await db
          .selectFrom('staff_stores')
          .select('store_id')
          .where('staff_id', '=', staff.id)
          .where('store_id', '=', storeId)
          .executeTakeFirst())
      : false);
  const allowed =
    !!staff && staff.active === 1 && isRole(staff.role) && permissionsOf(staff.role).has(permission) && worksHere && !!staff.pin_hash;
  const ok = allowed && (await verifySecret(staff.pin_hash!, approval.pin));
  if (!ok) {
    await hit(db, key, WINDOW, now);
    throw SalesErrors.approval_invalid();
  }
  return staff!.id;
}
