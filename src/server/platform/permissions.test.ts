import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rolesTable } from '../../../scripts/roles-table.js';
import { PERMISSIONS, permissionsOf, ROLE_PERMISSIONS, ROLES } from './permissions.js';

describe('permission matrix', () => {
  it('gives the owner every permission', () => {
    expect([...permissionsOf('owner')].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('lets the accountant read but never write', () => {
    const writes = ROLE_PERMISSIONS.accountant.filter((p) => !p.endsWith('.read'));
    expect(writes).toEqual([]);
  });

  it('names only known permissions', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });

  it('is documented in the README exactly as in code', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(rolesTable());
  });
});
