// Registrations with other modules, run once when this module is imported (index.ts imports it).
import { registerUsageCheck } from '../catalog/index.js';
import { excludeFromBusinessExport, registerClientStoreLink, registerMergeTable } from '../clients/index.js';
import { registerAppointmentLink, registerLineKind } from '../sales/index.js';
import { appointmentForCheckout, completeFromSale } from './checkout.js';
import { appointmentFeeLine } from './fees.js';

// Checkout starts tickets from visits and completes them when paid; late-cancel and no-show fees are a line kind.
registerAppointmentLink({ load: appointmentForCheckout, complete: completeFromSale });
registerLineKind(appointmentFeeLine);

// A service that was ever booked can only be archived, never hard-deleted.
registerUsageCheck(async (db, item) => {
  if (item.type !== 'service') return null;
  const used = await db.selectFrom('appointment_lines').select('id').where('service_id', '=', item.id).limit(1).executeTakeFirst();
  return used ? 'appointments' : null;
});

// Staff see the clients served at their stores; merging two clients moves their visits, waitlist entries and
// the log of messages sent to them (so the SMS frequency cap and per-day reminder rules count both cards').
registerClientStoreLink({ table: 'appointments', clientColumn: 'client_id', storeColumn: 'store_id' });
registerMergeTable('appointments');
registerMergeTable('waitlist_entries');
registerMergeTable('client_message_log');

// Derived or technical tables stay out of the owner's business export.
excludeFromBusinessExport('staff_occupancy');
excludeFromBusinessExport('resource_occupancy');
excludeFromBusinessExport('booking_otps');
excludeFromBusinessExport('client_message_log'); // like `messages`: what went out, for frequency caps
excludeFromBusinessExport('staff_calendar_feeds'); // feed URL nonces
