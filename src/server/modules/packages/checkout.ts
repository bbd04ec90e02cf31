// Packages in checkout, through the sales registries:
//   line `package_purchase`   { templateId, staffId? }  — the package opens (sessions issued) when the sale
//       completes; refunding the line gives back the unused sessions at their allocated value minus the
//       business's fee (refundLimit), voiding it closes an unused package.
//   line `package_redemption` { clientPackageId, serviceId, technicians, itemId?, appointmentLineId?,
//       stepOverride?: { reason } } — costs nothing, records the session (its allocated value, the
//       technician) when the sale completes; refunded or voided, the session comes back.
//   receipt section `packages` — sessions left on the packages the sale touched.
import { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import { writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { isRole, permissionsOf } from '../../platform/permissions.js';
import {
  type CheckoutContext,
  type HookContext,
  registerLineKind,
  registerReceiptSection,
  type SaleLine,
  type SaleSnapshot,
  type StaffShare,
} from '../sales/index.js';
import { PackageErrors } from './errors.js';
import { closePackage, purchasePackage, quoteRefund } from './purchase.js';
import { redeemSession, resolveRedemption, reverseSession } from './redeem.js';
import { findPackage, itemStates, lockPackage } from './repo.js';
import { nextSessionValue } from './rules.js';
import { findTemplate, parseJson, soldAt, type Translations, textIn } from './templates.js';

export const PACKAGE_PURCHASE_LINE = 'package_purchase';
export const PACKAGE_REDEMPTION_LINE = 'package_redemption';

// Refund caps need "today" (a same-day refund keeps no fee); the sales registry gives refundLimit no clock,
// so the routes hand theirs over at start (tests drive a fixed clock through the same deps).
let clockNow: () => number = () => Date.now();
export function setPackagesClock(now: () => number): void {
  clockNow = now;
}

async function activeStaffAt(tx: Executor, storeId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx
    .selectFrom('staff')
    .leftJoin('staff_stores', (j) => j.onRef('staff_stores.staff_id', '=', 'staff.id').on('staff_stores.store_id', '=', storeId))
    .select('staff.id')
    .where('staff.id', 'in', [...ids])
    .where('staff.active', '=', 1)
    .where((eb) => eb.or([eb('staff.role', '=', 'owner'), eb('staff_stores.store_id', 'is not', null)]))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Whether a staff member may override step order (packages.adjust: owners and managers). */
export async function mayOverrideSteps(db: Executor, staffId: string | null): Promise<boolean> {
  if (!staffId) return false;
  const s = await db.selectFrom('staff').select(['role', 'active']).where('id', '=', staffId).executeTakeFirst();
  return !!s && s.active === 1 && isRole(s.role) && permissionsOf(s.role).has('packages.adjust');
}

/**
 * A visit's line named on a redemption: a line of the ticket's appointment (on a ticket without one, a visit
 * of the ticket's client at this store) for the same service, so the session and its record link to it.
 */
async function assertAppointmentLine(tx: Executor, ctx: CheckoutContext, lineId: string, serviceId: string): Promise<void> {
  const line = await tx
    .selectFrom('appointment_lines as l')
    .innerJoin('appointments as a', 'a.id', 'l.appointment_id')
    .select(['l.service_id', 'l.appointment_id', 'a.client_id', 'a.store_id'])
    .where('l.id', '=', lineId)
    .executeTakeFirst();
  const ok =
    !!line &&
    line.service_id === serviceId &&
    line.store_id === ctx.storeId &&
    (ctx.appointmentId ? line.appointment_id === ctx.appointmentId : line.client_id === ctx.clientId);
  if (!ok)
    throw PlatformErrors.validation_failed({ fields: 'appointmentLineId' }, [
      { path: 'appointmentLineId', message: 'not a line of this client’s visit for this service' },
    ]);
}

const technicians = z
  .array(z.strictObject({ staffId: z.uuid(), sharePercent: z.int().min(1).max(99).optional() }))
  .min(1)
  .max(2)
  .refine((t) => t.length < 2 || t[0]!.staffId !== t[1]!.staffId, 'two different technicians');

function shares(list: ReadonlyArray<{ staffId: string; sharePercent?: number | undefined }>): StaffShare[] {
  if (list.length === 1) return [{ staffId: list[0]!.staffId, shareBp: 10_000 }];
  const [a, b] = list as [{ staffId: string; sharePercent?: number }, { staffId: string; sharePercent?: number }];
  const first = a.sharePercent ?? (b.sharePercent !== undefined ? 100 - b.sharePercent : 50);
  return [
    { staffId: a.staffId, shareBp: first * 100 },
    { staffId: b.staffId, shareBp: 10_000 - first * 100 },
  ];
}

const purchaseSchema = z.object({ templateId: z.uuid(), /** Who sold it (commission). */ staffId: z.uuid().optional() });
type PurchaseData = { templateId: string; templateVersion: number };

const redemptionSchema = z.object({
  clientPackageId: z.uuid(),
  serviceId: z.uuid(),
  technicians,
  itemId: z.uuid().optional(),
  appointmentLineId: z.uuid().optional(),
  stepOverride: z.strictObject({ reason: z.string().trim().min(1).max(200) }).optional(),
});
type RedemptionData = {
  clientPackageId: string;
  itemId: string;
  serviceId: string;
  appointmentLineId: string | null;
  stepOverride: { by: string; reason: string } | null;
  expectedValue: number;
};

function names(base: string, tr: Translations, suffix: Partial<Record<Language, string>>) {
  return {
    name: `${base} · ${suffix.en}`,
    nameTranslations: {
      'zh-CN': `${textIn(base, tr, 'zh-CN')} · ${suffix['zh-CN']}`,
      'zh-TW': `${textIn(base, tr, 'zh-TW')} · ${suffix['zh-TW']}`,
    },
  };
}

export function registerPackageCheckout(): void {
  registerLineKind<z.infer<typeof purchaseSchema>, PurchaseData>({
    kind: PACKAGE_PURCHASE_LINE,
    label: { en: 'Package', 'zh-CN': '疗程卡', 'zh-TW': '療程卡' },
    schema: purchaseSchema,
    async price(tx, input, ctx: CheckoutContext) {
      if (!ctx.clientId) throw PackageErrors.package_client_required();
      const t = await findTemplate(tx, input.templateId);
      if (!t || !soldAt(t, ctx.storeId)) throw PackageErrors.package_template_unavailable();
      if (input.staffId && !(await activeStaffAt(tx, ctx.storeId, [input.staffId])).has(input.staffId))
        throw PlatformErrors.validation_failed({ fields: 'staffId' }, [
          { path: 'staffId', message: 'not an active staff member of this store' },
        ]);
      return {
        refId: t.id,
        ...names(t.name, parseJson<Translations>(t.name_translations, {}), { en: 'package', 'zh-CN': '疗程', 'zh-TW': '療程' }),
        category: 'package',
        taxClass: t.tax_class,
        unitPrice: t.price,
        quantity: 1,
        discountable: true,
        priceOverridable: true,
        tipEligible: false,
        staff: input.staffId ? [{ staffId: input.staffId, shareBp: 10_000 }] : [],
        data: { templateId: t.id, templateVersion: t.version },
      };
    },
    async onComplete(tx, line: SaleLine<PurchaseData>, sale: SaleSnapshot, ctx: HookContext) {
      if (!sale.clientId) throw PackageErrors.package_client_required();
      await purchasePackage(tx, {
        templateId: line.data.templateId,
        clientId: sale.clientId,
        storeId: sale.storeId,
        price: line.preTax,
        paidTotal: line.total,
        saleId: sale.id,
        saleLineId: line.id,
        audit: ctx.audit,
      });
    },
    async refundLimit(tx, line: SaleLine<PurchaseData>) {
      const found = await tx.selectFrom('client_packages').select('id').where('sale_line_id', '=', line.id).executeTakeFirst();
      const pkg = found && (await lockPackage(tx, found.id));
      if (!pkg) return 0;
      return (await quoteRefund(tx, pkg, clockNow())).refundable;
    },
    async onRefund(tx, line: SaleLine<PurchaseData>, part, refund, _sale, ctx) {
      const found = await tx.selectFrom('client_packages').select('id').where('sale_line_id', '=', line.id).executeTakeFirst();
      const pkg = found && (await lockPackage(tx, found.id));
      if (!pkg || (pkg.status !== 'active' && pkg.status !== 'expired')) return;
      const quote = await quoteRefund(tx, pkg, ctx.now);
      // The line refunded as such (a whole refund, or its quantity), or everything it may still give back:
      // the package closes. Less, spread by an amount refund (a goodwill gesture): the sessions stay.
      if (refund.kind === 'refund' && part.quantity === 0 && part.total < quote.refundable) {
        await tx
          .updateTable('client_packages')
          .set({ refunded_amount: pkg.refunded_amount + part.total, version: pkg.version + 1, updated_at: ctx.now })
          .where('id', '=', pkg.id)
          .execute();
        await writeAudit(tx, ctx.audit, {
          action: 'client_package.partial_refund',
          entityType: 'client_package',
          entityId: pkg.id,
          storeId: pkg.store_id,
          after: { amount: part.total, refundId: refund.id, reason: refund.reason },
        });
        return;
      }
      await closePackage(tx, {
        packageId: pkg.id,
        status: refund.kind === 'void' ? 'voided' : 'refunded',
        amount: part.total,
        fee: refund.kind === 'void' ? 0 : Math.max(0, quote.gross - part.total),
        reason: refund.reason,
        refType: 'sale_refund',
        refId: refund.id,
        audit: ctx.audit,
      });
    },
  });

  registerLineKind<z.infer<typeof redemptionSchema>, RedemptionData>({
    kind: PACKAGE_REDEMPTION_LINE,
    label: { en: 'Package session', 'zh-CN': '疗程消费', 'zh-TW': '療程消費' },
    schema: redemptionSchema,
    async price(tx, input, ctx) {
      if (!ctx.clientId) throw PackageErrors.package_client_required();
      let override: RedemptionData['stepOverride'] = null;
      if (input.stepOverride) {
        if (!(await mayOverrideSteps(tx, ctx.actorId))) throw PlatformErrors.forbidden({ permission: 'packages.adjust' });
        override = { by: ctx.actorId!, reason: input.stepOverride.reason };
      }
      const resolved = await resolveRedemption(
        tx,
        {
          packageId: input.clientPackageId,
          serviceId: input.serviceId,
          storeId: ctx.storeId,
          clientId: ctx.clientId,
          itemId: input.itemId,
          stepOverride: override,
        },
        ctx.now,
      );
      if (input.appointmentLineId) await assertAppointmentLine(tx, ctx, input.appointmentLineId, input.serviceId);
      const staff = shares(input.technicians);
      const found = await activeStaffAt(
        tx,
        ctx.storeId,
        staff.map((s) => s.staffId),
      );
      const missing = staff.findIndex((s) => !found.has(s.staffId));
      if (missing >= 0)
        throw PlatformErrors.validation_failed({ fields: `technicians.${missing}.staffId` }, [
          { path: `technicians.${missing}.staffId`, message: 'not an active technician of this store' },
        ]);
      const service = await tx
        .selectFrom('services')
        .select(['name', 'name_translations'])
        .where('id', '=', input.serviceId)
        .executeTakeFirstOrThrow();
      const svcTr = parseJson<Translations>(service.name_translations, {});
      const pkgTr = parseJson<Translations>(resolved.pkg.name_translations, {});
      return {
        refId: resolved.pkg.id,
        name: `${service.name} · ${resolved.pkg.name}`,
        nameTranslations: {
          'zh-CN': `${textIn(service.name, svcTr, 'zh-CN')} · ${textIn(resolved.pkg.name, pkgTr, 'zh-CN')}`,
          'zh-TW': `${textIn(service.name, svcTr, 'zh-TW')} · ${textIn(resolved.pkg.name, pkgTr, 'zh-TW')}`,
        },
        category: 'package_redemption',
        taxClass: null,
        unitPrice: 0,
        quantity: 1,
        discountable: false,
        priceOverridable: false,
        tipEligible: true,
        staff,
        data: {
          clientPackageId: resolved.pkg.id,
          itemId: resolved.item.id,
          serviceId: input.serviceId,
          appointmentLineId: input.appointmentLineId ?? null,
          stepOverride: resolved.blocked !== null ? override : null,
          expectedValue: nextSessionValue(resolved.item.values, resolved.item.used),
        },
      };
    },
    async onComplete(tx, line: SaleLine<RedemptionData>, sale, ctx) {
      if (!sale.clientId) throw PackageErrors.package_client_required();
      let appointmentLineId = line.data.appointmentLineId;
      if (!appointmentLineId && sale.appointmentId) {
        // The visit's line for this service, when the ticket came from an appointment: the first one no
        // session was used for yet. When every such line already has one (the technician used it in the
        // room), this would be a second session for the same service: redeemSession refuses it.
        const lines = await tx
          .selectFrom('appointment_lines as l')
          .leftJoin('package_sessions as ps', (j) => j.onRef('ps.appointment_line_id', '=', 'l.id').on('ps.status', '=', 'redeemed'))
          .select(['l.id', 'ps.id as session_id'])
          .where('l.appointment_id', '=', sale.appointmentId)
          .where('l.service_id', '=', line.data.serviceId)
          .orderBy('l.position')
          .execute();
        appointmentLineId = (lines.find((l) => l.session_id === null) ?? lines[0])?.id ?? null;
      }
      await redeemSession(tx, {
        packageId: line.data.clientPackageId,
        serviceId: line.data.serviceId,
        storeId: sale.storeId,
        clientId: sale.clientId,
        itemId: line.data.itemId,
        stepOverride: line.data.stepOverride,
        staffId: line.staff[0]?.staffId ?? null,
        source: 'checkout',
        saleId: sale.id,
        saleLineId: line.id,
        appointmentId: sale.appointmentId,
        appointmentLineId,
        audit: ctx.audit,
        afterCommit: ctx.afterCommit,
      });
    },
    async onRefund(tx, line, _part, refund, _sale, ctx) {
      const session = await tx
        .selectFrom('package_sessions')
        .select(['id', 'status'])
        .where('sale_line_id', '=', line.id)
        .executeTakeFirst();
      if (session?.status !== 'redeemed') return;
      await reverseSession(tx, { sessionId: session.id, reason: `${refund.kind}: ${refund.reason}`, audit: ctx.audit });
    },
  });

  registerReceiptSection({
    name: 'packages',
    async lines(tx, sale, lang) {
      const ids = new Set<string>();
      for (const l of sale.lines) {
        if (l.kind === PACKAGE_REDEMPTION_LINE) ids.add(String((l.data as RedemptionData).clientPackageId));
      }
      const bought = await tx.selectFrom('client_packages').select('id').where('sale_id', '=', sale.id).execute();
      for (const b of bought) ids.add(b.id);
      if (!ids.size) return [];
      const states = await itemStates(tx, [...ids]);
      const out: Array<{ label: string; value: string }> = [];
      for (const id of ids) {
        const pkg = await findPackage(tx, id);
        if (!pkg) continue;
        const left = (states.get(id) ?? []).reduce((a, i) => a + i.balance, 0);
        const total = (states.get(id) ?? []).reduce((a, i) => a + i.sessions, 0);
        const label = textIn(pkg.name, parseJson<Translations>(pkg.name_translations, {}), lang);
        const value =
          lang === 'en' ? `${left} of ${total} sessions left` : lang === 'zh-CN' ? `剩余 ${left}/${total} 次` : `剩餘 ${left}/${total} 次`;
        out.push({ label, value });
      }
      return out;
    },
  });
}
