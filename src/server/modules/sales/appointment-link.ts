// What checkout needs from an appointment, through the appointments module's checkout functions: its
// client and service lines to start a ticket, and "paid, so completed" inside the sale's transaction.
import type { Executor } from '../../db/tx.js';
import type { AuditContext } from '../../platform/audit.js';
import { type CheckoutAppointment, completeFromSale, appointmentForCheckout as loadAppointment } from '../appointments/index.js';
import { SalesErrors } from './errors.js';

// A completed visit can still be paid (the technician closed it before the client reached the desk).
const CHECKOUTABLE: ReadonlySet<string> = new Set(['booked', 'confirmed', 'checked_in', 'in_service', 'completed']);

export async function appointmentForCheckout(tx: Executor, id: string, storeId: string): Promise<CheckoutAppointment> {
  const appt = await loadAppointment(tx, id, storeId);
  if (!appt || !CHECKOUTABLE.has(appt.status))
    throw SalesErrors.appointment_not_checkoutable({ status: appt?.status ?? 'unknown' }, [
      { path: 'appointmentId', message: 'not checkoutable' },
    ]);
  return appt;
}

/** Marks the appointment completed (no-op when it already is). */
export function completeAppointmentFromSale(tx: Executor, id: string, saleId: string, ctx: AuditContext): Promise<void> {
  return completeFromSale(tx, id, saleId, ctx);
}
