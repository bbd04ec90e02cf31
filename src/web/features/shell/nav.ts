import type { IconName } from '../../components/icons.js';
import type { Me } from '../../http/types.js';

export type NavKey =
  | 'home'
  | 'calendar'
  | 'roster'
  | 'booking'
  | 'clients'
  | 'treatmentsDue'
  | 'packages'
  | 'giftCards'
  | 'loyalty'
  | 'catalog'
  | 'clientFields'
  | 'checkout'
  | 'cashDrawer'
  | 'checkoutSettings'
  | 'reports'
  | 'staff'
  | 'stores'
  | 'audit'
  | 'terminal'
  | 'tokens'
  | 'mailbox';

export interface NavItem {
  key: NavKey;
  to: string;
  icon: IconName;
  /** Not built yet: shown with an honest "coming soon" badge. */
  soon?: boolean;
  /** Shown only when the user may use it. */
  visible?: (me: Me) => boolean;
  /** Highlight for every path under `to`, not just the exact one. */
  fuzzy?: boolean;
}

export interface NavSection {
  key: 'main' | 'manage' | 'settings';
  items: NavItem[];
}

const can = (permission: string) => (me: Me) => me.permissions.includes(permission);

/** Packages (HQ): templates and rules with packages.manage, their reports with reports.read. */
const canSeePackages = (me: Me) => me.permissions.includes('packages.manage') || me.permissions.includes('reports.read');

/** The dev mailbox is for owners (permission `mailbox.read`). */
export const canReadMailbox = (me: Me) => me.permissions.includes('mailbox.read') || me.staff.role === 'owner';

export const NAV: NavSection[] = [
  {
    key: 'main',
    items: [
      { key: 'home', to: '/', icon: 'home' },
      { key: 'calendar', to: '/calendar', icon: 'calendar' },
      { key: 'clients', to: '/clients', icon: 'users', visible: can('clients.read'), fuzzy: true },
      { key: 'checkout', to: '/checkout', icon: 'receipt', visible: can('sales.read'), fuzzy: true },
      { key: 'treatmentsDue', to: '/treatments/due', icon: 'refresh', visible: can('treatments.read') },
      { key: 'cashDrawer', to: '/cash-drawer', icon: 'lock', visible: (me) => can('shifts.manage')(me) || can('reports.read')(me) },
      { key: 'giftCards', to: '/gift-cards', icon: 'copy', visible: can('ledgers.read') },
      { key: 'reports', to: '/reports', icon: 'chart', visible: can('reports.read'), fuzzy: true },
    ],
  },
  {
    key: 'manage',
    items: [
      { key: 'catalog', to: '/catalog', icon: 'archive', visible: can('catalog.read'), fuzzy: true },
      { key: 'packages', to: '/packages', icon: 'layers', visible: canSeePackages, fuzzy: true },
      { key: 'staff', to: '/staff', icon: 'user', visible: can('staff.read'), fuzzy: true },
      { key: 'roster', to: '/roster', icon: 'clock', visible: can('staff.read') },
      { key: 'stores', to: '/stores', icon: 'store', visible: can('stores.write'), fuzzy: true },
      { key: 'audit', to: '/audit', icon: 'history', visible: can('audit.read') },
    ],
  },
  {
    key: 'settings',
    items: [
      { key: 'terminal', to: '/settings/terminal', icon: 'monitor', visible: can('terminals.manage') },
      { key: 'clientFields', to: '/settings/client-fields', icon: 'sliders', visible: can('clients.fields') },
      { key: 'booking', to: '/settings/booking', icon: 'globe', visible: can('stores.write') },
      {
        key: 'checkoutSettings',
        to: '/settings/checkout',
        icon: 'receipt',
        visible: (me) => can('stores.write')(me) || can('business.manage')(me),
      },
      { key: 'loyalty', to: '/settings/loyalty', icon: 'shield', visible: can('ledgers.rules'), fuzzy: true },
      { key: 'tokens', to: '/settings/tokens', icon: 'key', visible: can('tokens.manage') },
      { key: 'mailbox', to: '/settings/mailbox', icon: 'mail', visible: canReadMailbox },
    ],
  },
];

export function visibleNav(me: Me): NavSection[] {
  return NAV.map((section) => ({
    ...section,
    items: section.items.filter((item) => !item.visible || item.visible(me)),
  })).filter((section) => section.items.length > 0);
}

/** The items for the phone's bottom bar: the first built screens the user may open. */
export function bottomNavItems(me: Me, count = 4): NavItem[] {
  return visibleNav(me)
    .flatMap((s) => s.items)
    .filter((item) => !item.soon)
    .slice(0, count);
}
