import type { Actor } from '../../http/actor.js';
import type { Role } from '../../platform/permissions.js';
import type { StaffRow } from './repo.js';

export function toStaffDto(row: StaffRow, storeIds: string[]) {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    role: row.role as Role,
    storeIds,
    language: row.language,
    hasPin: row.pin_hash !== null,
    active: row.active === 1,
    version: row.version,
  };
}
export type StaffDto = ReturnType<typeof toStaffDto>;

// Owners and managers hold the keys; only someone with staff.roles may hand them out or take them away.
const PRIVILEGED: readonly Role[] = ['owner', 'manager'];

/** May this actor give `role` to someone, or change someone who currently has `currentRole`? */
export function mayAssignRole(actor: Actor, role: Role, currentRole?: Role): boolean {
  if (actor.permissions.has('staff.roles')) return true;
  return !PRIVILEGED.includes(role) && (currentRole === undefined || !PRIVILEGED.includes(currentRole));
}

/** Every store named must be one the actor works at. */
export function storesWithinReach(actor: Actor, storeIds: readonly string[]): boolean {
  return actor.allStores ? true : storeIds.every((id) => actor.storeIds.includes(id));
}

/** A change of someone's stores: every store added or removed must be one the actor works at. */
export function storeChangeWithinReach(actor: Actor, before: readonly string[], after: readonly string[]): boolean {
  const changed = [...after.filter((id) => !before.includes(id)), ...before.filter((id) => !after.includes(id))];
  return storesWithinReach(actor, changed);
}
