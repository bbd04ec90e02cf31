// Turning request lines into ticket lines through their kinds, and the discount approval rule.
import { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import { AppError, type FieldError, PlatformErrors } from '../../platform/errors.js';
import { canonicalJson } from '../../platform/idempotency.js';
import { newId } from '../../platform/ids.js';
import { percentOf } from '../../platform/money.js';
import { type ApprovalReason, approvalRequired } from './approval-required.js';
import { SalesErrors } from './errors.js';
import type { TicketLine } from './model.js';
import { type PricedTicket, percentToBp } from './pricing.js';
import {
  type AutoDiscountLine,
  allDiscountSources,
  type CheckoutContext,
  type DiscountInput,
  discountSource,
  type LineKind,
  lineKind,
  type TicketView,
} from './registry.js';
import { type LineInput, lineCommon } from './schemas.js';
import type { SalesSettings } from './settings.js';

const COMMON_KEYS = new Set(Object.keys(lineCommon));
const strictSchemas = new WeakMap<LineKind, z.ZodType>();

function strictSchemaOf(kind: LineKind): z.ZodType {
  let s = strictSchemas.get(kind);
  if (!s) {
    s = z.strictObject({ ...lineCommon, ...kind.schema.shape });
    strictSchemas.set(kind, s);
  }
  return s;
}

/** Re-raises an error with its field paths under `prefix` (e.g. `lines.2`). */
export function underPath(err: unknown, prefix: string): unknown {
  if (!(err instanceof AppError)) return err;
  const errors: FieldError[] = err.errors.map((e) => ({ ...e, path: e.path ? `${prefix}.${e.path}` : prefix }));
  const params = err.code === 'validation_failed' ? { fields: errors.map((e) => e.path).join(', ') } : err.params;
  return new AppError(err.code, err.status, params, errors.length ? errors : [{ path: prefix, message: err.code }], err.headers, err.extra);
}

export function zodToValidation(error: z.ZodError, prefix: string): AppError {
  const errors = error.issues.flatMap((i): FieldError[] => {
    const base = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    const keys = (i as { keys?: string[] }).keys;
    if (i.code === 'unrecognized_keys' && keys) return keys.map((k) => ({ path: `${base}.${k}`, message: `Unrecognized key: "${k}"` }));
    return [{ path: base, message: i.message }];
  });
  return PlatformErrors.validation_failed({ fields: [...new Set(errors.map((e) => e.path))].join(', ') }, errors);
}

/**
 * Resolves request lines into ticket lines. A line that keeps its `id`, its quantity and the same kind
 * fields as before is not resolved again (its name, list price and technicians stay as they were);
 * others go through their kind's price().
 */
export async function resolveLines(
  tx: Executor,
  inputs: readonly LineInput[],
  existing: ReadonlyMap<string, TicketLine>,
  ctx: CheckoutContext,
  prefix = 'lines',
): Promise<TicketLine[]> {
  const out: TicketLine[] = [];
  for (const [i, raw] of inputs.entries()) {
    const path = `${prefix}.${i}`;
    const kind = lineKind(raw.kind);
    if (!kind)
      throw PlatformErrors.validation_failed({ fields: `${path}.kind` }, [
        { path: `${path}.kind`, message: `unknown line kind "${raw.kind}"` },
      ]);
    const parsed = strictSchemaOf(kind).safeParse(raw);
    if (!parsed.success) throw zodToValidation(parsed.error, path);
    const common = parsed.data as LineInput & Record<string, unknown>;
    const own = Object.fromEntries(Object.entries(common).filter(([k]) => !COMMON_KEYS.has(k)));
    const prev = common.id ? existing.get(common.id) : undefined;
    if (common.id && !prev)
      throw PlatformErrors.validation_failed({ fields: `${path}.id` }, [{ path: `${path}.id`, message: 'no such line on this ticket' }]);

    let base: Omit<TicketLine, 'quantity' | 'unitPrice' | 'priceOverrideReason' | 'discount' | 'note' | 'approvedBy'> & {
      quantity?: number;
    };
    // Reused only when nothing the kind decides on changed (a kind may force the quantity, e.g. gift cards).
    if (prev && prev.kind === kind.kind && (common.quantity ?? 1) === prev.quantity && canonicalJson(prev.input) === canonicalJson(own)) {
      base = { ...prev, quantity: undefined };
    } else {
      let priced: Awaited<ReturnType<LineKind['price']>>;
      try {
        priced = await kind.price(tx, own, ctx);
      } catch (err) {
        throw underPath(err, path);
      }
      base = {
        id: prev?.id ?? newId(),
        kind: kind.kind,
        refId: priced.refId,
        name: priced.name,
        nameTranslations: priced.nameTranslations ?? {},
        category: priced.category,
        taxClass: priced.taxClass,
        listPrice: priced.unitPrice,
        discountable: priced.discountable,
        priceOverridable: priced.priceOverridable,
        tipEligible: priced.tipEligible,
        staff: priced.staff,
        data: priced.data,
        input: own,
        ...(priced.quantity !== undefined ? { quantity: priced.quantity } : {}),
      };
    }
    const overridden = common.unitPrice !== undefined && common.unitPrice !== base.listPrice;
    if (overridden && !base.priceOverridable)
      throw SalesErrors.price_not_overridable({}, [{ path: `${path}.unitPrice`, message: 'fixed price' }]);
    if (common.discount && !base.discountable)
      throw SalesErrors.not_discountable({}, [{ path: `${path}.discount`, message: 'not discountable' }]);
    out.push({
      ...base,
      quantity: base.quantity ?? common.quantity ?? 1,
      unitPrice: overridden ? common.unitPrice! : base.listPrice,
      priceOverrideReason: overridden ? (common.priceOverrideReason ?? null) : null,
      discount: common.discount ? { ...common.discount } : null,
      note: common.note ?? null,
      approvedBy: null,
    });
  }
  return out;
}

/**
 * Discounts that sources put on lines by themselves (tier): each source with auto() proposes one per line;
 * its proposal replaces what it proposed before, and never a discount typed at the desk or from another source.
 */
const autoLine = (l: TicketLine): AutoDiscountLine => ({
  id: l.id,
  kind: l.kind,
  refId: l.refId,
  category: l.category,
  discountable: l.discountable,
  data: l.data,
  discount: l.discount,
});

export async function applyAutoDiscounts(
  tx: Executor,
  lines: readonly TicketLine[],
  ticketDiscount: DiscountInput | null,
  ctx: CheckoutContext,
): Promise<TicketLine[]> {
  let out = [...lines];
  for (const source of allDiscountSources()) {
    if (!source.auto || out.length === 0) continue;
    const proposed = await source.auto(tx, out.map(autoLine), { ...ctx, ticketDiscount });
    out = out.map((l, i) => {
      if (!l.discountable || (l.discount && l.discount.source?.type !== source.type)) return l;
      const d = proposed[i];
      if (!d) return l.discount ? { ...l, discount: null } : l;
      const { ref, ...discount } = d;
      return { ...l, discount: { ...discount, source: { type: source.type, ref } } };
    });
  }
  return out;
}

/**
 * A ticket discount whose source limits it to some lines (a category coupon) gets their ids in `lineIds`,
 * set here on every save (never taken from the request), so pricing spreads it over those lines only.
 */
export async function scopeTicketDiscount(
  tx: Executor,
  lines: readonly TicketLine[],
  discount: DiscountInput | null,
  ctx: CheckoutContext,
): Promise<DiscountInput | null> {
  if (!discount) return null;
  const { lineIds: _, ...rest } = discount;
  const source = rest.source ? discountSource(rest.source.type) : undefined;
  if (!source?.scope) return rest;
  let lineIds: string[] | null;
  try {
    lineIds = await source.scope(tx, rest, lines.map(autoLine), ctx);
  } catch (err) {
    throw underPath(err, 'discount');
  }
  return lineIds ? { ...rest, lineIds } : rest;
}

const sameDiscount = (a: DiscountInput | null, b: DiscountInput | null) =>
  canonicalJson(a ? { ...a, approvedBy: undefined } : null) === canonicalJson(b ? { ...b, approvedBy: undefined } : null);

/** Whether taking `reduction` cents off `base` is above the store's threshold. */
export function aboveThreshold(reduction: number, base: number, rule: SalesSettings['discountApproval']): boolean {
  if (reduction <= 0) return false;
  if (rule.amount !== null && reduction > rule.amount) return true;
  return reduction > percentOf(base, percentToBp(rule.percent));
}

export type ApprovalState = {
  /** Whoever may approve in this request: the actor (with sales.discount_override) or a verified manager. */
  approverId: string | null;
  settings: SalesSettings;
};

export type ApprovalOutcome = {
  lines: TicketLine[];
  ticketApprovedBy: string | null;
  /** For the audit log: what was newly approved, and price overrides that are new or changed. */
  approvals: Array<{ lineId: string | null; reduction: number; approvedBy: string }>;
  overrides: Array<{ lineId: string; name: string; listPrice: number; unitPrice: number; reason: string | null }>;
};

/**
 * A discount, or a price typed below the list price, above the store's threshold needs a manager. An
 * approval given earlier stays while the line's discount and price stay the same. Discounts from a
 * registered source (coupon, tier) are checked by that source instead.
 */
export async function settleApprovals(
  tx: Executor,
  lines: TicketLine[],
  priced: PricedTicket,
  ticketDiscount: DiscountInput | null,
  prev: { lines: ReadonlyMap<string, TicketLine>; ticketDiscount: DiscountInput | null; ticketApprovedBy: string | null },
  state: ApprovalState,
  ctx: CheckoutContext,
): Promise<ApprovalOutcome> {
  const approvals: ApprovalOutcome['approvals'] = [];
  const overrides: ApprovalOutcome['overrides'] = [];
  const need = (what: ApprovalReason, reduction: number, lineId: string | null): string => {
    if (!state.approverId) throw approvalRequired(what, reduction, ctx.currency);
    approvals.push({ lineId, reduction, approvedBy: state.approverId });
    return state.approverId;
  };

  const ticket: TicketView = { lines: lines.map(autoLine), discount: ticketDiscount };
  const out: TicketLine[] = [];
  for (const [i, line] of lines.entries()) {
    const p = priced.lines[i]!;
    const before = prev.lines.get(line.id);
    if (line.unitPrice !== line.listPrice && (!before || before.unitPrice !== line.unitPrice))
      overrides.push({
        lineId: line.id,
        name: line.name,
        listPrice: line.listPrice,
        unitPrice: line.unitPrice,
        reason: line.priceOverrideReason,
      });
    if (line.discount?.source)
      await checkSource(tx, line.discount, { ...ctx, lineId: line.id, base: p.gross, ticket }, `lines.${i}.discount`);
    const below = Math.max(0, (line.listPrice - line.unitPrice) * line.quantity);
    const reduction = (line.discount?.source ? 0 : p.lineDiscount) + below;
    let approvedBy: string | null = null;
    if (aboveThreshold(reduction, Math.max(p.gross, line.listPrice * line.quantity), state.settings.discountApproval)) {
      const kept = before?.approvedBy && before.unitPrice === line.unitPrice && sameDiscount(before.discount, line.discount);
      approvedBy = kept ? before.approvedBy : need('line_discount', reduction, line.id);
    }
    out.push({ ...line, approvedBy, discount: line.discount ? { ...line.discount, approvedBy } : null });
  }

  let ticketApprovedBy: string | null = null;
  if (ticketDiscount) {
    const discounted = priced.lines.reduce((a, l) => a + l.ticketDiscount, 0);
    const scope = ticketDiscount.lineIds ? new Set(ticketDiscount.lineIds) : null;
    const base = lines.reduce(
      (a, l, i) => a + (l.discountable && (!scope || scope.has(l.id)) ? priced.lines[i]!.gross - priced.lines[i]!.lineDiscount : 0),
      0,
    );
    if (ticketDiscount.source) await checkSource(tx, ticketDiscount, { ...ctx, lineId: null, base, ticket }, 'discount');
    else if (aboveThreshold(discounted, base, state.settings.discountApproval)) {
      const kept = prev.ticketApprovedBy && sameDiscount(prev.ticketDiscount, ticketDiscount);
      ticketApprovedBy = kept ? prev.ticketApprovedBy : need('ticket_discount', discounted, null);
    }
  }
  return { lines: out, ticketApprovedBy, approvals, overrides };
}

async function checkSource(
  tx: Executor,
  d: DiscountInput,
  ctx: CheckoutContext & { lineId: string | null; base: number; ticket: TicketView },
  path: string,
) {
  const source = discountSource(d.source!.type);
  if (!source)
    throw PlatformErrors.validation_failed({ fields: `${path}.source.type` }, [
      { path: `${path}.source.type`, message: 'unknown discount source' },
    ]);
  try {
    await source.check(tx, d, ctx);
  } catch (err) {
    throw underPath(err, path);
  }
}
