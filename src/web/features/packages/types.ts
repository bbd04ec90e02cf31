// Shapes of the packages API (src/server/modules/packages: templates.ts, repo.ts, redeem.ts, recommendations.ts,
// reports.ts, settings.ts). Money in integer cents; dates "YYYY-MM-DD" are store-local calendar days.
import type { Language } from '../../http/types.js';

export type Translations = Partial<Record<Language, string>>;

export type Validity = { kind: 'months'; months: number } | { kind: 'fixed'; until: string } | { kind: 'none' };

export interface TemplateItem {
  key: string;
  label: string;
  labelTranslations: Translations;
  sessions: number;
  /** One service: N sessions of it; several: a pool usable on any of them. */
  serviceIds: string[];
  step: number | null;
  valuePerSession: number | null;
  /** The price spread over this item's sessions (cents, one per session). */
  allocation: number[];
}

export interface PackageTemplate {
  id: string;
  name: string;
  nameTranslations: Translations;
  description: string | null;
  descriptionTranslations: Translations;
  items: TemplateItem[];
  sessionsTotal: number;
  products: Array<{ productId: string; quantity: number }>;
  price: number;
  taxClass: string | null;
  validity: Validity;
  storeIds: string[] | null;
  freeze: { allowed: boolean; maxDays: number };
  sharing: { shareable: boolean; maxMembers: number };
  stepped: boolean;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TemplateItemBody {
  key?: string;
  label: string;
  labelTranslations?: Translations;
  sessions: number;
  serviceIds: string[];
  step?: number | null;
  valuePerSession?: number | null;
}

export interface TemplateBody {
  name: string;
  nameTranslations?: Translations;
  description?: string | null;
  descriptionTranslations?: Translations;
  items: TemplateItemBody[];
  products?: Array<{ productId: string; quantity: number }>;
  price: number;
  taxClass?: string | null;
  validity: Validity;
  storeIds?: string[] | null;
  freeze?: { allowed: boolean; maxDays: number };
  sharing?: { shareable: boolean; maxMembers: number };
  active?: boolean;
}

export type PackageStatus = 'active' | 'frozen' | 'expired' | 'refunded' | 'voided';

export interface PackageItem {
  id: string;
  label: string;
  labelTranslations: Translations;
  serviceIds: string[];
  step: number | null;
  sessions: number;
  used: number;
  remaining: number;
  /** Allocated value of the next session (cents). */
  nextValue: number;
  sessionValues: number[];
}

export interface PackageMember {
  clientId: string;
  name: string;
  relation: string | null;
}

export interface ClientPackage {
  id: string;
  clientId: string;
  templateId: string;
  name: string;
  nameTranslations: Translations;
  status: PackageStatus;
  storeId: string;
  saleId: string | null;
  saleLineId: string | null;
  price: number;
  paidTotal: number;
  purchasedAt: string;
  expiresAt: string | null;
  /** The last day it can be used (selling store's zone). */
  validThrough: string | null;
  frozen: { from: string; until: string; untilDate: string } | null;
  freezeDaysLeft: number;
  sessions: { total: number; used: number; remaining: number };
  items: PackageItem[];
  terms: {
    storeIds: string[] | null;
    freeze: { allowed: boolean; maxDays: number };
    sharing: { shareable: boolean; maxMembers: number };
    validity: Validity;
    products: Array<{ productId: string; quantity: number }>;
  };
  members: PackageMember[];
  refundedAmount: number;
  refundFee: number;
  closedAt: string | null;
  closedReason: string | null;
  version: number;
}

export interface PackageSession {
  id: string;
  packageId: string;
  itemId: string;
  clientId: string;
  storeId: string;
  serviceId: string;
  staffId: string | null;
  sessionNumber: number;
  value: number;
  status: 'redeemed' | 'reversed';
  source: string;
  saleId: string | null;
  appointmentId: string | null;
  appointmentLineId: string | null;
  stepOverride: { by: string; reason: string | null } | null;
  redeemedAt: string;
  reversedAt: string | null;
  reverseReason: string | null;
}

export interface Applicable {
  package: ClientPackage;
  itemId: string | null;
  /** The earlier step still open (a manager may override), or null. */
  stepBlocked: number | null;
}

export interface RefundQuote {
  packageId: string;
  saleId: string | null;
  saleLineId: string | null;
  unusedValue: number;
  gross: number;
  fee: number;
  refundable: number;
}

export interface Recommendation {
  id: string;
  ruleId: string;
  ruleName: string;
  ruleNameTranslations: Translations;
  fromPackageId: string;
  fromPackageName: string;
  fromPackageNameTranslations: Translations;
  templateId: string;
  templateName: string;
  templateNameTranslations: Translations;
  price: number;
  sentToClient: boolean;
  createdAt: string;
}

export interface Rule {
  id: string;
  name: string;
  nameTranslations: Translations;
  fromTemplateId: string;
  trigger: 'completed' | 'remaining';
  remaining: number | null;
  toTemplateId: string;
  sendToClient: boolean;
  message: Translations;
  active: boolean;
  version: number;
}

export interface RuleBody {
  name: string;
  nameTranslations?: Translations;
  fromTemplateId: string;
  trigger: 'completed' | 'remaining';
  remaining?: number | null;
  toTemplateId: string;
  sendToClient?: boolean;
  message?: Translations;
  active?: boolean;
}

export interface PackageSettings {
  refundFee: { percentBp: number; fixed: number };
  sameDayRefundFree: boolean;
  expiryNotices: { enabled: boolean; days: number[] };
  nextSession: { enabled: boolean; leadDays: number; channels: Array<'sms' | 'email'> };
  bookingUrl: string | null;
}

export interface PackageReport {
  sold: { packages: number; value: number; paid: number };
  redeemed: { sessions: number; value: number };
  refunded: { amount: number; fees: number };
  expiredPackages: number;
  outstanding: { packages: number; sessions: number; value: number };
  crossStore: Array<{ soldAtStoreId: string; redeemedAtStoreId: string; sessions: number; value: number }>;
}

export interface RecommendationReport {
  rules: Array<{
    ruleId: string;
    name: string;
    nameTranslations: Translations;
    fromTemplateId: string;
    fromTemplateName: string;
    fromTemplateNameTranslations: Translations;
    toTemplateId: string;
    toTemplateName: string;
    toTemplateNameTranslations: Translations;
    suggested: number;
    sent: number;
    converted: number;
    dismissed: number;
    conversionBp: number;
  }>;
  totals: { suggested: number; converted: number; conversionBp: number };
}
