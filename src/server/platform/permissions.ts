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
  'clients.fields',
  'catalog.read',
  'catalog.write',
  'catalog.override',
  'data.export',
  'appointments.read',
  'appointments.write',
  'rosters.write',
  'sales.read',
  'sales.write',
  'sales.refund',
  'sales.void',
  'sales.discount_override',
  'shifts.manage',
  'reports.read',
  'ledgers.read',
  'ledgers.adjust',
  'ledgers.rules',
  'packages.manage',
  'packages.sell',
  'packages.redeem',
  // A technician in the treatment room: a session for an appointment line assigned to herself only.
  'packages.redeem_own',
  'packages.adjust',
  'treatments.read',
  'treatments.write',
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
    'appointments.read',
    'appointments.write',
    'rosters.write',
    'sales.read',
    'sales.write',
    'sales.refund',
    'sales.void',
    'sales.discount_override',
    'shifts.manage',
    'reports.read',
    'ledgers.read',
    'ledgers.adjust',
    'packages.sell',
    'packages.redeem',
    'packages.redeem_own',
    'packages.adjust',
    'treatments.read',
    'treatments.write',
  ],
  front_desk: [
    'stores.read',
    'staff.read',
    'clients.read',
    'clients.write',
    'catalog.read',
    'appointments.read',
    'appointments.write',
    'sales.read',
    'sales.write',
    'shifts.manage',
    'ledgers.read',
    'packages.sell',
    'packages.redeem',
    'packages.redeem_own',
    'treatments.read',
  ],
  technician: [
    'stores.read',
    'staff.read',
    'clients.read',
    'clients.health',
    'catalog.read',
    'appointments.read',
    'packages.redeem_own',
    'treatments.read',
    'treatments.write',
  ],
  accountant: ['stores.read', 'staff.read', 'clients.read', 'catalog.read', 'appointments.read', 'reports.read', 'ledgers.read'],
};

/** Roles that see every store of the business without being assigned to each. */
export const ALL_STORES_ROLES: readonly Role[] = ['owner'];

export const isRole = (v: unknown): v is Role => ROLES.includes(v as Role);

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}
