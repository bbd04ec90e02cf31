// Points (积分) — the module's only import surface.
//
// One ledger account per client (kind points). In checkout (registered at load): sale hook `points`
// (earn at completion by category rate, excluded items, tier multiplier and bonus events; reversed line
// by line on refund), tender `points` (redeem at `redeem.pointsPerDollar` with `redeem.minPoints`),
// discount source `points` (ticket discount, ref = points redeemed), receipt section `points`.
// Expiry: rolling `expiry.months` per earn, oldest used first, by the daily `points.expire` job.

import { registerMergeHook } from '../clients/index.js';
import { moveOwnerBalances, registerBalanceSection } from '../ledgers/index.js';
import { registerPointsCheckout } from './checkout.js';
import { pointsSummary } from './routes.js';

export { POINTS_TENDER } from './checkout.js';
export {
  centsForPoints,
  type EarnLine,
  earnForLines,
  eventMultiplierBp,
  expiringAt,
  NEVER_EARN,
  pointsForCents,
  rateFor,
  shareAfter,
} from './earn.js';
export { PointsErrors } from './errors.js';
export { EXPIRE_CRON, EXPIRE_JOB_KIND, pointsJobHandlers, runPointsExpiry } from './expiry.js';
export {
  adjustPoints,
  earnForSale,
  findPoints,
  openPoints,
  redeem,
  refundRedemption,
  registerEarnMultiplier,
  reverseForRefund,
} from './points.js';
export { pointsRoutes, pointsSummary } from './routes.js';

registerPointsCheckout();
registerBalanceSection({ name: 'points', load: (db, clientId) => pointsSummary(db, clientId) });
registerMergeHook({
  name: 'points',
  count: async (tx, mergeId) =>
    (
      await tx
        .selectFrom('ledger_accounts')
        .select('balance')
        .where('kind', '=', 'points')
        .where('owner_id', '=', mergeId)
        .executeTakeFirst()
    )?.balance
      ? 1
      : 0,
  move: (tx, m) =>
    moveOwnerBalances(tx, {
      fromOwner: m.mergeId,
      toOwner: m.keepId,
      ownerType: 'client',
      kinds: ['points'],
      actorId: m.ctx.actorId,
      now: m.ctx.now,
    }),
});
