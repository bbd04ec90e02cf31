// Settings › Checkout & tax: the current store's tax rates (owner) and checkout settings (managers).
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/Page.js';
import type { Me } from '../../../http/types.js';
import { useCan } from '../../auth/session.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { Guard } from '../../shell/Guard.js';
import { SalesSettingsCard } from './SalesSettingsCard.js';
import { TaxSettingsCard } from './TaxSettingsCard.js';

export const canSeeCheckoutSettings = (me: Me) => me.permissions.includes('stores.write') || me.permissions.includes('business.manage');

export function CheckoutSettingsPage() {
  return (
    <Guard allow={canSeeCheckoutSettings}>
      <Settings />
    </Guard>
  );
}

function Settings() {
  const { t } = useTranslation();
  const can = useCan();
  const { store } = useCurrentStore();
  if (!store) return null;
  return (
    <div data-testid="checkout-settings">
      <PageHeader title={t('checkout.settings.title')} description={t('checkout.settings.description', { store: store.name })} />
      <div className="space-y-6">
        <TaxSettingsCard key={`tax-${store.id}`} store={store} canEdit={can('business.manage')} />
        <SalesSettingsCard key={`sales-${store.id}`} store={store} canEdit={can('stores.write')} />
      </div>
    </div>
  );
}
