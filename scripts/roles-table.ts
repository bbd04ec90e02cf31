// Prints the role/permission table for the README from the one matrix in code.
// A unit test checks the README still matches it (src/server/platform/permissions.test.ts).
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../src/server/platform/permissions.js';

export function rolesTable(): string {
  const head = `| permission | ${ROLES.join(' | ')} |`;
  const sep = `|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = PERMISSIONS.map((p) => `| \`${p}\` | ${ROLES.map((r) => (ROLE_PERMISSIONS[r].includes(p) ? '✓' : '')).join(' | ')} |`);
  return [head, sep, ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(rolesTable());
