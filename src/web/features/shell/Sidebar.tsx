import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { IconButton } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { Icon, Logo } from '../../components/icons.js';
import { useMe } from '../auth/session.js';
import { type NavItem, visibleNav } from './nav.js';

/**
 * The navigation: a sticky column on wide screens (collapsible to icons), an off-canvas drawer
 * below 1024 px. One element in the DOM for both, so test ids stay unique.
 */
export function Sidebar({
  collapsed,
  onToggleCollapsed,
  mobileOpen,
  onCloseMobile,
}: {
  collapsed: boolean;
  onToggleCollapsed: () => void;
  mobileOpen: boolean;
  onCloseMobile: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const sections = visibleNav(me);
  return (
    <>
      <div
        className={cx('fixed inset-0 z-40 bg-zinc-950/30 lg:hidden', mobileOpen ? 'animate-fade-in' : 'hidden')}
        onClick={onCloseMobile}
        aria-hidden="true"
      />
      <aside
        data-testid="sidebar"
        data-collapsed={collapsed || undefined}
        className={cx(
          'fixed inset-y-0 left-0 z-50 flex w-72 flex-col border-r border-zinc-200 bg-white transition-transform duration-200',
          'lg:sticky lg:top-0 lg:z-20 lg:h-dvh lg:translate-x-0 lg:transition-[width]',
          mobileOpen ? 'translate-x-0 shadow-pop lg:shadow-none' : '-translate-x-full',
          collapsed ? 'lg:w-[4.5rem]' : 'lg:w-60',
        )}
      >
        <div className={cx('flex h-16 shrink-0 items-center gap-2.5 px-4', collapsed && 'lg:justify-center lg:px-0')}>
          <Logo className="size-8" />
          <div className={cx('min-w-0 flex-1', collapsed && 'lg:hidden')}>
            <p className="truncate text-[15px] font-semibold leading-tight text-zinc-900">{me.business.name}</p>
            <p className="text-xs text-zinc-500">{t('app.name')}</p>
          </div>
          <IconButton icon="x" label={t('common.close')} onClick={onCloseMobile} className="lg:hidden" size="sm" />
        </div>
        <nav className="scroll-shadows flex-1 space-y-6 overflow-y-auto overscroll-contain px-3 py-3" aria-label={t('nav.label')}>
          {sections.map((section) => (
            <div key={section.key}>
              <p className={cx('mb-1.5 px-3 text-[11px] font-semibold uppercase tracking-wider text-zinc-400', collapsed && 'lg:sr-only')}>
                {t(`nav.sections.${section.key}`)}
              </p>
              <ul className="space-y-0.5">
                {section.items.map((item) => (
                  <li key={item.key}>
                    <NavLink item={item} collapsed={collapsed} onNavigate={onCloseMobile} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="hidden border-t border-zinc-100 p-3 lg:block">
          <button
            type="button"
            onClick={onToggleCollapsed}
            data-testid="sidebar-collapse"
            aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
            title={collapsed ? t('nav.expand') : t('nav.collapse')}
            className={cx(
              'flex h-9 w-full items-center gap-3 rounded-lg px-3 text-sm text-zinc-500 transition-colors hover:bg-zinc-100 hover:text-zinc-800',
              collapsed && 'justify-center px-0',
            )}
          >
            <Icon name="panel" className="size-5" />
            <span className={cx(collapsed && 'sr-only')}>{collapsed ? t('nav.expand') : t('nav.collapse')}</span>
          </button>
        </div>
      </aside>
    </>
  );
}

function NavLink({ item, collapsed, onNavigate }: { item: NavItem; collapsed: boolean; onNavigate: () => void }) {
  const { t } = useTranslation();
  const label = t(`nav.items.${item.key}`);
  return (
    <Link
      to={item.to}
      onClick={onNavigate}
      data-testid={`nav-${item.key}`}
      title={collapsed ? label : undefined}
      activeOptions={{ exact: !item.fuzzy }}
      className={cx(
        'group flex h-10 items-center gap-3 rounded-lg px-3 text-sm font-medium transition-colors',
        item.soon ? 'text-zinc-400 hover:bg-zinc-50' : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900',
        collapsed && 'lg:justify-center lg:px-0',
      )}
      activeProps={{ className: '!bg-orchid-50 !text-orchid-800', 'aria-current': 'page' }}
    >
      <Icon name={item.icon} className="size-5" />
      <span className={cx('flex-1 truncate', collapsed && 'lg:sr-only')}>{label}</span>
      {item.soon ? (
        <Badge tone="neutral" className={cx('!px-1.5 text-[10px]', collapsed && 'lg:hidden')}>
          {t('common.soon')}
        </Badge>
      ) : null}
    </Link>
  );
}
