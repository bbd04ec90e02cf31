// Tiers (会员等级) — the module's only import surface.
//
// Tiers by rolling spend or points (setting `tiers.basis`, window `tiers.windowMonths`, default 12): upgrade
// at the sale that reaches a threshold (sale hook `tiers`), downgrade by the monthly `tiers.evaluate` job,
// history kept. tierBenefitsFor(db, clientId) → { tierId, discounts: [{ categoryId|null, percentBp }],
// pointsMultiplierBp }. At checkout the discount applies itself: every save of a ticket with a member on it
// puts the tier's rate (the service's category rate, else the default) on each service, add-on and product
// line without a discount of its own, as { type: 'percent', source: { type: 'tier', ref: tierId } } (no
// manager approval); a tier discount on the whole ticket instead is also accepted. The points multiplier
// applies itself.
// Birthday gift: a tier's `birthdayGift.couponId` is issued once a year on the client's birthday (daily job).
import type { Deps } from '../../deps.js';
import type { JobHandler } from '../../platform/jobs/index.js';
import { registerMergeHook, registerMergeTable } from '../clients/index.js';
import { registerBalanceSection } from '../ledgers/index.js';
import { BIRTHDAY_JOB_KIND, giveBirthdayGifts } from './birthday.js';
import { registerTierCheckout } from './checkout.js';
import { tierSummary } from './routes.js';
import { currentTier, evaluateTiers, setTier } from './service.js';

export { BIRTHDAY_CRON, BIRTHDAY_JOB_KIND, giveBirthdayGifts } from './birthday.js';
export { TierErrors } from './errors.js';
export { tierRoutes, tierSummary } from './routes.js';
export { discountFor, nextTier, type Tier, tierChange, tierFor } from './rules.js';
export {
  createTier,
  currentTier,
  evaluateTiers,
  listTiers,
  qualifyingOf,
  setTierManually,
  tierBenefitsFor,
  upgradeIfReached,
} from './service.js';

export const EVALUATE_JOB_KIND = 'tiers.evaluate';
/** 04:00 UTC on the 1st of each month. */
export const EVALUATE_CRON = '0 4 1 * *';

export function tierJobHandlers(deps: Pick<Deps, 'database' | 'clock'>): Record<string, JobHandler> {
  return {
    [EVALUATE_JOB_KIND]: async () => {
      await evaluateTiers(deps.database.db, deps.clock.now());
    },
    [BIRTHDAY_JOB_KIND]: async () => {
      await giveBirthdayGifts(deps.database.db, deps.clock.now());
    },
  };
}

registerTierCheckout();
registerBalanceSection({ name: 'tier', load: (db, clientId, ctx) => tierSummary(db, clientId, ctx.now) });
registerMergeTable('client_spend');
registerMergeTable('tier_history');
registerMergeHook({
  name: 'tier',
  columns: ['client_tiers.client_id'],
  move: async (tx, m) => {
    // The kept card keeps the higher of the two tiers; the merged card's tier row goes.
    const [keep, gone] = await Promise.all([currentTier(tx, m.keepId), currentTier(tx, m.mergeId)]);
    await tx.deleteFrom('client_tiers').where('client_id', '=', m.mergeId).execute();
    if (gone.tier && (!keep.tier || gone.tier.rank > keep.tier.rank)) {
      await setTier(tx, {
        clientId: m.keepId,
        from: keep.tier,
        to: gone.tier,
        reason: 'manual',
        qualifying: 0,
        actorId: m.ctx.actorId,
        now: m.ctx.now,
      });
      return 1;
    }
    return 0;
  },
});
