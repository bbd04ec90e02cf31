import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { cx } from '../../components/cx.js';
import { Icon } from '../../components/icons.js';
import { useMe } from '../auth/session.js';
import { bottomNavItems } from './nav.js';

/** The phone's tab bar: the main screens plus "More", which opens the full navigation. */
export function BottomNav({ onMore }: { onMore: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const items = bottomNavItems(me);
  const cell = 'flex flex-1 flex-col items-center justify-center gap-0.5 pt-2 pb-1.5 text-[11px] font-medium';
  return (
    <nav
      aria-label={t('nav.label')}
      className="fixed inset-x-0 bottom-0 z-30 flex border-t border-zinc-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden"
    >
      {items.map((item) => (
        <Link
          key={item.key}
          to={item.to}
          data-testid={`bottomnav-${item.key}`}
          activeOptions={{ exact: !item.fuzzy }}
          className={cx(cell, 'text-zinc-500')}
          activeProps={{ className: '!text-orchid-700' }}
        >
          <Icon name={item.icon} className="size-6" />
          <span className="max-w-full truncate px-1">{t(`nav.items.${item.key}`)}</span>
        </Link>
      ))}
      <button type="button" onClick={onMore} className={cx(cell, 'text-zinc-500')} data-testid="bottomnav-more">
        <Icon name="more" className="size-6" />
        <span>{t('nav.more')}</span>
      </button>
    </nav>
  );
}
