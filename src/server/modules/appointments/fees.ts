// Late-cancel and no-show fees at checkout. Cancelling late or marking a no-show records the store's fee on
// the visit (fee_kind / fee_amount; the front desk may waive it at that moment). The line kind
// `appointment_fee` { appointmentId } charges it on any ticket of the visit's client: a fixed amount, never
// taxed, discounted or re-priced, no tip. The fee stands collected while a completed sale carries its line
// unrefunded (sales' paidLines); refunding the line (by quantity, or the whole sale) or voiding the sale
// re-opens it, so it can be charged again.
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import type { Actor } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import type { Messages } from '../../platform/i18n.js';
import { localDate } from '../../platform/zoned-time.js';
import { type LineKind, type PaidLine, paidLines, verifyApproval } from '../sales/index.js';
import { AppointmentErrors } from './errors.js';
import { loadStore } from './planner.js';
import { type AppointmentRow, findAppointment } from './repo.js';

export const FEE_LINE = 'appointment_fee';

type FeeKind = 'late_cancel' | 'no_show';
type FeeInput = { appointmentId: string };
type FeeData = { appointmentId: string; feeKind: FeeKind };

const FEE_NAMES: Record<FeeKind, Messages> = {
  late_cancel: { en: 'Late cancellation fee', 'zh-CN': '临时取消费', 'zh-TW': '臨時取消費' },
  no_show: { en: 'No-show fee', 'zh-CN': '爽约费', 'zh-TW': '爽約費' },
};

const feeOf = (row: AppointmentRow): { kind: FeeKind; amount: number } | null =>
  row.fee_kind && row.fee_amount ? { kind: row.fee_kind as FeeKind, amount: row.fee_amount } : null;

/** Whose payment collected each appointment's fee (appointments without a paid fee are absent). */
export async function collectedFees(db: Executor, appointmentIds: readonly string[]): Promise<Map<string, PaidLine>> {
  const out = new Map<string, PaidLine>();
  for (const p of await paidLines(db, FEE_LINE, appointmentIds)) if (!out.has(p.refId)) out.set(p.refId, p);
  return out;
}

export const appointmentFeeLine: LineKind<FeeInput, FeeData> = {
  kind: FEE_LINE,
  label: { en: 'Appointment fee', 'zh-CN': '预约费用', 'zh-TW': '預約費用' },
  schema: z.object({ appointmentId: z.uuid() }),
  async price(tx, input, ctx) {
    const row = await findAppointment(tx, input.appointmentId);
    const fee = row && row.store_id === ctx.storeId ? feeOf(row) : null;
    if (!row || !fee) throw AppointmentErrors.appointment_fee_none({}, [{ path: 'appointmentId', message: 'no fee to collect' }]);
    if (row.client_id && row.client_id !== ctx.clientId)
      throw AppointmentErrors.appointment_fee_other_client({}, [{ path: 'appointmentId', message: 'another client’s appointment' }]);
    const [paid] = await paidLines(tx, FEE_LINE, [row.id]);
    if (paid) throw AppointmentErrors.appointment_fee_collected({ receipt: paid.receiptCode ?? '' });
    const zone = (await loadStore(tx, { id: row.store_id }))?.timeZone ?? 'UTC';
    const date = localDate(row.start_at, zone);
    const names = FEE_NAMES[fee.kind];
    return {
      refId: row.id,
      name: `${names.en} · ${date}`,
      nameTranslations: { 'zh-CN': `${names['zh-CN']} · ${date}`, 'zh-TW': `${names['zh-TW']} · ${date}` },
      category: FEE_LINE,
      taxClass: null,
      unitPrice: fee.amount,
      quantity: 1,
      discountable: false,
      priceOverridable: false,
      tipEligible: false,
      staff: [],
      data: { appointmentId: row.id, feeKind: fee.kind },
    };
  },
  async onComplete(tx, line, sale, ctx) {
    // The sale row is completed only by the completion's last statement (after the hooks), so paidLines
    // below cannot see this ticket's other lines: a second line for the same fee is refused here.
    if (sale.lines.some((l) => l.kind === FEE_LINE && l.id !== line.id && (l.data as FeeData).appointmentId === line.data.appointmentId))
      throw AppointmentErrors.appointment_fee_twice();
    // The visit's row is locked first, so two tickets collecting the same fee complete one after the other
    // and the second one sees the first one's payment.
    const row = await tx
      .updateTable('appointments')
      .set({ version: sql`version` })
      .where('id', '=', line.data.appointmentId)
      .returningAll()
      .executeTakeFirst();
    const fee = row ? feeOf(row) : null;
    if (!row || !fee || fee.amount !== line.unitPrice) throw AppointmentErrors.appointment_fee_none();
    const other = (await paidLines(tx, FEE_LINE, [row.id])).find((p) => p.lineId !== line.id);
    if (other) throw AppointmentErrors.appointment_fee_collected({ receipt: other.receiptCode ?? '' });
    await writeAudit(tx, ctx.audit, {
      action: 'appointment.fee_collected',
      entityType: 'appointment',
      entityId: row.id,
      storeId: row.store_id,
      after: { fee, saleId: sale.id },
    });
  },
  async onRefund(tx, line, part, refund, sale, ctx) {
    // An amount given back as a gesture leaves the fee paid; the line refunded as such re-opens it.
    if (refund.kind === 'refund' && part.quantity === 0) return;
    const row = await findAppointment(tx, line.data.appointmentId);
    if (!row) return;
    await writeAudit(tx, ctx.audit, {
      action: 'appointment.fee_reopened',
      entityType: 'appointment',
      entityId: row.id,
      storeId: row.store_id,
      after: { saleId: sale.id, refund: refund.receiptCode, kind: refund.kind, reason: refund.reason },
    });
  },
};

/** Who may waive a recorded fee: a manager (the permission), or the front desk with a manager's PIN. */
export const WAIVE_PERMISSION = 'sales.discount_override';

export const feeWaiveBody = z.strictObject({
  reason: z.string().trim().min(1).max(200),
  version: z.int().min(1).optional(),
  approval: z.strictObject({ staffId: z.uuid(), pin: z.string().regex(/^\d{4,6}$/, '4–6 digits') }).optional(),
});
export type FeeWaive = z.infer<typeof feeWaiveBody>;

/**
 * A manager waives a recorded fee that is still uncollected, with a reason (audited): the fee is cleared,
 * so checkout's `appointment_fee` line refuses it from then on. A collected fee cannot be waived (refund
 * its line instead). The visit's row is locked first, as a payment's onComplete does, so a waiver and a
 * payment of the same fee never both go through.
 */
export async function waiveFee(db: Kysely<DB>, actor: Actor, id: string, body: FeeWaive, ctx: AuditContext): Promise<AppointmentRow> {
  const visible = await findAppointment(db, id);
  if (!visible || (!actor.allStores && !actor.storeIds.includes(visible.store_id))) throw PlatformErrors.not_found();
  const approvedBy = actor.permissions.has(WAIVE_PERMISSION)
    ? actor.staffId
    : body.approval
      ? await verifyApproval(db, body.approval, visible.store_id, WAIVE_PERMISSION, ctx.now)
      : null;
  if (!approvedBy) throw PlatformErrors.forbidden({ permission: WAIVE_PERMISSION });
  return withTransaction(db, async ({ tx }) => {
    const row = await tx.updateTable('appointments').set({ version: sql`version` }).where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw PlatformErrors.not_found();
    if (body.version !== undefined && body.version !== row.version) throw PlatformErrors.stale_version();
    const fee = feeOf(row);
    if (!fee) throw AppointmentErrors.appointment_fee_none();
    const [paid] = await paidLines(tx, FEE_LINE, [row.id]);
    if (paid) throw AppointmentErrors.appointment_fee_collected({ receipt: paid.receiptCode ?? '' });
    const updated = await tx
      .updateTable('appointments')
      .set({ fee_kind: null, fee_amount: null, version: row.version + 1, updated_at: ctx.now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(tx, ctx, {
      action: 'appointment.fee_waived',
      entityType: 'appointment',
      entityId: id,
      storeId: row.store_id,
      before: { fee },
      after: { fee: null, reason: body.reason, approvedBy },
    });
    return updated;
  });
}
