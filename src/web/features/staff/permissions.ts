import { useTranslation } from 'react-i18next';

/** Groups "staff.read", "staff.write", "stores.write"… by the part before the dot. */
export function groupPermissions(permissions: readonly string[]): { name: string; permissions: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const permission of permissions) {
    const name = permission.split('.')[0] ?? permission;
    groups.set(name, [...(groups.get(name) ?? []), permission]);
  }
  return [...groups].map(([name, list]) => ({ name, permissions: list }));
}

/**
 * Friendly names for permissions and their groups. The server may add permissions this build does
 * not know yet: those show their code, which is still accurate.
 */
export function usePermissionLabel() {
  const { t, i18n } = useTranslation();
  const lookup = (key: string, fallback: string) => {
    const k = key.replace(/\./g, '_');
    return i18n.exists(`permissions.${k}`) ? String(t(`permissions.${k}` as 'permissions.staff_read')) : fallback;
  };
  return {
    permission: (permission: string) => lookup(permission, permission),
    group: (name: string) =>
      i18n.exists(`permissionGroups.${name}`) ? String(t(`permissionGroups.${name}` as 'permissionGroups.staff')) : name,
  };
}
