// The footer of a package card: redeem a session (the everyday action), its progress, and the manager's
// actions (extend, freeze, family members, refund) in a menu — each shown only to who may use it.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, buttonClass } from '../../../components/Button.js';
import { Icon } from '../../../components/icons.js';
import { Menu, MenuItem } from '../../../components/Menu.js';
import { useCan } from '../../auth/session.js';
import { PackageIcon } from '../icons.js';
import type { ClientPackage } from '../types.js';
import { ExtendDialog } from './ExtendDialog.js';
import { FreezeDialog, UnfreezeDialog } from './FreezeDialog.js';
import { MembersDialog } from './MembersDialog.js';
import { RedeemDialog } from './RedeemDialog.js';
import { RefundDialog } from './RefundDialog.js';

type Open = 'redeem' | 'extend' | 'freeze' | 'unfreeze' | 'members' | 'refund' | null;

export function PackageActions({ pkg: p, clientId }: { pkg: ClientPackage; clientId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const pick = (closeMenu: () => void, next: Open) => {
    closeMenu();
    setOpen(next);
  };
  const usable = p.status === 'active' && p.sessions.remaining > 0;
  const live = p.status === 'active' || p.status === 'frozen';
  const adjust = can('packages.adjust');
  const canExtend = adjust && (live || p.status === 'expired') && p.validThrough !== null;
  const canFreeze = adjust && p.status === 'active' && p.terms.freeze.allowed && p.freezeDaysLeft > 0;
  const canUnfreeze = adjust && p.status === 'frozen';
  const canMembers = can('packages.sell') && live && p.terms.sharing.shareable && p.clientId === clientId;
  const canRefund = adjust && live;
  const menu = canExtend || canFreeze || canUnfreeze || canMembers || canRefund;

  return (
    <>
      {can('packages.redeem') && usable ? (
        <Button variant="primary" icon="check" onClick={() => setOpen('redeem')} data-testid="package-redeem">
          {t('packages.actions.redeem')}
        </Button>
      ) : null}
      {can('treatments.read') ? (
        <Link
          to="/clients/$clientId/packages/$packageId"
          params={{ clientId, packageId: p.id }}
          className={buttonClass('secondary', 'md')}
          data-testid="package-progress"
        >
          <PackageIcon name="trend" className="size-4" />
          {t('packages.actions.progress')}
        </Link>
      ) : null}
      {menu ? (
        <Menu
          label={t('packages.actions.more')}
          testId="package-menu"
          className="ml-auto"
          trigger={() => (
            <span className={buttonClass('ghost', 'md')}>
              <Icon name="more" className="size-5" />
              <span className="sr-only sm:not-sr-only">{t('packages.actions.manage')}</span>
            </span>
          )}
        >
          {(closeMenu) => (
            <>
              {canExtend ? (
                <MenuItem testId="package-extend" onSelect={() => pick(closeMenu, 'extend')}>
                  {t('packages.actions.extend')}
                </MenuItem>
              ) : null}
              {canFreeze ? (
                <MenuItem testId="package-freeze" onSelect={() => pick(closeMenu, 'freeze')}>
                  {t('packages.actions.freeze')}
                </MenuItem>
              ) : null}
              {canUnfreeze ? (
                <MenuItem testId="package-unfreeze" onSelect={() => pick(closeMenu, 'unfreeze')}>
                  {t('packages.actions.unfreeze')}
                </MenuItem>
              ) : null}
              {canMembers ? (
                <MenuItem testId="package-members" onSelect={() => pick(closeMenu, 'members')}>
                  {t('packages.actions.members')}
                </MenuItem>
              ) : null}
              {canRefund ? (
                <MenuItem danger testId="package-refund" onSelect={() => pick(closeMenu, 'refund')}>
                  {t('packages.actions.refund')}
                </MenuItem>
              ) : null}
            </>
          )}
        </Menu>
      ) : null}
      {open === 'redeem' ? <RedeemDialog pkg={p} clientId={clientId} onClose={close} /> : null}
      {open === 'extend' ? <ExtendDialog pkg={p} onClose={close} /> : null}
      {open === 'freeze' ? <FreezeDialog pkg={p} onClose={close} /> : null}
      {open === 'unfreeze' ? <UnfreezeDialog pkg={p} onClose={close} /> : null}
      {open === 'members' ? <MembersDialog pkg={p} onClose={close} /> : null}
      {open === 'refund' ? <RefundDialog pkg={p} onClose={close} /> : null}
    </>
  );
}
