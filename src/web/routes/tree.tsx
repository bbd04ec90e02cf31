// The route tree (code-based). Heavy screens are split into their own chunks and loaded on demand.
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { Loading } from '../components/Spinner.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { meQuery, setupStatusQuery } from '../features/auth/session.js';
import { validateCalendarSearch } from '../features/calendar/search.js';
import { AppFrame } from '../features/shell/AppFrame.js';
import { FatalErrorPage, NotFoundPage, PageErrorPage } from '../features/shell/StatusPages.js';
import { validateNewRecordSearch } from '../features/treatments/record/search.js';
import { i18n } from '../i18n/index.js';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  errorComponent: ({ error }) => <FatalErrorPage error={error} />,
  notFoundComponent: NotFoundPage,
});

async function requireSetUp(queryClient: QueryClient) {
  const status = await queryClient.ensureQueryData(setupStatusQuery);
  if (!status.setUp) throw redirect({ to: '/setup' });
}

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'setup',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (status.setUp) throw redirect({ to: '/login' });
  },
  component: lazyRouteComponent(() => import('../features/setup/SetupPage.js'), 'SetupPage'),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context }) => {
    await requireSetUp(context.queryClient);
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ to: '/' });
  },
  component: function Login() {
    const { redirect: target } = loginRoute.useSearch();
    return <LoginPage redirect={target} />;
  },
});

const pinRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'pin',
  beforeLoad: ({ context }) => requireSetUp(context.queryClient),
  component: lazyRouteComponent(() => import('../features/auth/PinPage.js'), 'PinPage'),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    await requireSetUp(context.queryClient);
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login', search: location.href === '/' ? {} : { redirect: location.href } });
  },
  component: AppFrame,
  errorComponent: ({ error }) => <FatalErrorPage error={error} />,
  pendingComponent: () => <Loading label={i18n.t('common.loading')} />,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/home/HomePage.js'), 'HomePage'),
});
const staffRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'staff',
  component: lazyRouteComponent(() => import('../features/staff/StaffPage.js'), 'StaffPage'),
});
const rolesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'staff/roles',
  component: lazyRouteComponent(() => import('../features/staff/RolesPage.js'), 'RolesPage'),
});
const storesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'stores',
  component: lazyRouteComponent(() => import('../features/stores/StoresPage.js'), 'StoresPage'),
});
const storeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'stores/$storeId',
  component: lazyRouteComponent(() => import('../features/stores/StoreEditPage.js'), 'StoreEditPage'),
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'audit',
  component: lazyRouteComponent(() => import('../features/audit/AuditPage.js'), 'AuditPage'),
});
const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/tokens',
  component: lazyRouteComponent(() => import('../features/tokens/TokensPage.js'), 'TokensPage'),
});
const terminalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/terminal',
  component: lazyRouteComponent(() => import('../features/terminal/TerminalPage.js'), 'TerminalPage'),
});
const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'account',
  component: lazyRouteComponent(() => import('../features/account/AccountPage.js'), 'AccountPage'),
});
const mailboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/mailbox',
  component: lazyRouteComponent(() => import('../features/mailbox/MailboxPage.js'), 'MailboxPage'),
});
const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'calendar',
  validateSearch: validateCalendarSearch,
  component: lazyRouteComponent(() => import('../features/calendar/CalendarPage.js'), 'CalendarPage'),
});
const rosterRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'roster',
  component: lazyRouteComponent(() => import('../features/rosters/RosterPage.js'), 'RosterPage'),
});
const bookingSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/booking',
  component: lazyRouteComponent(() => import('../features/booking/settings/BookingSettingsPage.js'), 'BookingSettingsPage'),
});
// The client-facing booking pages: outside the staff frame, no sign-in.
const publicBookingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'book/$storeSlug',
  component: lazyRouteComponent(() => import('../features/booking/public/BookingPage.js'), 'BookingPage'),
});
const publicManageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'book/manage/$token',
  component: lazyRouteComponent(() => import('../features/booking/public/ManagePage.js'), 'ManagePage'),
});
const clientsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients',
  validateSearch: (search: Record<string, unknown>): { q?: string } => (typeof search.q === 'string' && search.q ? { q: search.q } : {}),
  component: lazyRouteComponent(() => import('../features/clients/ClientsPage.js'), 'ClientsPage'),
});
const clientImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/import',
  validateSearch: (search: Record<string, unknown>): { id?: string } => (typeof search.id === 'string' ? { id: search.id } : {}),
  component: lazyRouteComponent(() => import('../features/clients/import/ImportPage.js'), 'ImportPage'),
});
const clientDuplicatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/duplicates',
  component: lazyRouteComponent(() => import('../features/clients/DuplicatesPage.js'), 'DuplicatesPage'),
});
const clientRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/$clientId',
  validateSearch: (search: Record<string, unknown>): { tab?: string } => (typeof search.tab === 'string' ? { tab: search.tab } : {}),
  component: lazyRouteComponent(() => import('../features/clients/profile/ClientProfilePage.js'), 'ClientProfilePage'),
});
const clientFieldsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/client-fields',
  component: lazyRouteComponent(() => import('../features/clients/fields/CustomFieldsPage.js'), 'CustomFieldsPage'),
});
const catalogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'catalog',
  component: lazyRouteComponent(() => import('../features/catalog/CatalogPage.js'), 'CatalogPage'),
});
const catalogServicesRoute = createRoute({
  getParentRoute: () => catalogRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/catalog/ServicesTab.js'), 'ServicesTab'),
});
const catalogAddOnsRoute = createRoute({
  getParentRoute: () => catalogRoute,
  path: 'add-ons',
  component: lazyRouteComponent(() => import('../features/catalog/AddOnsTab.js'), 'AddOnsTab'),
});
const catalogProductsRoute = createRoute({
  getParentRoute: () => catalogRoute,
  path: 'products',
  component: lazyRouteComponent(() => import('../features/catalog/ProductsTab.js'), 'ProductsTab'),
});
const catalogResourcesRoute = createRoute({
  getParentRoute: () => catalogRoute,
  path: 'resources',
  component: lazyRouteComponent(() => import('../features/catalog/ResourcesTab.js'), 'ResourcesTab'),
});
const catalogCategoriesRoute = createRoute({
  getParentRoute: () => catalogRoute,
  path: 'categories',
  component: lazyRouteComponent(() => import('../features/catalog/CategoriesTab.js'), 'CategoriesTab'),
});
const checkoutRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'checkout',
  component: lazyRouteComponent(() => import('../features/checkout/CheckoutPage.js'), 'CheckoutPage'),
});
const checkoutSalesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'checkout/sales',
  component: lazyRouteComponent(() => import('../features/checkout/history/SalesHistoryPage.js'), 'SalesHistoryPage'),
});
const checkoutSaleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'checkout/$saleId',
  validateSearch: (search: Record<string, unknown>): { paid?: boolean } =>
    search.paid === true || search.paid === 'true' ? { paid: true } : {},
  component: lazyRouteComponent(() => import('../features/checkout/SalePage.js'), 'SalePage'),
});
const cashDrawerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'cash-drawer',
  validateSearch: (search: Record<string, unknown>): { z?: string } =>
    typeof search.z === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(search.z) ? { z: search.z } : {},
  component: lazyRouteComponent(() => import('../features/shifts/CashDrawerPage.js'), 'CashDrawerPage'),
});
const checkoutSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/checkout',
  component: lazyRouteComponent(() => import('../features/checkout/settings/CheckoutSettingsPage.js'), 'CheckoutSettingsPage'),
});
const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports',
  component: lazyRouteComponent(() => import('../features/balances/reports/ReportsPage.js'), 'ReportsPage'),
});
const storedValueReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports/stored-value',
  component: lazyRouteComponent(() => import('../features/balances/reports/StoredValueReport.js'), 'StoredValueReport'),
});
const giftCardReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports/gift-cards',
  component: lazyRouteComponent(() => import('../features/balances/reports/GiftCardReport.js'), 'GiftCardReport'),
});
const pointsReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports/points',
  component: lazyRouteComponent(() => import('../features/balances/reports/PointsReport.js'), 'PointsReport'),
});
const couponReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports/coupons',
  component: lazyRouteComponent(() => import('../features/balances/reports/CouponUsageReport.js'), 'CouponUsageReport'),
});
const giftCardsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'gift-cards',
  validateSearch: (search: Record<string, unknown>): { card?: string } => (typeof search.card === 'string' ? { card: search.card } : {}),
  component: lazyRouteComponent(() => import('../features/balances/giftcards/GiftCardsPage.js'), 'GiftCardsPage'),
});
// The public gift card balance check: outside the staff frame, no sign-in.
const publicGiftCardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'gift-card',
  component: lazyRouteComponent(() => import('../features/balances/public/GiftCardBalancePage.js'), 'GiftCardBalancePage'),
});
const loyaltyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/loyalty',
  component: lazyRouteComponent(() => import('../features/loyalty/LoyaltyPage.js'), 'LoyaltyPage'),
});
const loyaltyBonusesRoute = createRoute({
  getParentRoute: () => loyaltyRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/loyalty/BonusRulesTab.js'), 'BonusRulesTab'),
});
const loyaltyStoredValueRoute = createRoute({
  getParentRoute: () => loyaltyRoute,
  path: 'stored-value',
  component: lazyRouteComponent(() => import('../features/loyalty/StoredValueTab.js'), 'StoredValueTab'),
});
const loyaltyPointsRoute = createRoute({
  getParentRoute: () => loyaltyRoute,
  path: 'points',
  component: lazyRouteComponent(() => import('../features/loyalty/PointsTab.js'), 'PointsTab'),
});
const loyaltyTiersRoute = createRoute({
  getParentRoute: () => loyaltyRoute,
  path: 'tiers',
  component: lazyRouteComponent(() => import('../features/loyalty/TiersTab.js'), 'TiersTab'),
});
const loyaltyCouponsRoute = createRoute({
  getParentRoute: () => loyaltyRoute,
  path: 'coupons',
  component: lazyRouteComponent(() => import('../features/loyalty/CouponsTab.js'), 'CouponsTab'),
});
const loyaltyGiftCardsRoute = createRoute({
  getParentRoute: () => loyaltyRoute,
  path: 'gift-cards',
  component: lazyRouteComponent(() => import('../features/loyalty/GiftCardsTab.js'), 'GiftCardsTab'),
});
const loyaltyRemindersRoute = createRoute({
  getParentRoute: () => loyaltyRoute,
  path: 'reminders',
  component: lazyRouteComponent(() => import('../features/loyalty/RemindersTab.js'), 'RemindersTab'),
});

// Treatment packages (HQ admin), progress timelines, treatment records and the due list.
const packagesAdminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'packages',
  component: lazyRouteComponent(() => import('../features/packages/admin/PackagesAdminPage.js'), 'PackagesAdminPage'),
});
const packageTemplatesRoute = createRoute({
  getParentRoute: () => packagesAdminRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/packages/admin/TemplatesTab.js'), 'TemplatesTab'),
});
const packageRulesRoute = createRoute({
  getParentRoute: () => packagesAdminRoute,
  path: 'rules',
  component: lazyRouteComponent(() => import('../features/packages/admin/RulesTab.js'), 'RulesTab'),
});
const packageReportsRoute = createRoute({
  getParentRoute: () => packagesAdminRoute,
  path: 'reports',
  component: lazyRouteComponent(() => import('../features/packages/admin/ReportsTab.js'), 'ReportsTab'),
});
const packageSettingsRoute = createRoute({
  getParentRoute: () => packagesAdminRoute,
  path: 'settings',
  component: lazyRouteComponent(() => import('../features/packages/admin/SettingsTab.js'), 'SettingsTab'),
});
const packageTemplateNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'packages/templates/new',
  component: lazyRouteComponent(() => import('../features/packages/admin/TemplateEditorPage.js'), 'TemplateEditorPage'),
});
const packageTemplateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'packages/templates/$templateId',
  component: lazyRouteComponent(() => import('../features/packages/admin/TemplateEditorPage.js'), 'TemplateEditorPage'),
});
const clientTimelineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/$clientId/timeline',
  component: lazyRouteComponent(() => import('../features/treatments/timeline/ClientTimelinePage.js'), 'ClientTimelinePage'),
});
const clientPackageTimelineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/$clientId/packages/$packageId',
  component: lazyRouteComponent(() => import('../features/treatments/timeline/PackageTimelinePage.js'), 'PackageTimelinePage'),
});
const newRecordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/$clientId/records/new',
  validateSearch: validateNewRecordSearch,
  component: lazyRouteComponent(() => import('../features/treatments/record/RecordPage.js'), 'NewRecordPage'),
});
const recordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/$clientId/records/$recordId',
  component: lazyRouteComponent(() => import('../features/treatments/record/RecordPage.js'), 'RecordPage'),
});
const treatmentsDueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'treatments/due',
  component: lazyRouteComponent(() => import('../features/treatments/due/DueListPage.js'), 'DueListPage'),
});
// The client portal: her own packages and progress, outside the staff frame (a one-time code signs her in).
const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'portal',
  component: lazyRouteComponent(() => import('../features/portal/PortalPage.js'), 'PortalPage'),
});
const portalPackageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'portal/packages/$packageId',
  component: lazyRouteComponent(() => import('../features/portal/PortalPackagePage.js'), 'PortalPackagePage'),
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  pinRoute,
  publicBookingRoute,
  publicManageRoute,
  portalRoute,
  portalPackageRoute,
  publicGiftCardRoute,
  appRoute.addChildren([
    homeRoute,
    staffRoute,
    rolesRoute,
    storesRoute,
    storeRoute,
    auditRoute,
    tokensRoute,
    terminalRoute,
    mailboxRoute,
    accountRoute,
    calendarRoute,
    rosterRoute,
    bookingSettingsRoute,
    clientsRoute,
    clientImportRoute,
    clientDuplicatesRoute,
    clientRoute,
    clientTimelineRoute,
    clientPackageTimelineRoute,
    newRecordRoute,
    recordRoute,
    treatmentsDueRoute,
    packagesAdminRoute.addChildren([packageTemplatesRoute, packageRulesRoute, packageReportsRoute, packageSettingsRoute]),
    packageTemplateNewRoute,
    packageTemplateRoute,
    clientFieldsRoute,
    catalogRoute.addChildren([
      catalogServicesRoute,
      catalogAddOnsRoute,
      catalogProductsRoute,
      catalogResourcesRoute,
      catalogCategoriesRoute,
    ]),
    checkoutRoute,
    checkoutSalesRoute,
    checkoutSaleRoute,
    cashDrawerRoute,
    checkoutSettingsRoute,
    reportsRoute,
    storedValueReportRoute,
    giftCardReportRoute,
    pointsReportRoute,
    couponReportRoute,
    giftCardsRoute,
    loyaltyRoute.addChildren([
      loyaltyBonusesRoute,
      loyaltyStoredValueRoute,
      loyaltyPointsRoute,
      loyaltyTiersRoute,
      loyaltyCouponsRoute,
      loyaltyGiftCardsRoute,
      loyaltyRemindersRoute,
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultErrorComponent: ({ error, reset }) => <PageErrorPage error={error} reset={reset} />,
    defaultPreloadStaleTime: 0,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
