// Treatment records (护理记录), progress timelines, the due list, next-session reminders and the client
// portal — the module's only import surface.
//
//   treatmentModuleRoutes(deps)   every route (one registration in app.ts): templates, records, addenda, photos,
//                                 due list, /clients/:id/timeline, /client-packages/:id/timeline, /portal/*
//   treatmentJobHandlers(deps)    `treatments.next_session` (NEXT_SESSION_CRON, daily)
//   createRecord / updateRecord / addAddendum (in the caller's transaction), clientTimeline / packageTimeline
//   seedDemoPackages(tx, opts)    the demo's package templates, packages, records with improving metrics
//                                 and generated photos (see demo.ts)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { registerUsageCheck } from '../catalog/index.js';
import { excludeFromBusinessExport, registerClientStoreLink, registerMergeTable } from '../clients/index.js';
import { registerRedemptionHook } from '../packages/index.js';
import { treatmentRoutes } from './routes.js';
import { treatmentPhotoRoutes } from './routes-photos.js';
import { portalRoutes } from './routes-portal.js';

export { type DemoPackagesOptions, type DemoPackagesResult, seedDemoPackages } from './demo.js';
export { dueList, NEXT_SESSION_CRON, NEXT_SESSION_JOB_KIND, runNextSessionReminders, treatmentJobHandlers } from './due.js';
export { TreatmentErrors } from './errors.js';
export { chartFields, type FieldDef, fieldDefs, type Metrics, PRESETS, validateMetrics } from './fields.js';
export { MAX_PHOTO_BYTES, processPhoto, sniff } from './photos.js';
export { addAddendum, createRecord, decryptClinical, EDIT_WINDOW_MS, type RecordRow, updateRecord } from './records.js';
export { createTreatmentTemplate, templateForService } from './templates.js';
export { clientTimeline, packageTimeline, type Timeline, type TimelineView } from './timeline.js';

export function treatmentModuleRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(treatmentRoutes(deps));
    await app.register(treatmentPhotoRoutes(deps));
    await app.register(portalRoutes(deps));
  };
}

// A session redeemed after the visit's record was written (checkout after the treatment room): link them.
registerRedemptionHook('treatments', async (tx, session) => {
  if (!session.appointment_line_id) return;
  await tx
    .updateTable('treatment_records')
    .set({ package_session_id: session.id })
    .where('appointment_line_id', '=', session.appointment_line_id)
    .where('client_id', '=', session.client_id)
    .where('package_session_id', 'is', null)
    .execute();
});

// Staff see the clients they treated at their stores; merging two clients moves records, photos, portal access.
registerClientStoreLink({ table: 'treatment_records', clientColumn: 'client_id', storeColumn: 'store_id' });
registerMergeTable('treatment_records');
registerMergeTable('treatment_photos');
registerMergeTable('portal_codes');
registerMergeTable('portal_sessions');

// A service with records can only be archived.
registerUsageCheck(async (db, item) => {
  if (item.type !== 'service') return null;
  const used = await db.selectFrom('treatment_records').select('id').where('service_id', '=', item.id).limit(1).executeTakeFirst();
  return used ? 'treatment records' : null;
});

// Sign-in codes and sessions are secrets, not business data.
excludeFromBusinessExport('portal_codes');
excludeFromBusinessExport('portal_sessions');
