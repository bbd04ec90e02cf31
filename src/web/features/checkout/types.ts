// Shapes of the checkout API (src/server/modules/sales: dto.ts, schemas.ts, routes*.ts). Money is integer
// cents; line and tender kinds are open sets (ledgers and packages register more on the server).
import type { Currency, Language } from '../../http/types.js';

export type SaleStatus = 'open' | 'completed' | 'voided' | 'discarded';

export interface Discount {
  type: 'amount' | 'percent';
  /** Cents, for type 'amount'. */
  amount?: number;
  /** 0–100, up to 2 decimals, for type 'percent'. */
  percent?: number;
  reason: string;
  source?: { type: string; ref: string };
  approvedBy?: string | null;
}

export interface Technician {
  staffId: string;
  sharePercent: number;
}

export interface SaleLine {
  id: string;
  kind: string;
  refId: string | null;
  name: string;
  displayName: string;
  category: string;
  quantity: number;
  unitPrice: number;
  listPrice: number;
  priceOverrideReason: string | null;
  discount: Discount | null;
  approvedBy: string | null;
  technicians: Technician[];
  data: Record<string, unknown>;
  /** The kind's own fields as sent (serviceId + technicians, productId or code…): sent back on every save. */
  input: Record<string, unknown>;
  note: string | null;
  gross: number;
  lineDiscount: number;
  ticketDiscount: number;
  net: number;
  tax: number;
  total: number;
  refundedQuantity: number;
  refundedAmount: number;
}

export interface SaleTender {
  id: string;
  kind: string;
  amount: number;
  tendered: number;
  change: number;
  tip: number;
  details: Record<string, unknown>;
  refundedAmount: number;
}

export interface TaxAmount {
  code: string;
  name: string;
  rate: string;
  amount: number;
}

export interface SaleRefund {
  id: string;
  kind: 'refund' | 'void';
  receiptNumber: number;
  receiptCode: string;
  reason: string;
  total: number;
  tax: number;
  tip: number;
  createdAt: string | null;
}

export interface Sale {
  id: string;
  storeId: string;
  status: SaleStatus;
  label: string | null;
  clientId: string | null;
  appointmentId: string | null;
  currency: Currency;
  note: string | null;
  pricesIncludeTax: boolean;
  lines: SaleLine[];
  discount: Discount | null;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  taxes: TaxAmount[];
  total: number;
  tipTotal: number;
  cashRounding: number;
  amountDue: number;
  amountPaid: number;
  changeDue: number;
  refundedTotal: number;
  tipBase: number;
  tipSuggestions: Array<{ percent: number; amount: number }>;
  tenders: SaleTender[];
  tips: Array<{ staffId: string; amount: number }>;
  refunds: SaleRefund[];
  receiptNumber: number | null;
  receiptCode: string | null;
  businessDate: string | null;
  shiftId: string | null;
  createdAt: string | null;
  completedAt: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  version: number;
}

/** A row of GET /sales. */
export interface SaleSummary {
  id: string;
  status: SaleStatus;
  label: string | null;
  clientId: string | null;
  appointmentId: string | null;
  receiptCode: string | null;
  businessDate: string | null;
  /** ISO 8601 with the store's offset; null while open. */
  completedAt: string | null;
  /** The client's display name (null: walk-in). */
  clientName: string | null;
  total: number;
  tipTotal: number;
  amountPaid: number;
  refundedTotal: number;
  version: number;
  /** Epoch milliseconds. */
  updatedAt: number | string;
}

/** A line kind or tender as the server's registry describes it (GET /sales/kinds). */
export interface KindInfo {
  kind: string;
  /** In the reader's language. */
  label: string;
  /** Switched on at the store. */
  enabled: boolean;
  requiresClient: boolean;
  /** Tenders: cash semantics (change, CAD rounding, drawer). */
  cash?: boolean;
  /** JSON Schema of the kind's own fields in a line / tender body. */
  input: { type?: string; properties?: Record<string, unknown>; required?: string[] };
  fieldLabels: Record<string, string>;
}

export interface SalesKinds {
  lineKinds: KindInfo[];
  tenders: KindInfo[];
}

/** A line as a request body sends it: the common fields plus the kind's own. */
export type LineInput = {
  id?: string;
  kind: string;
  quantity?: number;
  unitPrice?: number;
  priceOverrideReason?: string;
  discount?: Discount | null;
  note?: string;
} & Record<string, unknown>;

export interface Approval {
  staffId: string;
  pin: string;
}

export type TipSplit = 'share' | 'equal' | 'manual';

export interface TipBody {
  amount?: number;
  percent?: number;
  split: TipSplit;
  allocations?: Array<{ staffId: string; amount: number }>;
}

export type TenderBody = { kind: string; amount: number; tip?: number } & Record<string, unknown>;

export interface CompleteBody {
  version: number;
  tip?: TipBody;
  tenders: TenderBody[];
  emailReceipt: boolean;
  receiptLanguage?: Language;
  shiftId?: string;
}

export interface RefundBody {
  reason: string;
  lines?: Array<{ lineId: string; quantity: number }>;
  amount?: number;
  tip?: number;
  approval?: Approval;
}

export interface SalesSettings {
  tipPresets: number[];
  discountApproval: { percent: number; amount: number | null };
  frontDeskRefundLimit: number;
  receiptFooter: string | null;
  receiptPrefix: string;
  version: number;
}

export interface TaxRate {
  code: string;
  name: string;
  nameTranslations?: Partial<Record<Language, string>>;
  rate: string;
  appliesTo: string[];
  compound: boolean;
}

export interface TaxSettings {
  pricesIncludeTax: boolean;
  preset: string | null;
  rates: TaxRate[];
}
