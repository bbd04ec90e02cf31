import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../components/Table.js';
import { Guard } from '../shell/Guard.js';
import { rolesQuery } from './api.js';
import { groupPermissions, usePermissionLabel } from './permissions.js';
import { StaffHeader } from './StaffHeader.js';

export function RolesPage() {
  return (
    <Guard allow="staff.read">
      <RoleMatrix />
    </Guard>
  );
}

/** The permission matrix: one row per permission, one column per role, a check where it applies. */
function RoleMatrix() {
  const { t } = useTranslation();
  const matrix = useQuery(rolesQuery);
  const label = usePermissionLabel();
  return (
    <div data-testid="roles-page">
      <StaffHeader />
      <p className="mb-4 text-sm text-zinc-500">{t('staff.matrix.intro')}</p>
      {matrix.isPending ? (
        <Loading label={t('common.loading')} />
      ) : matrix.isError ? (
        <ProblemAlert error={matrix.error} />
      ) : (
        <Table data-testid="roles-matrix">
          <THead>
            <tr>
              <Th className="sticky left-0 bg-zinc-50">{t('staff.matrix.permission')}</Th>
              {matrix.data.roles.map((r) => (
                <Th key={r.role} className="text-center">
                  {t(`roles.${r.role}`)}
                </Th>
              ))}
            </tr>
          </THead>
          <tbody>
            {groupPermissions(matrix.data.permissions).map((group) => (
              <PermissionGroup key={group.name} group={group} roles={matrix.data.roles} label={label} />
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

function PermissionGroup({
  group,
  roles,
  label,
}: {
  group: { name: string; permissions: string[] };
  roles: { role: string; permissions: string[] }[];
  label: ReturnType<typeof usePermissionLabel>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <tr className="bg-zinc-50/60">
        <td colSpan={roles.length + 1} className="px-4 pb-1.5 pt-4 text-xs font-semibold uppercase tracking-wide text-zinc-500">
          {label.group(group.name)}
        </td>
      </tr>
      {group.permissions.map((permission) => (
        <Tr key={permission} data-testid="roles-matrix-row" data-permission={permission}>
          <Td className="sticky left-0 bg-white">
            <p className="font-medium text-zinc-800">{label.permission(permission)}</p>
            <p className="font-mono text-xs text-zinc-400">{permission}</p>
          </Td>
          {roles.map((r) => {
            const granted = r.permissions.includes(permission);
            return (
              <Td key={r.role} className="text-center">
                {granted ? (
                  <span className="inline-flex size-6 items-center justify-center rounded-full bg-orchid-100 text-orchid-700">
                    <Icon name="check" className="size-4" />
                    <span className="sr-only">{t('staff.matrix.granted')}</span>
                  </span>
                ) : (
                  <>
                    <span className="text-zinc-300" aria-hidden="true">
                      —
                    </span>
                    <span className="sr-only">{t('staff.matrix.notGranted')}</span>
                  </>
                )}
              </Td>
            );
          })}
        </Tr>
      ))}
    </>
  );
}
