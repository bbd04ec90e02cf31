import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { API_BASE, api } from '../../http/client.js';
import { ApiError, NETWORK_ERROR, toProblem } from '../../http/problem.js';
import type { Page } from '../../http/types.js';
import type {
  BonusPreview,
  ClientBalances,
  ClientTier,
  GiftCard,
  GiftCardDetail,
  PointsStatement,
  PointsSummary,
  PublicGiftCardBalance,
  WalletOffer,
  WalletStatement,
  WalletSummary,
} from './types.js';

const enc = encodeURIComponent;

/** Every query of this feature starts with 'balances', so one invalidation refreshes them after a write. */
export const balancesKey = (clientId: string) => ['balances', 'client', clientId] as const;

export const clientBalancesQuery = (clientId: string) =>
  queryOptions({
    queryKey: [...balancesKey(clientId), 'all'],
    queryFn: () => api.get<ClientBalances>(`/clients/${enc(clientId)}/balances`),
  });

export const walletQuery = (clientId: string) =>
  queryOptions({
    queryKey: [...balancesKey(clientId), 'wallet'],
    queryFn: () => api.get<WalletSummary>(`/clients/${enc(clientId)}/wallet`),
  });

export const STATEMENT_PAGE = 25;

export function walletStatementPage(clientId: string, cursor: string | null) {
  return api.get<WalletStatement>(`/clients/${enc(clientId)}/wallet/statement`, {
    query: { limit: STATEMENT_PAGE, cursor },
  });
}

export const pointsQuery = (clientId: string) =>
  queryOptions({
    queryKey: [...balancesKey(clientId), 'points'],
    queryFn: () => api.get<PointsSummary>(`/clients/${enc(clientId)}/points`),
  });

export function pointsStatementPage(clientId: string, cursor: string | null) {
  return api.get<PointsStatement>(`/clients/${enc(clientId)}/points/statement`, { query: { limit: STATEMENT_PAGE, cursor } });
}

export const clientTierQuery = (clientId: string) =>
  queryOptions({
    queryKey: [...balancesKey(clientId), 'tier'],
    queryFn: () => api.get<ClientTier>(`/clients/${enc(clientId)}/tier`),
  });

/** Can stored value pay `amount` at the store? If not, the top-up to offer with its bonus. */
export const walletOfferQuery = (clientId: string, storeId: string, amount: number) =>
  queryOptions({
    queryKey: [...balancesKey(clientId), 'offer', storeId, amount],
    queryFn: () => api.get<WalletOffer>(`/clients/${enc(clientId)}/wallet/offer`, { query: { storeId, amount } }),
    enabled: amount > 0,
    placeholderData: keepPreviousData,
  });

export const bonusPreviewQuery = (storeId: string, amount: number, clientId?: string) =>
  queryOptions({
    queryKey: ['balances', 'bonus-preview', storeId, amount, clientId ?? null],
    queryFn: () => api.get<BonusPreview>('/wallet/bonus-preview', { query: { storeId, amount, clientId } }),
    enabled: amount > 0,
    placeholderData: keepPreviousData,
  });

export interface WalletAdjustment {
  part: 'principal' | 'bonus';
  amount: number;
  reason: string;
  storeId: string;
}

export function adjustWallet(clientId: string, body: WalletAdjustment, idempotencyKey: string) {
  return api.post<unknown>(`/clients/${enc(clientId)}/wallet/adjustments`, body, { headers: { 'Idempotency-Key': idempotencyKey } });
}

export function adjustPoints(clientId: string, body: { amount: number; reason: string; storeId: string }) {
  return api.post<unknown>(`/clients/${enc(clientId)}/points/adjustments`, body);
}

export function setClientTier(clientId: string, body: { tierId: string | null; reason: string }) {
  return api.put<unknown>(`/clients/${enc(clientId)}/tier`, body);
}

/** The printable statement, in the UI language (a plain link would send the browser's language). */
export async function statementHtml(clientId: string, language: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/clients/${enc(clientId)}/wallet/statement.html?lang=${enc(language)}`, {
      credentials: 'same-origin',
      headers: { 'Accept-Language': language },
    });
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR });
  }
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw new ApiError(toProblem(response.status, body));
  }
  return response.text();
}

export const statementCsvPath = (clientId: string) => `/clients/${enc(clientId)}/wallet/statement.csv`;

// ── Gift cards ──────────────────────────────────────────────────────────────────────────────────────

export const giftCardsQuery = (params: { storeId?: string | undefined; clientId?: string | undefined }) =>
  queryOptions({
    queryKey: ['balances', 'gift-cards', params],
    queryFn: () => api.get<Page<GiftCard>>('/gift-cards', { query: { ...params, limit: 50 } }),
  });

export const giftCardQuery = (id: string) =>
  queryOptions({
    queryKey: ['balances', 'gift-card', id],
    queryFn: () => api.get<GiftCardDetail>(`/gift-cards/${enc(id)}`),
  });

export function lookupGiftCard(code: string) {
  return api.post<GiftCard>('/gift-cards/lookup', { code });
}

export function newGiftCardCode() {
  return api.get<{ code: string; display: string }>('/gift-cards/new-code');
}

export function adjustGiftCard(id: string, body: { amount: number; reason: string; storeId: string }) {
  return api.post<GiftCard>(`/gift-cards/${enc(id)}/adjustments`, body);
}

/** Moves a lost card's balance to a new card (a scanned blank, or a generated code returned once). */
export function replaceGiftCard(id: string, body: { code?: string; reason: string; storeId: string }) {
  return api.post<{ replaced: GiftCard; card: GiftCard; moved: number; code?: string; display?: string }>(
    `/gift-cards/${enc(id)}/replace`,
    body,
  );
}

export const publicGiftCardBrandQuery = queryOptions({
  queryKey: ['public', 'gift-card-brand'],
  queryFn: () => api.get<{ businessName: string }>('/public/gift-cards/brand', { allow401: true }),
  staleTime: Number.POSITIVE_INFINITY,
});

/** HQ limits (storeIds) or frees (null) one client's stored value to some stores. */
export function setWalletStores(clientId: string, body: { storeIds: string[] | null; reason: string; version: number }) {
  return api.put<unknown>(`/clients/${enc(clientId)}/wallet/stores`, body);
}

export function publicGiftCardBalance(code: string) {
  return api.get<PublicGiftCardBalance>(`/public/gift-cards/${enc(code)}/balance`, { allow401: true });
}

/** Opens a ticket with a gift card line (the card is activated when the ticket is paid at checkout). */
export function openGiftCardTicket(body: {
  storeId: string;
  clientId: string | null;
  line: { code: string; amount?: number; design?: string; recipientName?: string; holderClientId?: string; mode?: 'new' | 'reload' };
}) {
  return api.post<{ id: string; version: number; total: number }>('/sales', {
    storeId: body.storeId,
    clientId: body.clientId,
    lines: [{ kind: 'gift_card', ...body.line }],
  });
}

// ── Top-up bonus rules and tiers (read here for the profile; edited in features/loyalty) ─────────────

export interface BonusRule {
  id: string;
  name: string;
  thresholds: { pay: number; bonus: number }[];
  startsOn: string | null;
  endsOn: string | null;
  storeIds: string[] | null;
  firstTopUpOnly: boolean;
  scope: 'hq' | 'store';
  active: boolean;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export const bonusRulesQuery = queryOptions({
  queryKey: ['balances', 'bonus-rules'],
  queryFn: () => api.get<Page<BonusRule>>('/wallet/bonus-rules'),
  staleTime: 60_000,
});

export interface Tier {
  id: string;
  name: string;
  nameTranslations: Record<string, string>;
  rank: number;
  threshold: number;
  discounts: { categoryId: string | null; percentBp: number }[];
  pointsMultiplierBp: number;
  birthdayGift: { couponId?: string; note?: string } | null;
  active: boolean;
  version: number;
}

export const tiersQuery = queryOptions({
  queryKey: ['balances', 'tiers'],
  queryFn: () => api.get<Page<Tier>>('/tiers'),
  staleTime: 60_000,
});

/** A tier's name in the UI language when HQ gave one. */
export function tierName(tier: { name: string; nameTranslations?: Record<string, string> | undefined }, language: string): string {
  return tier.nameTranslations?.[language]?.trim() || tier.name;
}

// ── Business settings of stored value, gift cards, points, tiers and reminders ─────────────────────

export type Threshold = { kind: 'amount'; value: number } | { kind: 'percent'; value: number };
type Translations = { en?: string; 'zh-CN'?: string; 'zh-TW'?: string };

export interface LedgerSettings {
  wallet: {
    spendOrder: 'proportional' | 'principal_first' | 'bonus_first';
    topUpRefundBonus: 'forfeit' | 'keep';
    confirmation: 'none' | 'otp';
    storeIds: string[] | null;
    minTopUp: number;
    maxTopUp: number;
    storeRuleCap: { maxBonusBp: number | null; maxBonus: number | null };
  };
  giftCards: {
    expiryMonths: number | null;
    minAmount: number;
    maxAmount: number;
    designs: { id: string; name: Translations; amount: number | null }[];
  };
  points: {
    enabled: boolean;
    earn: {
      perDollar: number;
      productsPerDollar: number;
      categories: { categoryId: string; perDollar: number }[];
      excludedItemIds: string[];
    };
    bonusEvents: {
      id: string;
      name: string;
      startsOn: string;
      endsOn: string;
      multiplierBp: number;
      storeIds: string[] | null;
      categoryIds: string[] | null;
    }[];
    redeem: { pointsPerDollar: number; minPoints: number };
    expiry: { months: number | null; noticeDays: number };
  };
  reminders: {
    enabled: boolean;
    wallet: Threshold;
    giftCard: Threshold;
    channels: ('sms' | 'email')[];
    minIntervalDays: number;
    quietHours: { start: string; end: string };
  };
  tiers: { basis: 'spend' | 'points'; windowMonths: number; countTopUps: boolean };
}

export const ledgerSettingsQuery = queryOptions({
  queryKey: ['balances', 'settings'],
  queryFn: () => api.get<{ settings: LedgerSettings; version: number }>('/ledgers/settings'),
  staleTime: 60_000,
});

// ── Coupons ─────────────────────────────────────────────────────────────────────────────────────────

export interface Coupon {
  id: string;
  code: string | null;
  name: string;
  kind: 'amount' | 'percent' | 'free_service';
  value: number;
  serviceId: string | null;
  maxDiscount: number | null;
  minSpend: number;
  startsOn: string | null;
  endsOn: string | null;
  storeIds: string[] | null;
  categoryIds: string[] | null;
  perClientLimit: number | null;
  totalLimit: number | null;
  /** Combines with other coupons on a ticket. */
  stackable: boolean;
  stacksWithTier: boolean;
  stacksWithManual: boolean;
  issuedOnly: boolean;
  active: boolean;
  version: number;
  usesLeft: number | null;
  used: number;
  discountGiven: number;
}

export const couponsQuery = queryOptions({
  queryKey: ['balances', 'coupons'],
  queryFn: () => api.get<Page<Coupon>>('/coupons'),
});

export function issueCoupon(id: string, body: { clientIds: string[]; uses: number }) {
  return api.post<unknown>(`/coupons/${enc(id)}/issue`, body);
}

// ── Reports ─────────────────────────────────────────────────────────────────────────────────────────

/** One store (else every store of mine), an "as of" instant, a from/to range: what the reports accept. */
export type ReportParams = { storeId?: string | undefined; from?: string | undefined; to?: string | undefined; asOf?: string | undefined };

type Split = { principal: number; bonus: number };

export interface StoredValueLiability {
  byStore: { storeId: string; storeName: string; sold: Split; spentHere: Split; refunded: Split; adjusted: Split; outstanding: Split }[];
  outstanding?: Split & { total: number };
  unattributed?: Split;
}

export const storedValueLiabilityQuery = (params: ReportParams = {}) =>
  queryOptions({
    queryKey: ['balances', 'reports', 'stored-value', params],
    queryFn: () => api.get<StoredValueLiability>('/reports/stored-value-liability', { query: params }),
    placeholderData: keepPreviousData,
  });

export interface GiftCardLiabilityRow {
  storeId: string;
  storeName: string;
  cardsSold: number;
  sold: number;
  refunded: number;
  redeemed: number;
  adjusted: number;
  outstanding: number;
  outstandingExpired: number;
}

export interface GiftCardLiability {
  byStore: GiftCardLiabilityRow[];
  totals: Omit<GiftCardLiabilityRow, 'storeId' | 'storeName'>;
}

export const giftCardLiabilityQuery = (range: ReportParams) =>
  queryOptions({
    queryKey: ['balances', 'reports', 'gift-cards', range],
    queryFn: () => api.get<GiftCardLiability>('/reports/gift-card-liability', { query: range }),
    placeholderData: keepPreviousData,
  });

export interface PointsOutstanding {
  clients: number;
  points: number;
  worth: number;
  byStore: { storeId: string; storeName: string; clients: number; points: number; worth: number }[];
}

export const pointsOutstandingQuery = (params: ReportParams = {}) =>
  queryOptions({
    queryKey: ['balances', 'reports', 'points', params],
    queryFn: () => api.get<PointsOutstanding>('/reports/points-outstanding', { query: params }),
    placeholderData: keepPreviousData,
  });

export interface CouponUsageRow {
  couponId: string;
  name: string;
  code: string | null;
  storeId: string;
  uses: number;
  discount: number;
}

export const couponUsageQuery = (params: ReportParams = {}) =>
  queryOptions({
    queryKey: ['balances', 'reports', 'coupons', params],
    queryFn: () => api.get<{ data: CouponUsageRow[] }>('/reports/coupon-usage', { query: params }),
    placeholderData: keepPreviousData,
  });
