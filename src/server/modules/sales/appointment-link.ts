// What checkout needs from an appointment: its client and service lines to start a ticket, and marking
// it completed inside the sale's transaction.
//
// TODO(appointments): replace both functions with the appointments module's exported equivalents once
// published (asked for: `appointmentForCheckout(tx, id)` and `completeFromSale(tx, id, ctx)` in
// modules/appointments/index.ts). Until then they read and write the appointment tables directly,
// following the module's rules: the same stamps, a status-history row, and an audit entry.
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import { SalesErrors } from './errors.js';

export type CheckoutAppointment = {
  id: string;
  storeId: string;
  clientId: string | null;
  status: string;
  lines: Array<{ serviceId: string; staffId: string; price: number }>;
};

const CHECKOUTABLE = new Set(['booked', 'confirmed', 'checked_in', 'in_service', 'completed']);

export async function appointmentForCheckout(tx: Executor, id: string, storeId: string): Promise<CheckoutAppointment> {
  const row = await tx.selectFrom('appointments').select(['id', 'store_id', 'client_id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!row || row.store_id !== storeId || !CHECKOUTABLE.has(row.status))
    throw SalesErrors.appointment_not_checkoutable({ status: row?.status ?? 'unknown' }, [
      { path: 'appointmentId', message: 'not checkoutable' },
    ]);
  const lines = await tx
    .selectFrom('appointment_lines')
    .select(['service_id', 'staff_id', 'price'])
    .where('appointment_id', '=', id)
    .orderBy('position')
    .execute();
  return {
    id: row.id,
    storeId: row.store_id,
    clientId: row.client_id,
    status: row.status,
    lines: lines.map((l) => ({ serviceId: l.service_id, staffId: l.staff_id, price: l.price })),
  };
}

/** Marks the appointment completed (no-op when it already is): paying closes the visit. */
export async function completeAppointmentFromSale(tx: Executor, id: string, saleId: string, ctx: AuditContext): Promise<void> {
  const row = await tx.selectFrom('appointments').select(['status', 'store_id', 'version']).where('id', '=', id).executeTakeFirst();
  if (!row || row.status === 'completed') return;
  if (!CHECKOUTABLE.has(row.status)) throw SalesErrors.appointment_not_checkoutable({ status: row.status });
  await tx
    .updateTable('appointments')
    .set({ status: 'completed', completed_at: ctx.now, completed_by: ctx.actorId, version: row.version + 1, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  await tx
    .insertInto('appointment_status_history')
    .values({
      id: newId(),
      appointment_id: id,
      from_status: row.status,
      to_status: 'completed',
      at: ctx.now,
      actor_id: ctx.actorId,
      reason: null,
      start_at: null,
    })
    .execute();
  await writeAudit(tx, ctx, {
    action: 'appointment.complete',
    entityType: 'appointment',
    entityId: id,
    storeId: row.store_id,
    before: { status: row.status },
    after: { status: 'completed', saleId },
  });
}
