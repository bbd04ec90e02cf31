// Treatment packages (疗程) — the module's only import surface.
//
// Templates (HQ): items of N sessions of a service or a pool over several services, optional steps, a price
// allocated over every session, validity, stores, freeze and sharing terms (templates.ts, rules.ts).
// Client packages: bought as the checkout line `package_purchase`, redeemed as `package_redemption` (or
// directly: POST /client-packages/:id/redemptions); each item's sessions are a ledger account (kind
// package_session) moved only by the ledgers' guarded postings, so `npm run reconcile` covers them.
//
// Service functions, all inside the caller's transaction:
//   purchasePackage(tx, { templateId, clientId, storeId, price, paidTotal?, saleId?, saleLineId?, audit })
//   redeemSession(tx, { packageId, serviceId, storeId, clientId, itemId?, staffId?, stepOverride?, source,
//                       saleId?, saleLineId?, appointmentId?, appointmentLineId?, audit, afterCommit? })
//   reverseSession(tx, { sessionId, reason, audit })
//   closePackage(tx, { packageId, status: 'refunded'|'voided', amount, fee, reason, refType, refId, audit })
//   quoteRefund(db, pkg, now) · extendPackage / freezePackage / unfreezePackage / addMember / removeMember
// Jobs: `packages.expire` daily (PACKAGE_EXPIRE_CRON): expiry + notices 30 and 7 days before.
// Hooks: registerRedemptionHook(name, fn) — treatments link a visit's record to its session.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { registerUsageCheck } from '../catalog/index.js';
import { excludeFromBusinessExport, registerClientStoreLink, registerMergeHook, registerMergeTable } from '../clients/index.js';
import { registerBalanceSection } from '../ledgers/index.js';
import { registerPackageCheckout } from './checkout.js';
import { effectiveStatus, packageDtos, packagesOfClient } from './repo.js';
import { clientPackageRoutes } from './routes.js';
import { packageAdminRoutes } from './routes-admin.js';

export { mayOverrideSteps, PACKAGE_PURCHASE_LINE, PACKAGE_REDEMPTION_LINE, setPackagesClock } from './checkout.js';
export { PackageErrors } from './errors.js';
export { PACKAGE_EXPIRE_CRON, PACKAGE_EXPIRE_JOB_KIND, packageJobHandlers, runPackageExpiry } from './expiry.js';
export { addMember, extendPackage, freezePackage, refundOutsideCheckout, removeMember, unfreezePackage } from './manage.js';
export { type ClientContact, clientContact, fill, notifyClient } from './notify.js';
export { closePackage, purchasePackage, quoteRefund, unusedValueOf } from './purchase.js';
export {
  convertRecommendations,
  createRule,
  evaluateRecommendations,
  openRecommendations,
  recommendationReport,
} from './recommendations.js';
export { type RedemptionHook, redeemSession, registerRedemptionHook, resolveRedemption, reverseSession, sessionDto } from './redeem.js';
export {
  effectiveStatus,
  findPackage,
  type ItemState,
  itemStates,
  lastDay,
  type PackageDto,
  type PackageRow,
  packageDtos,
  packagesOfClient,
  type SessionRow,
  sessionsOfPackage,
} from './repo.js';
export { packageReport } from './reports.js';
export { allocatePackage, blockingStep, expiryFor, refundQuote, ruleFires, valueOfSessions } from './rules.js';
export { bookingLink, DEFAULT_PACKAGE_SETTINGS, loadPackageSettings, type PackageSettings, savePackageSettings } from './settings.js';
export {
  createTemplate,
  findTemplate,
  parseJson,
  type TemplateDto,
  type Translations,
  templateDto,
  textIn,
  updateTemplate,
} from './templates.js';

/** Every package route (one registration in app.ts). */
export function packageRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(packageAdminRoutes(deps));
    await app.register(clientPackageRoutes(deps));
  };
}

registerPackageCheckout();

// Staff see the clients who bought or used a package at their stores.
registerClientStoreLink({ table: 'client_packages', clientColumn: 'client_id', storeColumn: 'store_id' });
registerClientStoreLink({ table: 'package_sessions', clientColumn: 'client_id', storeColumn: 'store_id' });

// Merging two clients moves their packages, sessions and recommendations; a family membership of the kept
// card already on the same package is kept once.
registerMergeTable('client_packages');
registerMergeTable('package_sessions');
registerMergeTable('package_recommendations');
registerMergeTable('package_notices');
registerMergeHook({
  name: 'client_package_members',
  columns: ['client_package_members.client_id'],
  count: async (tx, mergeId) =>
    Number(
      (
        await tx
          .selectFrom('client_package_members')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('client_id', '=', mergeId)
          .executeTakeFirst()
      )?.n ?? 0,
    ),
  move: async (tx, m) => {
    await tx
      .deleteFrom('client_package_members')
      .where('client_id', '=', m.mergeId)
      .where('package_id', 'in', tx.selectFrom('client_package_members').select('package_id').where('client_id', '=', m.keepId))
      .execute();
    // A membership on a package the kept card owns is pointless: the owner uses it anyway.
    await tx
      .deleteFrom('client_package_members')
      .where('client_id', '=', m.mergeId)
      .where('package_id', 'in', tx.selectFrom('client_packages').select('id').where('client_id', '=', m.keepId))
      .execute();
    const res = await tx
      .updateTable('client_package_members')
      .set({ client_id: m.keepId })
      .where('client_id', '=', m.mergeId)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  },
});

// A service that was ever redeemed from a package can only be archived.
registerUsageCheck(async (db, item) => {
  if (item.type !== 'service') return null;
  const used = await db.selectFrom('package_sessions').select('id').where('service_id', '=', item.id).limit(1).executeTakeFirst();
  return used ? 'packages' : null;
});

// GET /clients/:id/balances: the client's usable packages.
registerBalanceSection({
  name: 'packages',
  load: async (db, clientId, ctx) => {
    const rows = (await packagesOfClient(db, clientId)).filter((r) => ['active', 'frozen'].includes(effectiveStatus(r, ctx.now)));
    return packageDtos(db, rows, ctx.now);
  },
});

excludeFromBusinessExport('package_notices');
