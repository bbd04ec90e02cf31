import { api } from '../../http/client.js';
import type { BonusRule, Coupon, LedgerSettings, Tier } from '../balances/api.js';

export {
  type BonusRule,
  bonusRulesQuery,
  type Coupon,
  couponsQuery,
  issueCoupon,
  type LedgerSettings,
  ledgerSettingsQuery,
  type Tier,
  tiersQuery,
} from '../balances/api.js';

const enc = encodeURIComponent;

export function saveLedgerSettings(version: number, settings: LedgerSettings) {
  return api.put<{ settings: LedgerSettings; version: number }>('/ledgers/settings', { version, settings });
}

export type RuleInput = Pick<BonusRule, 'name' | 'thresholds' | 'startsOn' | 'endsOn' | 'storeIds' | 'firstTopUpOnly' | 'active'>;

export const createBonusRule = (body: RuleInput) => api.post<BonusRule>('/wallet/bonus-rules', body);
export const updateBonusRule = (id: string, body: Partial<RuleInput> & { version: number }) =>
  api.patch<BonusRule>(`/wallet/bonus-rules/${enc(id)}`, body);

export type TierInput = {
  name: string;
  nameTranslations?: Record<string, string>;
  rank: number;
  threshold: number;
  discounts?: { categoryId: string | null; percentBp: number }[];
  pointsMultiplierBp?: number;
  birthdayGift?: { couponId?: string; note?: string } | null;
  active?: boolean;
};

export const createTier = (body: TierInput) => api.post<Tier>('/tiers', body);
export const updateTier = (id: string, body: Partial<TierInput> & { version: number }) => api.patch<Tier>(`/tiers/${enc(id)}`, body);

export type CouponInput = {
  code?: string | null;
  name: string;
  kind: Coupon['kind'];
  value: number;
  serviceId?: string | null;
  maxDiscount?: number | null;
  minSpend?: number;
  startsOn?: string | null;
  endsOn?: string | null;
  storeIds?: string[] | null;
  categoryIds?: string[] | null;
  perClientLimit?: number | null;
  totalLimit?: number | null;
  stackable?: boolean;
  stacksWithTier?: boolean;
  stacksWithManual?: boolean;
  issuedOnly?: boolean;
  active?: boolean;
};

export const createCoupon = (body: CouponInput) => api.post<Coupon>('/coupons', body);
export const updateCoupon = (id: string, body: Partial<Omit<CouponInput, 'kind'>> & { version: number }) =>
  api.patch<Coupon>(`/coupons/${enc(id)}`, body);
