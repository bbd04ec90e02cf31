// Extension points of checkout. Later modules (ledgers: gift cards, stored value, points, coupons;
// packages) plug in here WITHOUT editing checkout's core. Register at module load (top level of your
// module's index.ts or a file it imports), once per kind; the registries refuse a duplicate kind.
//
// Lifecycle of a ticket and where each hook runs (all hooks get the open transaction `tx`; throwing an
// AppError from any hook rolls the whole write back, so "nothing half-written" holds for your rows too):
//
//   open ticket ── add/replace lines ─▶ LineKind.price(tx, input, ctx)           (every save; no side effects)
//              ── complete (one transaction, Idempotency-Key) ─────────────────────────────────────────────
//                   1. lines, taxes, tips, tenders rows written (the receipt number is taken after step 4)
//                   2. LineKind.onComplete(tx, line, sale, ctx)     for each line, in line order
//                   3. TenderKind.apply(tx, tender, sale, ctx)      for each tender, in tender order
//                        (returns extra data stored on the tender, e.g. { principal, bonus, entryIds })
//                   4. SaleHook.onComplete(tx, sale, ctx)           (points earning, coupon use, …)
//   completed  ── refund (lines, an amount, or whole) / void (whole, same shift) ─────────────────────────
//                   1. LineKind.refundLimit(tx, line, sale)         optional cap (e.g. unspent top-up principal)
//                   2. LineKind.onRefund(tx, line, part, refund, sale, ctx)   for each refunded line part
//                   3. TenderKind.refund(tx, tender, amount, refund, sale, ctx) for each tender refunded to;
//                        `tender.data` is what apply() returned, so re-credit exactly (principal vs bonus)
//                   4. SaleHook.onRefund(tx, sale, refund, ctx)     (points reversal, coupon use released, …)
//
// Money is integer cents everywhere. Kinds are lower_snake_case strings ('gift_card', 'stored_value_topup',
// 'package_purchase', 'package_redemption'; tenders 'stored_value', 'gift_card', 'points').
import type { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import type { AuditContext } from '../../platform/audit.js';
import type { Language, Messages } from '../../platform/i18n.js';
import type { Currency } from '../../platform/money.js';

export type Translations = Partial<Record<Language, string>>;

/** Where and for whom a ticket is being rung up. */
export type CheckoutContext = {
  saleId: string;
  storeId: string;
  currency: Currency;
  clientId: string | null;
  /** The visit the ticket was started from, if any. */
  appointmentId: string | null;
  now: number;
  /** The signed-in staff member (null for system/demo writes). */
  actorId: string | null;
};

/** A technician credited with a line, and their share in basis points (shares of a line sum to 10 000). */
export type StaffShare = { staffId: string; shareBp: number };

/** What a line kind says about one line when it is added or changed on an open ticket. */
export type PricedLine = {
  /** The catalog / ledger item the line points at (service id, product id, gift card id…), if any. */
  refId: string | null;
  name: string;
  nameTranslations?: Translations;
  /** Report bucket (sales by category): 'service' | 'product' | 'add_on' | 'gift_card' | … */
  category: string;
  /** Tax class matched against the store's tax rates ('service', 'product'…); null = never taxed (gift cards, top-ups). */
  taxClass: string | null;
  /** Price of one unit in cents, before discounts (tax included when the store's prices include tax). */
  unitPrice: number;
  /** Forces the quantity (e.g. always 1 for a gift card); otherwise the request's quantity is used. */
  quantity?: number;
  /** Whether line and ticket discounts may apply to it (false for gift cards and top-ups). */
  discountable: boolean;
  /** Whether the front desk may type another unit price (false when the amount IS the item, e.g. a gift card). */
  priceOverridable: boolean;
  /** Counts in the tip base and the tip split (services). */
  tipEligible: boolean;
  /** Technicians credited (services, add-ons); empty for retail. */
  staff: StaffShare[];
  /** The kind's normalised data, stored with the line (JSON) and handed back to every later hook. */
  data: Record<string, unknown>;
};

/** A line as stored on a completed sale: what the hooks receive. Amounts are after every discount. */
export type SaleLine<D = Record<string, unknown>> = {
  id: string;
  position: number;
  kind: string;
  refId: string | null;
  name: string;
  category: string;
  taxClass: string | null;
  quantity: number;
  unitPrice: number;
  /** quantity × unitPrice. */
  gross: number;
  /** Line discount + its share of the ticket discount. */
  discount: number;
  /** The line's own discount, and its share of the ticket discount (discount = the two). */
  lineDiscount: number;
  ticketDiscount: number;
  /** Where the line's own discount came from (a coupon, the tier…), if a source gave it. */
  discountSource: { type: string; ref: string } | null;
  /** gross − discount (includes tax when prices include tax). */
  net: number;
  tax: number;
  /** What the client pays for the line: net + tax (exclusive) or net (inclusive). */
  total: number;
  /** Pre-tax amount (net, or net − tax when prices include tax): the revenue of the line. */
  preTax: number;
  staff: StaffShare[];
  data: D;
  refundedQuantity: number;
  /** Cents already refunded on this line (tax included). */
  refundedAmount: number;
};

/** A tender as stored on a completed sale. `amount` is what it paid toward the sale (change excluded). */
export type SaleTender<D = Record<string, unknown>> = {
  id: string;
  position: number;
  kind: string;
  amount: number;
  /** Cash handed over (cash only; otherwise equals amount). */
  tendered: number;
  change: number;
  /** The part of `amount` that was tip. */
  tip: number;
  data: D;
  refundedAmount: number;
};

/** A completed sale, as hooks see it. */
export type SaleSnapshot = {
  id: string;
  storeId: string;
  clientId: string | null;
  appointmentId: string | null;
  currency: Currency;
  status: 'completed' | 'voided';
  /** Null while the sale completes: the number is taken by the completion's last statement, after the hooks. */
  receiptNumber: number | null;
  receiptCode: string | null;
  /** YYYY-MM-DD in the store's time zone. */
  businessDate: string;
  completedAt: number;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  tipTotal: number;
  /** subtotal − discounts + tax (when added on top): what the goods cost. */
  total: number;
  /** CAD cash rounding to 5 ¢ (±2 ¢), its own amount. */
  cashRounding: number;
  /** Σ tender amounts = total + tips + cashRounding. */
  amountPaid: number;
  refundedTotal: number;
  /** Ticket-level discount as entered (with its optional source, e.g. a coupon). */
  ticketDiscount: DiscountInput | null;
  lines: SaleLine[];
  tenders: SaleTender[];
};

/** One refunded part of a line. */
export type RefundLinePart = { lineId: string; quantity: number; net: number; tax: number; total: number };
export type RefundTenderPart = { tenderId: string; kind: string; amount: number };

export type RefundSnapshot = {
  id: string;
  saleId: string;
  kind: 'refund' | 'void';
  receiptNumber: number;
  receiptCode: string;
  reason: string;
  /** Goods refunded (tax included) + tips refunded + cash rounding = Σ tender parts. */
  total: number;
  tax: number;
  tip: number;
  cashRounding: number;
  lines: RefundLinePart[];
  tenders: RefundTenderPart[];
  /** Lines refunded by quantity that their kind's refundLimit cut down: what was asked, what came back. */
  limited: Array<{ lineId: string; requested: number; refunded: number }>;
  createdAt: number;
};

/** What every hook gets besides the transaction. */
export type HookContext = {
  storeId: string;
  currency: Currency;
  clientId: string | null;
  now: number;
  /** The store's IANA time zone (local dates of the sale). */
  timeZone: string;
  audit: AuditContext;
  /** Runs after the commit only (e.g. wake a worker). */
  afterCommit(fn: () => void | Promise<void>): void;
};

/** A discount as entered: an amount in cents or a percent, with a reason and an optional source. */
export type DiscountInput = {
  type: 'amount' | 'percent';
  /** Cents, for type 'amount'. */
  amount?: number;
  /** 0–100 with up to 2 decimals, for type 'percent'. */
  percent?: number;
  reason: string;
  /** A registered discount source (e.g. { type: 'coupon', ref: couponId }); its check replaces manager approval. */
  source?: { type: string; ref: string };
  /** Set by checkout: who approved a discount above the store's threshold. */
  approvedBy?: string | null;
  /** Set by checkout from the source's scope(): the only lines a ticket discount spreads over (a category coupon). */
  lineIds?: string[];
};

/**
 * What GET /sales/kinds tells the web about a kind besides its label and its schema (as JSON Schema), so a
 * module's kind shows up at the desk without editing the web. All optional.
 */
export type KindPresentation = {
  /** Labels of the kind's own fields, for the form the web draws from the schema. */
  fieldLabels?: Record<string, Messages>;
  /** Needs a client on the ticket (their balance pays, or the item is theirs). */
  requiresClient?: boolean;
  /** Whether the kind is switched on for a store (default: always). No writes. */
  enabled?(tx: Executor, storeId: string): Promise<boolean>;
};

export type LineKind<I = any, D = any> = KindPresentation & {
  kind: string;
  label: Messages;
  /** The kind's own fields in a line body (besides kind, quantity, unitPrice, discount…): a zod object. */
  schema: z.ZodObject<any>;
  /** Resolves a line on an open ticket (catalog lookup, validation). No writes here. */
  price(tx: Executor, input: I, ctx: CheckoutContext): Promise<PricedLine>;
  /** Inside the completion transaction (activate a gift card, credit a top-up, open a package…). */
  onComplete?(tx: Executor, line: SaleLine<D>, sale: SaleSnapshot, ctx: HookContext): Promise<void>;
  /**
   * Cap on what may still be refunded for this line (cents, tax included); default: its total minus refunds.
   * A refund of the line by quantity gets at most the cap (listed in `refund.limited`); 0 refuses it.
   */
  refundLimit?(tx: Executor, line: SaleLine<D>, sale: SaleSnapshot): Promise<number>;
  /** Inside the refund / void transaction, once per refunded line part. */
  onRefund?(
    tx: Executor,
    line: SaleLine<D>,
    part: RefundLinePart,
    refund: RefundSnapshot,
    sale: SaleSnapshot,
    ctx: HookContext,
  ): Promise<void>;
};

export type TenderKind<D = any> = KindPresentation & {
  kind: string;
  label: Messages;
  /** The tender's own fields in a body (besides kind, amount, tip): a zod object. */
  schema: z.ZodObject<any>;
  /** Cash semantics (change due, CAD 5 ¢ rounding, needs an open shift): the built-in `cash` only. */
  cash?: boolean;
  /** Inside the completion transaction: charge the ledger; what it returns is merged into the stored data. */
  // biome-ignore lint/suspicious/noConfusingVoidType: an apply() that records nothing may simply return.
  apply?(tx: Executor, tender: SaleTender<D>, sale: SaleSnapshot, ctx: HookContext): Promise<Record<string, unknown> | void>;
  /** Inside a refund / void: give `amount` back to this tender (never more than it paid minus earlier refunds). */
  refund?(tx: Executor, tender: SaleTender<D>, amount: number, refund: RefundSnapshot, sale: SaleSnapshot, ctx: HookContext): Promise<void>;
};

/** Sale-wide hooks (points earning and reversal, coupon use). */
export type SaleHook = {
  name: string;
  onComplete?(tx: Executor, sale: SaleSnapshot, ctx: HookContext): Promise<void>;
  onRefund?(tx: Executor, sale: SaleSnapshot, refund: RefundSnapshot, ctx: HookContext): Promise<void>;
};

/** A discount a source puts on a line by itself; `ref` becomes the discount's `source.ref` (e.g. the tier id). */
export type AutoDiscount = Omit<DiscountInput, 'source' | 'approvedBy'> & { ref: string };

/** What a source's auto() sees of each line of the ticket being saved. */
export type AutoDiscountLine = {
  id: string;
  kind: string;
  refId: string | null;
  category: string;
  discountable: boolean;
  /** The kind's data (a service line's categoryId…). */
  data: Record<string, unknown>;
  discount: DiscountInput | null;
};

/** The whole ticket as a source's check() sees it: every line with its discount, and the ticket discount. */
export type TicketView = { lines: readonly AutoDiscountLine[]; discount: DiscountInput | null };

/** A discount source (coupon, tier, points-as-discount): checked when the discount is put on a ticket. */
export type DiscountSource = {
  type: string;
  /**
   * Throw an AppError (e.g. 422 coupon_not_applicable) when it does not apply; no writes. `base` is what
   * the discount applies to (the line's gross, or the ticket's lines in scope); `ticket` lets a source
   * refuse combinations (a coupon that does not stack with other discounts).
   */
  check(
    tx: Executor,
    discount: DiscountInput,
    ctx: CheckoutContext & { lineId: string | null; base: number; ticket: TicketView },
  ): Promise<void>;
  /**
   * Optional: the lines a ticket discount of this source is limited to (a category coupon: its categories'
   * lines), or null for every discountable line. Runs on every save, before pricing; throw when no line fits.
   */
  scope?(tx: Executor, discount: DiscountInput, lines: readonly AutoDiscountLine[], ctx: CheckoutContext): Promise<string[] | null>;
  /**
   * Optional: discounts the source puts on lines by itself (a member's tier discount), one entry per line,
   * null for none. Runs on every save of an open ticket; its answer replaces the source's earlier discounts.
   * A line that is not discountable, or carries a discount typed at the desk or from another source, keeps
   * its own. The discounts are then checked like any other of the source (no manager approval). No writes.
   */
  auto?(
    tx: Executor,
    lines: readonly AutoDiscountLine[],
    ctx: CheckoutContext & { ticketDiscount: DiscountInput | null },
  ): Promise<ReadonlyArray<AutoDiscount | null>>;
};

/** What checkout needs from an appointment to start a ticket from it (the appointments module provides it). */
export type CheckoutAppointment = {
  id: string;
  storeId: string;
  clientId: string | null;
  status: string;
  /** Its service lines in order: the ticket's lines (with their booked prices) when none are given. */
  lines: Array<{
    id: string;
    serviceId: string;
    staffId: string;
    price: number;
    /** Add-ons booked on the line: add-on lines after it, at their booked prices, for the same technician. */
    addOns?: ReadonlyArray<{ addOnId: string; price: number }>;
  }>;
};

/**
 * The appointments module plugs in here (checkout does not import it, so it may register line kinds):
 * `load` an appointment of a store (undefined: none), and `complete` it when its ticket is paid, inside
 * the completion transaction (a no-op when it is completed already).
 */
export type AppointmentLink = {
  load(tx: Executor, id: string, storeId: string): Promise<CheckoutAppointment | undefined>;
  complete(tx: Executor, id: string, saleId: string, ctx: AuditContext): Promise<void>;
};

/** Extra lines on a receipt (balances left: stored value, points, package sessions). */
export type ReceiptSection = {
  name: string;
  lines(tx: Executor, sale: SaleSnapshot, lang: Language): Promise<Array<{ label: string; value: string }>>;
};

const lineKinds = new Map<string, LineKind>();
const tenderKinds = new Map<string, TenderKind>();
const saleHooks = new Map<string, SaleHook>();
const discountSources = new Map<string, DiscountSource>();
const receiptSections = new Map<string, ReceiptSection>();
let appointments: AppointmentLink | null = null;

const KIND = /^[a-z][a-z0-9_]{1,39}$/;

function put<T>(map: Map<string, T>, key: string, value: T, what: string): () => void {
  if (!KIND.test(key)) throw new Error(`${what} "${key}" must be lower_snake_case`);
  if (map.has(key) && map.get(key) !== value) throw new Error(`${what} "${key}" registered twice`);
  map.set(key, value);
  return () => {
    map.delete(key);
  };
}

/** Adds a line kind. Returns a function that removes it (tests). */
export const registerLineKind = <I, D>(k: LineKind<I, D>) => put(lineKinds, k.kind, k as LineKind, 'line kind');
export const registerTender = <D>(k: TenderKind<D>) => put(tenderKinds, k.kind, k as TenderKind, 'tender kind');
export const registerSaleHook = (h: SaleHook) => put(saleHooks, h.name, h, 'sale hook');
export const registerDiscountSource = (s: DiscountSource) => put(discountSources, s.type, s, 'discount source');
export const registerReceiptSection = (s: ReceiptSection) => put(receiptSections, s.name, s, 'receipt section');
export function registerAppointmentLink(link: AppointmentLink): () => void {
  if (appointments && appointments !== link) throw new Error('appointment link registered twice');
  appointments = link;
  return () => {
    appointments = null;
  };
}

export const lineKind = (kind: string): LineKind | undefined => lineKinds.get(kind);
export const tenderKind = (kind: string): TenderKind | undefined => tenderKinds.get(kind);
export const allLineKinds = (): LineKind[] => [...lineKinds.values()];
export const allTenderKinds = (): TenderKind[] => [...tenderKinds.values()];
export const allSaleHooks = (): SaleHook[] => [...saleHooks.values()];
export const discountSource = (type: string): DiscountSource | undefined => discountSources.get(type);
export const allDiscountSources = (): DiscountSource[] => [...discountSources.values()];
export const allReceiptSections = (): ReceiptSection[] => [...receiptSections.values()];
export const appointmentLink = (): AppointmentLink | null => appointments;
