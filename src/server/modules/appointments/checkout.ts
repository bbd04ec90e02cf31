// What checkout (modules/sales) needs from an appointment, inside the sale's transaction.
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { parseBooked } from './add-ons.js';
import { AppointmentErrors } from './errors.js';
import { findAppointment, insertHistory, linesOf } from './repo.js';
import type { Status } from './status.js';

export type CheckoutAppointment = {
  id: string;
  storeId: string;
  clientId: string | null;
  status: Status;
  lines: Array<{
    id: string;
    serviceId: string;
    staffId: string;
    price: number;
    durationMin: number;
    /** Its add-ons with their booked prices: add-on lines of the ticket, for the line's technician. */
    addOns: Array<{ addOnId: string; price: number }>;
  }>;
  /** A late-cancel or no-show fee the store's policy recorded, for checkout to collect. */
  fee: { kind: 'late_cancel' | 'no_show'; amount: number } | null;
};

/** The appointment as checkout starts a ticket from it; undefined when there is none at this store. */
export async function appointmentForCheckout(tx: Executor, id: string, storeId: string): Promise<CheckoutAppointment | undefined> {
  const row = await findAppointment(tx, id);
  if (!row || row.store_id !== storeId) return undefined;
  const lines = await linesOf(tx, id);
  return {
    id: row.id,
    storeId: row.store_id,
    clientId: row.client_id,
    status: row.status as Status,
    lines: lines.map((l) => ({
      id: l.id,
      serviceId: l.service_id,
      staffId: l.staff_id,
      price: l.price,
      durationMin: l.duration_min,
      addOns: parseBooked(l.add_ons).map((a) => ({ addOnId: a.id, price: a.price })),
    })),
    fee: row.fee_kind && row.fee_amount !== null ? { kind: row.fee_kind as 'late_cancel' | 'no_show', amount: row.fee_amount } : null,
  };
}

const PAYABLE: ReadonlySet<string> = new Set(['booked', 'confirmed', 'checked_in', 'in_service']);

/**
 * Paying closes the visit: booked, confirmed, checked-in or in-service becomes completed (a walk-in paid
 * without a check-in too), stamped, with a history row and an audit entry. Completed already: nothing to do.
 * Cancelled or no-show: 409 invalid_status_transition (their fee is collected without completing them).
 */
export async function completeFromSale(tx: Executor, id: string, saleId: string, ctx: AuditContext): Promise<void> {
  const row = await findAppointment(tx, id);
  if (!row || row.status === 'completed') return;
  if (!PAYABLE.has(row.status)) throw AppointmentErrors.invalid_status_transition({ from: row.status, to: 'completed' });
  const res = await tx
    .updateTable('appointments')
    .set({ status: 'completed', completed_at: ctx.now, completed_by: ctx.actorId, version: row.version + 1, updated_at: ctx.now })
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw AppointmentErrors.invalid_status_transition({ from: row.status, to: 'completed' });
  await insertHistory(tx, { appointmentId: id, from: row.status, to: 'completed', at: ctx.now, actorId: ctx.actorId, reason: 'paid' });
  await writeAudit(tx, ctx, {
    action: 'appointment.complete',
    entityType: 'appointment',
    entityId: id,
    storeId: row.store_id,
    before: { status: row.status },
    after: { status: 'completed', saleId },
  });
}
