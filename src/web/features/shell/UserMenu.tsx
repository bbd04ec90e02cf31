import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar.js';
import { Badge } from '../../components/Badge.js';
import { Icon } from '../../components/icons.js';
import { Menu, MenuItem, MenuSeparator } from '../../components/Menu.js';
import { logout, useMe } from '../auth/session.js';
import { useThisTerminal } from '../auth/terminal.js';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { registered } = useThisTerminal(me);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The app frame sees the user is gone and takes them to the sign-in page.
  const signOut = () => logout(queryClient).catch(() => undefined);
  return (
    <Menu
      label={t('shell.userMenu')}
      testId="user-menu"
      trigger={() => (
        <span className="flex items-center gap-2 p-1 sm:pr-2">
          <Avatar name={me.staff.displayName || me.staff.name} seed={me.staff.id} className="size-8 text-xs" />
          <span className="hidden max-w-36 truncate text-sm font-medium text-zinc-800 md:block">
            {me.staff.displayName || me.staff.name}
          </span>
          <Icon name="chevronDown" className="hidden size-4 text-zinc-400 md:block" />
        </span>
      )}
    >
      {(close) => (
        <>
          <div className="px-3 py-2.5">
            <p className="truncate text-sm font-semibold text-zinc-900">{me.staff.name}</p>
            <p className="truncate text-xs text-zinc-500">{me.staff.email}</p>
            <Badge tone="accent" className="mt-1.5">
              {t(`roles.${me.staff.role}`)}
            </Badge>
          </div>
          <MenuSeparator />
          <MenuItem
            icon="calendar"
            testId="user-menu-account"
            onSelect={() => {
              close();
              void navigate({ to: '/account' });
            }}
          >
            {t('account.menu')}
          </MenuItem>
          {registered ? (
            <MenuItem
              icon="switchUser"
              testId="user-menu-switch"
              onSelect={() => {
                close();
                void navigate({ to: '/pin' });
              }}
            >
              {t('shell.switchUser')}
            </MenuItem>
          ) : null}
          <MenuItem
            icon="logOut"
            testId="user-menu-signout"
            onSelect={() => {
              close();
              void signOut();
            }}
          >
            {t('shell.signOut')}
          </MenuItem>
        </>
      )}
    </Menu>
  );
}
