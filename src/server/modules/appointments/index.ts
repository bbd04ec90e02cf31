// The appointments module's only import surface.
//
//   appointmentRoutes(deps)            staff calendar, availability, booking, statuses, waitlist, settings,
//                                      the public online-booking API and staff calendar feeds (one registration in app.ts)
//   appointmentJobHandlers(deps)       job handlers by kind (client messages and reminders) for the worker
//   seedDemoAppointments(tx, opts)     a realistic week of visits around `now` for the demo
//   loadSettings(db, storeId)          a store's booking settings (defaults filled in)
//   appointmentForCheckout(tx, id, storeId) / completeFromSale(tx, id, saleId, ctx)   for checkout, which
//                                      gets them through the sales registry (registerAppointmentLink, hooks.ts)
//   checkout line `appointment_fee` { appointmentId }   collects a late-cancel / no-show fee (fees.ts);
//                                      collectedFees(db, ids) → which fees stand paid, by which sale
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import './hooks.js';
import { calendarRoutes } from './routes.js';
import { publicBookingRoutes } from './routes-public.js';
import { staffFeedRoutes } from './routes-staff-feed.js';
import { waitlistRoutes } from './routes-waitlist.js';

export { appointmentForCheckout, type CheckoutAppointment, completeFromSale } from './checkout.js';
export { type DemoAppointmentsOptions, seedDemoAppointments } from './demo.js';
export { AppointmentErrors } from './errors.js';
export { collectedFees, FEE_LINE } from './fees.js';
export { appointmentJobHandlers, MESSAGE_JOB_KIND } from './reminders.js';
export { loadSettings } from './repo.js';
export { type BookingSettings, DEFAULT_BOOKING_SETTINGS } from './settings.js';
export { STATUSES, type Status } from './status.js';

export function appointmentRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(calendarRoutes(deps));
    await app.register(waitlistRoutes(deps));
    await app.register(publicBookingRoutes(deps));
    await app.register(staffFeedRoutes(deps));
  };
}
