import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { IconButton } from '../../components/Button.js';
import { Icon } from '../../components/icons.js';
import { useMe } from '../auth/session.js';
import { useThisTerminal } from '../auth/terminal.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { StoreSwitcher } from './StoreSwitcher.js';
import { UserMenu } from './UserMenu.js';

export function TopBar({ onOpenMenu }: { onOpenMenu: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { terminal } = useThisTerminal(me);
  return (
    <header className="sticky top-0 z-30 flex h-16 shrink-0 items-center gap-2 border-b border-zinc-200 bg-white/85 px-3 backdrop-blur-md sm:px-5 lg:px-8">
      <IconButton icon="menu" label={t('nav.open')} onClick={onOpenMenu} className="lg:hidden" data-testid="nav-open" />
      <StoreSwitcher />
      <div className="flex-1 max-sm:hidden" />
      {terminal ? (
        <Badge tone="accent" className="hidden md:inline-flex">
          <Icon name="monitor" className="size-3.5" />
          {t('shell.terminalBadge', { name: terminal.name })}
        </Badge>
      ) : null}
      <LanguageSwitcher persist compact className="shrink-0 max-sm:ml-auto" />
      <div className="shrink-0">
        <UserMenu />
      </div>
    </header>
  );
}
