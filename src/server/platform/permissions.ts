// The permission matrix: the one place that says who may do what. Routes name a permission;
// store scoping (which stores a person works at) is checked separately on every store-bound route.
export const ROLES = ['owner', 'manager', 'front_desk', 'technician', 'accountant'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'business.manage',
  'stores.read',
  'stores.write',
  'staff.read',
  'staff.write',
  'staff.roles',
  'audit.read',
  'tokens.manage',
  'terminals.manage',
  'mailbox.read',
  'clients.read',
  'clients.write',
  'clients.health',
  'clients.merge',
  'clients.import',
  'clients.export',
  'catalog.read',
  'catalog.write',
  'catalog.override',
  'data.export',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const all = PERMISSIONS.filter(() => true);

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: all,
  manager: [
    'stores.read',
    'stores.write',
    'staff.read',
    'staff.write',
    'audit.read',
    'terminals.manage',
    'clients.read',
    'clients.write',
    'clients.health',
    'clients.merge',
    'clients.import',
    'clients.export',
    'catalog.read',
    'catalog.override',
  ],
  front_desk: ['stores.read', 'staff.read', 'clients.read', 'clients.write', 'catalog.read'],
  technician: ['stores.read', 'staff.read', 'clients.read', 'clients.health', 'catalog.read'],
  accountant: ['stores.read', 'staff.read', 'clients.read', 'catalog.read'],
};

/** Roles that see every store of the business without being assigned to each. */
export const ALL_STORES_ROLES: readonly Role[] = ['owner'];

export const isRole = (v: unknown): v is Role => ROLES.includes(v as Role);

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}
