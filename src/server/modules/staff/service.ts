import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { AuthErrors, hashSecret, isAcceptablePassword, revokeSessionsOfStaff } from '../auth/index.js';
import { StaffErrors } from './errors.js';
import { findStaffByEmail, findStaffById, setStaffStores, storeIdsOfStaff } from './repo.js';
import type { StaffCreate, StaffUpdate } from './schemas.js';
import { mayAssignRole, storeChangeWithinReach, storesWithinReach, toStaffDto } from './staff.js';

async function assertStoresExist(db: Executor, storeIds: readonly string[]) {
  if (storeIds.length === 0) return;
  const found = await db.selectFrom('stores').select('id').where('id', 'in', storeIds).execute();
  if (found.length !== new Set(storeIds).size) throw StaffErrors.unknown_store();
}

async function passwordHash(password: string | undefined): Promise<string | null> {
  if (password === undefined) return null;
  if (!isAcceptablePassword(password)) throw AuthErrors.weak_password();
  return hashSecret(password);
}

// Everyone but an owner works somewhere: without a store they could see and do nothing, and no manager would see them.
function assertHasStore(role: StaffCreate['role'], storeIds: readonly string[]) {
  if (role !== 'owner' && storeIds.length === 0) {
    throw PlatformErrors.validation_failed({ fields: 'storeIds' }, [{ path: 'storeIds', message: 'choose at least one store' }]);
  }
}

function guardReach(actor: Actor, role: StaffCreate['role'], storeIds: readonly string[], currentRole?: StaffCreate['role']) {
  if (!mayAssignRole(actor, role, currentRole)) throw PlatformErrors.forbidden({ permission: 'staff.roles' });
  if (!storesWithinReach(actor, storeIds)) throw PlatformErrors.store_forbidden();
}

/** Inserts a staff member in the caller's transaction (used by setup and demo too). Hashes are computed by the caller. */
export async function insertStaff(
  tx: Executor,
  input: Omit<StaffCreate, 'password' | 'pin'> & { passwordHash: string | null; pinHash: string | null },
  ctx: AuditContext,
) {
  const email = input.email.trim().toLowerCase();
  if (await findStaffByEmail(tx, email)) throw StaffErrors.email_taken();
  await assertStoresExist(tx, input.storeIds);
  const row = {
    id: newId(),
    name: input.name,
    display_name: input.displayName ?? input.name.split(/\s+/)[0] ?? input.name,
    email,
    phone: input.phone ?? null,
    role: input.role,
    language: input.language,
    password_hash: input.passwordHash,
    pin_hash: input.pinHash,
    pin_failures: 0,
    pin_locked_until: null,
    active: 1 as const,
    version: 1,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await tx.insertInto('staff').values(row).execute();
  await setStaffStores(tx, row.id, input.storeIds);
  const dto = toStaffDto(row, [...input.storeIds]);
  await writeAudit(tx, ctx, {
    action: 'staff.create',
    entityType: 'staff',
    entityId: row.id,
    storeId: input.storeIds[0] ?? null,
    after: dto,
  });
  return dto;
}

export async function createStaff(db: Kysely<DB>, actor: Actor, input: StaffCreate, ctx: AuditContext) {
  assertHasStore(input.role, input.storeIds);
  guardReach(actor, input.role, input.storeIds);
  const [pwHash, pinHash] = await Promise.all([passwordHash(input.password), input.pin ? hashSecret(input.pin) : null]);
  return withTransaction(db, ({ tx }) => insertStaff(tx, { ...input, passwordHash: pwHash, pinHash }, ctx));
}

export async function updateStaff(db: Kysely<DB>, actor: Actor, id: string, input: StaffUpdate, ctx: AuditContext) {
  const pwHash = await passwordHash(input.password);
  return withTransaction(db, async ({ tx }) => {
    const current = await loadVisible(tx, actor, id);
    const currentStores = await storeIdsOfStaff(tx, id);
    const role = input.role ?? (current.role as StaffCreate['role']);
    assertHasStore(role, input.storeIds ?? currentStores);
    guardReach(actor, role, [], current.role as StaffCreate['role']);
    // A manager may move people between their own stores, never in or out of a store they do not work at.
    if (input.storeIds && !storeChangeWithinReach(actor, currentStores, input.storeIds)) throw PlatformErrors.store_forbidden();
    if (input.email && input.email.toLowerCase() !== current.email) {
      if (await findStaffByEmail(tx, input.email)) throw StaffErrors.email_taken();
    }
    if (current.role === 'owner' && role !== 'owner') await assertAnotherOwner(tx, id);
    const res = await tx
      .updateTable('staff')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.email !== undefined ? { email: input.email.toLowerCase() } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(pwHash ? { password_hash: pwHash } : {}),
        version: input.version + 1,
        updated_at: ctx.now,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw PlatformErrors.stale_version();
    if (input.storeIds) {
      await assertStoresExist(tx, input.storeIds);
      await setStaffStores(tx, id, input.storeIds);
    }
    // A new password or a change of role ends the person's other sessions.
    if (pwHash || (input.role && input.role !== current.role)) await revokeSessionsOfStaff(tx, id, ctx.now);
    const updated = toStaffDto((await findStaffById(tx, id))!, input.storeIds ?? currentStores);
    const permissionsChanged =
      updated.role !== current.role ||
      (input.storeIds !== undefined && [...new Set(input.storeIds)].sort().join() !== [...currentStores].sort().join());
    await writeAudit(tx, ctx, {
      action: permissionsChanged ? 'staff.permissions_change' : 'staff.update',
      entityType: 'staff',
      entityId: id,
      // Filed under the person's store so the managers of that store see it in their audit log.
      storeId: updated.storeIds[0] ?? currentStores[0] ?? null,
      before: toStaffDto(current, currentStores),
      after: updated,
    });
    return updated;
  });
}

export async function archiveStaff(db: Kysely<DB>, actor: Actor, id: string, ctx: AuditContext) {
  return withTransaction(db, async ({ tx }) => {
    const current = await loadVisible(tx, actor, id);
    guardReach(actor, current.role as StaffCreate['role'], [], current.role as StaffCreate['role']);
    if (current.role === 'owner') await assertAnotherOwner(tx, id);
    await tx
      .updateTable('staff')
      .set({ active: 0, version: current.version + 1, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    await revokeSessionsOfStaff(tx, id, ctx.now);
    const stores = await storeIdsOfStaff(tx, id);
    await writeAudit(tx, ctx, { action: 'staff.archive', entityType: 'staff', entityId: id, storeId: stores[0] ?? null });
    return toStaffDto((await findStaffById(tx, id))!, stores);
  });
}

export async function setPin(db: Kysely<DB>, actor: Actor, id: string, pin: string, ctx: AuditContext) {
  const pinHash = await hashSecret(pin);
  return withTransaction(db, async ({ tx }) => {
    const current = await loadVisible(tx, actor, id);
    if (id !== actor.staffId) guardReach(actor, current.role as StaffCreate['role'], [], current.role as StaffCreate['role']);
    await tx
      .updateTable('staff')
      .set({ pin_hash: pinHash, pin_failures: 0, pin_locked_until: null, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    const stores = await storeIdsOfStaff(tx, id);
    await writeAudit(tx, ctx, { action: 'staff.pin_set', entityType: 'staff', entityId: id, storeId: stores[0] ?? null });
  });
}

/** Loads a staff member the actor may see: owners see all; others only people who share a store. */
export async function loadVisible(db: Executor, actor: Actor, id: string) {
  const row = await findStaffById(db, id);
  if (!row) throw PlatformErrors.not_found();
  if (actor.allStores || id === actor.staffId) return row;
  const theirs = await storeIdsOfStaff(db, id);
  if (row.role === 'owner' || theirs.some((s) => actor.storeIds.includes(s))) return row;
  throw PlatformErrors.not_found();
}

async function assertAnotherOwner(db: Executor, exceptId: string) {
  const other = await db
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'owner')
    .where('active', '=', 1)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  if (!other) throw StaffErrors.last_owner();
}
