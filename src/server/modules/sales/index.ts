// Checkout (sales) — the module's only import surface.
//
// EXTENSION POINTS (ledgers, packages): see ./registry.ts for the full lifecycle comment and types.
//
//   registerLineKind({ kind, label, schema, price(tx, input, ctx) → PricedLine,
//                      onComplete?(tx, line, sale, ctx), refundLimit?(tx, line, sale) → cents,
//                      onRefund?(tx, line, part, refund, sale, ctx) })
//     A line in a request body is `{ kind, quantity?, unitPrice?, priceOverrideReason?, discount?, note?,
//     ...your schema's fields }`; checkout validates the common fields, then your `schema` (a zod object,
//     merged strictly: unknown fields are 400 with paths `lines.N.field`), then calls price(). Return
//     taxClass null for never-taxed lines (gift cards, top-ups), discountable/priceOverridable false when
//     the amount IS the item, data = what you need later (stored as JSON on the line).
//     Built in: 'service' { serviceId, technicians: [{ staffId, sharePercent? }] (1–2), appointmentLineId? },
//               'product' { productId } | { code } (SKU or barcode),
//               'add_on'  { addOnId, staffId? }.
//
//   registerTender({ kind, label, schema, apply?(tx, tender, sale, ctx) → extra data,
//                    refund?(tx, tender, amount, refund, sale, ctx) })
//     A tender in the completion body is `{ kind, amount, tip?, ...your schema's fields }`. apply() runs
//     inside the completion transaction after every row is written (throw 422 insufficient_balance etc.
//     to refuse: everything rolls back); its return value is merged into tender.data and handed back to
//     refund(), so you can re-credit principal vs bonus exactly.
//     Built in: 'cash' { } (amount = cash handed over; change computed; CAD rounds to 5 ¢; needs an open
//               shift), 'card' { brand?, last4?, authCode? }, 'other' { method: 'cheque'|'voucher'|'other', reference? }.
//
//   Line kinds and tenders may also say, for GET /sales/kinds (what the web offers at the desk):
//     fieldLabels { field: { en, zh-CN, zh-TW } }, requiresClient, enabled?(tx, storeId) (default: on).
//     The web draws a tender's fields from its schema (JSON Schema): no web change for a new kind.
//
//   registerSaleHook({ name, onComplete?(tx, sale, ctx), onRefund?(tx, sale, refund, ctx) })
//     Sale-wide reactions: points earned / reversed, coupon use claimed / released.
//   registerDiscountSource({ type, check(tx, discount, ctx), auto?(tx, lines, ctx) })
//     Lets a discount carry `source: { type: 'coupon', ref }`; check() replaces manager approval. auto()
//     puts the source's discounts on lines by itself at every save (the member's tier discount).
//   registerReceiptSection({ name, lines(tx, sale, lang) → [{ label, value }] })
//     Balances left (stored value, points, package sessions) printed at the bottom of receipts.
//   registerAppointmentLink({ load(tx, id, storeId), complete(tx, id, saleId, ctx) })
//     The appointments module's side of "start a ticket from a visit" and "paid, so completed" (checkout
//     does not import appointments, so appointments can register line kinds such as its fees).
//
// Every registry returns an unregister function (for tests). Register once, at module load.
//
// OTHER EXPORTS
//   salesRoutes(deps)                          all /sales (incl. GET /sales/kinds), /stores/:id/tax-settings, /stores/:id/sales-settings routes
//   verifyApproval(db, approval, storeId, permission, now)   a manager's PIN at the terminal → their staff id
//   summarizeSales(db, { storeId, date } | { shiftId })   X / Z report figures (shifts module)
//   cashOfShift(db, shiftId)                   cash taken and paid back through a drawer shift
//   paidLines(db, kind, refIds)                lines of a kind for these refs that stand paid (completed,
//                                              not refunded as such): e.g. which appointment fees are collected
//   seedDemoSales(tx, opts)                    demo data (see demo.ts for the options)
//   openTicket(tx, input: SaleCreate, approverId, ctx)  opens a ticket inside the caller's transaction
//                                              (demo, benchmarks, imports); approverId null = no discount approval
//   SalesErrors, taxLine / taxPreset / parseTaxSettings (pure tax rules), priceTicket (pure pricing)
import './kinds.js';
import './hooks.js';

export { verifyApproval } from './approval.js';
export { type DemoSalesOptions, type DemoSalesResult, seedDemoSales } from './demo.js';
export { SalesErrors } from './errors.js';
export { priceTicket } from './pricing.js';
export {
  type AppointmentLink,
  type AutoDiscount,
  type AutoDiscountLine,
  type CheckoutAppointment,
  type CheckoutContext,
  type DiscountInput,
  type DiscountSource,
  type HookContext,
  type LineKind,
  type PricedLine,
  type ReceiptSection,
  type RefundLinePart,
  type RefundSnapshot,
  type RefundTenderPart,
  registerAppointmentLink,
  registerDiscountSource,
  registerLineKind,
  registerReceiptSection,
  registerSaleHook,
  registerTender,
  type SaleHook,
  type SaleLine,
  type SaleSnapshot,
  type SaleTender,
  type StaffShare,
  type TenderKind,
  type TicketView,
  type Translations,
} from './registry.js';
export { type PaidLine, paidLines } from './repo.js';
export { cashOfShift, type SalesFilter, type SalesSummary, summarizeSales } from './reports.js';
export { salesRoutes } from './routes.js';
export type { SaleCreate } from './schemas.js';
export { parseTaxSettings, TAX_PRESETS, type TaxRate, type TaxSettings, taxLine, taxPreset } from './tax.js';
export { openTicket, type SalesCtx } from './ticket.js';
