import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader, Tabs } from '../../components/Page.js';
import { Guard } from '../shell/Guard.js';

/** The Catalog area: a header and tabs over services, add-ons, products, resources and categories. */
export function CatalogPage() {
  return (
    <Guard allow="catalog.read">
      <CatalogLayout />
    </Guard>
  );
}

function CatalogLayout() {
  const { t } = useTranslation();
  return (
    <div data-testid="catalog-page">
      <PageHeader title={t('catalog.title')} description={t('catalog.description')}>
        <div className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0 [&_a]:whitespace-nowrap">
          <Tabs
            label={t('catalog.title')}
            items={[
              { to: '/catalog', label: t('catalog.tabs.services'), testId: 'catalog-tab-services' },
              { to: '/catalog/add-ons', label: t('catalog.tabs.addOns'), testId: 'catalog-tab-add-ons' },
              { to: '/catalog/products', label: t('catalog.tabs.products'), testId: 'catalog-tab-products' },
              { to: '/catalog/resources', label: t('catalog.tabs.resources'), testId: 'catalog-tab-resources' },
              { to: '/catalog/categories', label: t('catalog.tabs.categories'), testId: 'catalog-tab-categories' },
            ]}
          />
        </div>
      </PageHeader>
      <Outlet />
    </div>
  );
}
