// What checkout needs from an appointment, through the link the appointments module registers (see
// registry.ts): its client and service lines to start a ticket, and "paid, so completed" inside the sale's
// transaction.
import type { Executor } from '../../db/tx.js';
import type { AuditContext } from '../../platform/audit.js';
import { SalesErrors } from './errors.js';
import { appointmentLink, type CheckoutAppointment } from './registry.js';

// A completed visit can still be paid (the technician closed it before the client reached the desk).
const CHECKOUTABLE: ReadonlySet<string> = new Set(['booked', 'confirmed', 'checked_in', 'in_service', 'completed']);

export async function appointmentForCheckout(tx: Executor, id: string, storeId: string): Promise<CheckoutAppointment> {
  const appt = await appointmentLink()?.load(tx, id, storeId);
  if (!appt || !CHECKOUTABLE.has(appt.status))
    throw SalesErrors.appointment_not_checkoutable({ status: appt?.status ?? 'unknown' }, [
      { path: 'appointmentId', message: 'not checkoutable' },
    ]);
  return appt;
}

/** Marks the appointment completed (no-op when it already is). */
export async function completeAppointmentFromSale(tx: Executor, id: string, saleId: string, ctx: AuditContext): Promise<void> {
  const link = appointmentLink();
  if (!link) throw new Error('the appointments module is not loaded: a ticket of an appointment cannot complete');
  await link.complete(tx, id, saleId, ctx);
}
