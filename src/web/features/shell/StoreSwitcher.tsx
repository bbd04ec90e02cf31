import { useTranslation } from 'react-i18next';
import { cx } from '../../components/cx.js';
import { Icon } from '../../components/icons.js';
import { Menu, MenuItem } from '../../components/Menu.js';
import { useMe } from '../auth/session.js';
import { useCurrentStore } from './CurrentStore.js';

export function StoreSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const { store, setStoreId } = useCurrentStore();
  const label = (
    <span className="flex min-w-0 items-center gap-2 px-2.5 py-1.5">
      <span className="flex size-7 shrink-0 items-center justify-center rounded-md bg-orchid-50 text-orchid-700">
        <Icon name="store" className="size-4" />
      </span>
      <span className="min-w-0 text-left">
        <span className="hidden text-[11px] leading-tight text-zinc-500 sm:block">{t('shell.store')}</span>
        <span className="block truncate text-sm font-medium leading-tight text-zinc-900 sm:max-w-56" data-testid="current-store">
          {store?.name ?? t('shell.noStore')}
        </span>
      </span>
    </span>
  );
  if (me.stores.length <= 1) {
    return (
      <div data-testid="store-switcher" className="min-w-0">
        {label}
      </div>
    );
  }
  return (
    <Menu
      align="left"
      label={t('shell.switchStore')}
      testId="store-switcher"
      className="min-w-0"
      trigger={({ open }) => (
        <>
          {label}
          <Icon name="chevronDown" className={cx('mr-2 size-4 shrink-0 text-zinc-400 transition-transform', open && 'rotate-180')} />
        </>
      )}
    >
      {(close) => (
        <>
          <p className="px-3 pb-1 pt-2 text-xs font-medium text-zinc-500">{t('shell.switchStore')}</p>
          {me.stores.map((s) => (
            <MenuItem
              key={s.id}
              icon="store"
              selected={s.id === store?.id}
              testId={`store-option-${s.slug}`}
              onSelect={() => {
                setStoreId(s.id);
                close();
              }}
            >
              {s.name}
            </MenuItem>
          ))}
        </>
      )}
    </Menu>
  );
}
