import 'i18next';
import type en from './en.json';

// Typed keys: the shared strings plus each feature's own `features/<name>/locales/en.json`.
// A feature with its own locale files adds `& typeof import('../features/<name>/locales/en.json')` here.
type Translation = typeof en &
  typeof import('../features/catalog/locales/en.json') &
  typeof import('../features/clients/locales/en.json') &
  typeof import('../features/calendar/locales/en.json') &
  typeof import('../features/rosters/locales/en.json') &
  typeof import('../features/booking/locales/en.json') &
  typeof import('../features/packages/locales/en.json') &
  typeof import('../features/treatments/locales/en.json') &
  typeof import('../features/portal/locales/en.json') &
  typeof import('../features/balances/locales/en.json') &
  typeof import('../features/loyalty/locales/en.json') &
  typeof import('../features/checkout/locales/en.json') &
  typeof import('../features/shifts/locales/en.json') &
  typeof import('../features/account/locales/en.json') &
  typeof import('../features/mailbox/locales/en.json');

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
    returnNull: false;
  }
}
