// Shapes of the stored value, gift card, points, tier and coupon API as the web app uses them.

export type SpendOrder = 'proportional' | 'principal_first' | 'bonus_first';

export interface WalletSummary {
  principal: number;
  bonus: number;
  total: number;
  lastTopUp: { amount: number; bonus: number; storeId: string; at: string } | null;
  /** Where the wallet can pay (null: every store): HQ's business-wide list and this wallet's own limit. */
  usableAtStoreIds: string[] | null;
  /** HQ's limit on this wallet alone. */
  storeLimit: { storeIds: string[]; reason: string | null; version: number; updatedAt: string } | null;
  spendOrder: SpendOrder;
  confirmation: 'none' | 'otp';
  /** The latest balance reminder decision: sent on these channels, or not sent (skipped: why). */
  lastReminder: {
    at: string;
    balance: number;
    channels: ('sms' | 'email')[];
    skipped: 'balance_recovered' | 'frequency_cap' | 'no_channel' | null;
  } | null;
}

export const WALLET_KINDS = [
  'top_up',
  'top_up_bonus',
  'spend',
  'spend_refund',
  'top_up_refund',
  'bonus_forfeit',
  'adjustment',
  'merge_in',
  'merge_out',
] as const;
export type WalletKind = (typeof WALLET_KINDS)[number];

export interface StatementRow {
  seq: number;
  at: string;
  kind: string;
  principal: number;
  bonus: number;
  amount: number;
  principalAfter: number;
  bonusAfter: number;
  balanceAfter: number;
  storeId: string | null;
  refType: string | null;
  refId: string | null;
  reason: string | null;
  actorId: string | null;
}

export interface WalletStatement {
  balance: { principal: number; bonus: number; total: number };
  data: StatementRow[];
  nextCursor: string | null;
}

export interface LedgerEntry {
  id: string;
  seq: number;
  kind: string;
  amount: number;
  balanceAfter: number;
  refType: string | null;
  refId: string | null;
  storeId: string | null;
  actorId: string | null;
  reason: string | null;
  at: string;
}

export interface PointsSummary {
  enabled: boolean;
  balance: number;
  worth: number;
  pointsPerDollar: number;
  minPoints: number;
  accountId: string | null;
}

export interface PointsStatement {
  balance: number;
  data: LedgerEntry[];
  nextCursor: string | null;
}

export interface TierRef {
  id: string;
  name: string;
  nameTranslations: Record<string, string>;
  rank: number;
  discounts: { categoryId: string | null; percentBp: number }[];
  pointsMultiplierBp: number;
}

export interface TierSummary {
  tier: TierRef | null;
  since: string | null;
  basis: 'spend' | 'points';
  qualifying: number;
  next: { tierId: string; name: string; needed: number } | null;
}

export interface TierHistoryItem {
  from: string | null;
  to: string | null;
  reason: 'upgrade' | 'downgrade' | 'manual';
  qualifying: number;
  actorId: string | null;
  at: string;
}

export type ClientTier = TierSummary & { history: TierHistoryItem[] };

export type GiftCardStatus = 'active' | 'expired' | 'void' | 'replaced';

export interface GiftCard {
  id: string;
  last4: string;
  maskedCode: string;
  codeKind: 'generated' | 'scanned';
  status: GiftCardStatus;
  balance: number;
  initialAmount: number;
  design: string | null;
  storeId: string;
  saleId: string | null;
  clientId: string | null;
  recipientName: string | null;
  accountId: string;
  expiresAt: string | null;
  activatedAt: string;
  /** The card a lost one was replaced by (staff only; never on the public page). */
  replacedById: string | null;
  replacedAt: string | null;
  version: number;
}

export type GiftCardDetail = GiftCard & { entries: LedgerEntry[] };

export interface ClientCoupon {
  couponId: string;
  name: string;
  code: string | null;
  kind: CouponKind;
  value: number;
  endsOn: string | null;
  usesLeft: number;
}

export interface ClientBalances {
  clientId: string;
  wallet?: WalletSummary;
  points?: PointsSummary;
  giftCards?: GiftCard[];
  coupons?: ClientCoupon[];
  tier?: TierSummary;
}

export interface WalletOffer {
  usable: boolean;
  available: number;
  amount: number;
  covers: boolean;
  shortfall: number;
  offer: { pay: number; bonus: number; ruleId: string | null } | null;
}

export interface BonusPreview {
  amount: number;
  bonus: number;
  ruleId: string | null;
  ruleName: string | null;
}

export type CouponKind = 'amount' | 'percent' | 'free_service';

export interface PublicGiftCardBalance {
  businessName: string;
  replaced: boolean;
  last4: string;
  status: GiftCardStatus;
  balance: number;
  currency: string;
  expiresAt: string | null;
}
