// The built-in line kinds (service, product, add-on) and tenders (cash, card, other), registered through
// the same registries the ledgers and packages modules use.
import { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import { PlatformErrors } from '../../platform/errors.js';
import { findProductIdByCode, getAddOns, getEffectiveProducts, getEffectiveServices } from '../catalog/index.js';
import { SalesErrors } from './errors.js';
import { appointmentLink, type CheckoutContext, registerLineKind, registerTender, type StaffShare } from './registry.js';
import { staffAtStore } from './staff.js';

async function assertStaff(tx: Executor, ctx: CheckoutContext, ids: readonly string[], path: string) {
  const found = await staffAtStore(tx, ctx.storeId, ids);
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0)
    throw SalesErrors.technician_cannot_perform({}, [
      { path: `${path}.${missing}.staffId`, message: 'not an active technician of this store' },
    ]);
}

const technicians = z
  .array(z.strictObject({ staffId: z.uuid(), sharePercent: z.int().min(1).max(99).optional() }))
  .min(1)
  .max(2)
  .refine((t) => t.length < 2 || t[0]!.staffId !== t[1]!.staffId, 'two different technicians')
  .refine(
    (t) =>
      t.length < 2 ||
      t[0]!.sharePercent === undefined ||
      t[1]!.sharePercent === undefined ||
      t[0]!.sharePercent + t[1]!.sharePercent === 100,
    'shares must add up to 100',
  );

/** Two technicians split a service: given shares, the missing one takes the rest; none given: halves. */
function shares(list: ReadonlyArray<{ staffId: string; sharePercent?: number | undefined }>): StaffShare[] {
  if (list.length === 1) return [{ staffId: list[0]!.staffId, shareBp: 10_000 }];
  const [a, b] = list as [{ staffId: string; sharePercent?: number }, { staffId: string; sharePercent?: number }];
  const first = a.sharePercent ?? (b.sharePercent !== undefined ? 100 - b.sharePercent : 50);
  return [
    { staffId: a.staffId, shareBp: first * 100 },
    { staffId: b.staffId, shareBp: 10_000 - first * 100 },
  ];
}

type ServiceInput = { serviceId: string; technicians: Array<{ staffId: string; sharePercent?: number }>; appointmentLineId?: string };

/** An appointment line named on a ticket line must be a line of the ticket's visit, for the same service. */
async function assertAppointmentLine(tx: Executor, ctx: CheckoutContext, lineId: string, serviceId: string) {
  const appt = ctx.appointmentId ? await appointmentLink()?.load(tx, ctx.appointmentId, ctx.storeId) : undefined;
  const line = appt?.lines.find((l) => l.id === lineId);
  if (!line || line.serviceId !== serviceId)
    throw PlatformErrors.validation_failed({ fields: 'appointmentLineId' }, [
      { path: 'appointmentLineId', message: 'not a line of this ticket’s appointment for this service' },
    ]);
}

registerLineKind<ServiceInput, { serviceId: string; categoryId: string | null; durationMin: number; appointmentLineId?: string }>({
  kind: 'service',
  label: { en: 'Service', 'zh-CN': '服务', 'zh-TW': '服務' },
  schema: z.object({
    serviceId: z.uuid(),
    technicians,
    /** The visit's line this is (set when the ticket starts from an appointment). */
    appointmentLineId: z.uuid().optional(),
  }),
  async price(tx, input, ctx) {
    const svc = (await getEffectiveServices(tx, ctx.storeId, [input.serviceId])).get(input.serviceId);
    if (!svc || svc.archived || !svc.available) throw SalesErrors.item_not_sold_here({ item: svc?.name ?? input.serviceId });
    if (input.appointmentLineId) await assertAppointmentLine(tx, ctx, input.appointmentLineId, input.serviceId);
    const staff = shares(input.technicians);
    await assertStaff(
      tx,
      ctx,
      staff.map((s) => s.staffId),
      'technicians',
    );
    // The first technician's own price for this service, when they have one.
    const own = svc.staff.find((s) => s.staffId === staff[0]!.staffId);
    return {
      refId: svc.id,
      name: svc.name,
      nameTranslations: svc.nameTranslations,
      category: 'service',
      taxClass: svc.taxClass,
      unitPrice: own?.price ?? svc.price,
      discountable: true,
      priceOverridable: true,
      tipEligible: true,
      staff,
      data: {
        serviceId: svc.id,
        categoryId: svc.categoryId,
        durationMin: own?.durationMin ?? svc.durationMin,
        ...(input.appointmentLineId ? { appointmentLineId: input.appointmentLineId } : {}),
      },
    };
  },
});

type ProductInput = { productId?: string; code?: string; staffId?: string };

registerLineKind<ProductInput, { productId: string; sku: string }>({
  kind: 'product',
  label: { en: 'Product', 'zh-CN': '商品', 'zh-TW': '商品' },
  schema: z.object({
    productId: z.uuid().optional(),
    /** SKU or barcode, as a scanner types it. */
    code: z.string().trim().min(1).max(64).optional(),
    /** Who sold it (commission), optional. */
    staffId: z.uuid().optional(),
  }),
  async price(tx, input, ctx) {
    if (!input.productId === !input.code)
      throw PlatformErrors.validation_failed({ fields: 'productId' }, [{ path: 'productId', message: 'give productId or code' }]);
    const id = input.productId ?? (await findProductIdByCode(tx, input.code!));
    const product = id ? (await getEffectiveProducts(tx, ctx.storeId, [id])).get(id) : undefined;
    if (!product || product.archived || !product.available || product.usage === 'backbar')
      throw SalesErrors.item_not_sold_here({ item: product?.name ?? input.code ?? input.productId ?? '' });
    if (input.staffId) await assertStaff(tx, ctx, [input.staffId], 'staff');
    return {
      refId: product.id,
      name: product.name,
      nameTranslations: product.nameTranslations,
      category: 'product',
      taxClass: product.taxClass,
      unitPrice: product.price,
      discountable: true,
      priceOverridable: true,
      tipEligible: false,
      staff: input.staffId ? [{ staffId: input.staffId, shareBp: 10_000 }] : [],
      data: { productId: product.id, sku: product.sku },
    };
  },
});

type AddOnInput = { addOnId: string; staffId?: string };

registerLineKind<AddOnInput, { addOnId: string }>({
  kind: 'add_on',
  label: { en: 'Add-on', 'zh-CN': '附加项目', 'zh-TW': '附加項目' },
  schema: z.object({ addOnId: z.uuid(), staffId: z.uuid().optional() }),
  async price(tx, input, ctx) {
    const addOn = (await getAddOns(tx, [input.addOnId])).get(input.addOnId);
    if (!addOn || addOn.archived) throw SalesErrors.item_not_sold_here({ item: addOn?.name ?? input.addOnId });
    if (input.staffId) await assertStaff(tx, ctx, [input.staffId], 'staff');
    return {
      refId: addOn.id,
      name: addOn.name,
      nameTranslations: addOn.nameTranslations,
      category: 'add_on',
      taxClass: addOn.taxClass,
      unitPrice: addOn.price,
      discountable: true,
      priceOverridable: true,
      tipEligible: true,
      staff: input.staffId ? [{ staffId: input.staffId, shareBp: 10_000 }] : [],
      data: { addOnId: addOn.id },
    };
  },
});

// ── Tenders ─────────────────────────────────────────────────────────────────────────────────────────────

registerTender({
  kind: 'cash',
  label: { en: 'Cash', 'zh-CN': '现金', 'zh-TW': '現金' },
  schema: z.object({}),
  cash: true,
});

registerTender({
  kind: 'card',
  label: { en: 'Card', 'zh-CN': '银行卡', 'zh-TW': '信用卡' },
  fieldLabels: {
    brand: { en: 'Card brand', 'zh-CN': '卡组织', 'zh-TW': '發卡組織' },
    last4: { en: 'Last 4 digits', 'zh-CN': '卡号后四位', 'zh-TW': '卡號末四碼' },
    authCode: { en: 'Authorization code', 'zh-CN': '授权码', 'zh-TW': '授權碼' },
  },
  schema: z.object({
    brand: z.enum(['visa', 'mastercard', 'amex', 'discover', 'interac', 'unionpay', 'jcb', 'other']).optional(),
    last4: z
      .string()
      .regex(/^\d{4}$/, '4 digits')
      .optional(),
    authCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,20}$/)
      .optional(),
  }),
});

registerTender({
  kind: 'other',
  label: { en: 'Other', 'zh-CN': '其他', 'zh-TW': '其他' },
  fieldLabels: {
    method: { en: 'Method', 'zh-CN': '方式', 'zh-TW': '方式' },
    reference: { en: 'Reference', 'zh-CN': '参考号', 'zh-TW': '參考號' },
  },
  schema: z.object({
    method: z.enum(['cheque', 'voucher', 'other']),
    reference: z.string().trim().max(60).optional(),
  }),
});
