// A manager's changes to a client package (extend, freeze, unfreeze, family members, refund of a package
// sold outside checkout): each in the caller's transaction, version-bumped and audited.
import { Temporal } from 'temporal-polyfill';
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { addDays, localDate, startOfLocalDay } from '../../platform/zoned-time.js';
import { post } from '../ledgers/index.js';
import { PackageErrors } from './errors.js';
import { closePackage, quoteRefund } from './purchase.js';
import { effectiveStatus, findPackage, itemStates, lockPackage, type PackageRow, zoneOfStore } from './repo.js';
import { endFreeze, freezeDays, planFreeze } from './rules.js';
import { type PackageTerms, parseJson } from './templates.js';

async function load(tx: Executor, id: string): Promise<PackageRow> {
  const pkg = await findPackage(tx, id);
  if (!pkg) throw PlatformErrors.not_found();
  return pkg;
}

async function bump(tx: Executor, pkg: PackageRow, patch: Partial<PackageRow>, now: number): Promise<void> {
  const res = await tx
    .updateTable('client_packages')
    .set({ ...patch, version: pkg.version + 1, updated_at: now })
    .where('id', '=', pkg.id)
    .where('version', '=', pkg.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
}

const termsOf = (pkg: PackageRow) =>
  parseJson<PackageTerms>(pkg.terms, {
    freeze: { allowed: false, maxDays: 0 },
    sharing: { shareable: false, maxMembers: 0 },
  } as PackageTerms);

/**
 * Extends the package's validity: to a new last day, or by months from the current expiry (or from today
 * when it has none). An expired package comes back to life with the sessions the expiry took (entry kind
 * `adjustment`), so the client can use what she paid for.
 */
export async function extendPackage(
  tx: Executor,
  id: string,
  p: { until?: string | undefined; months?: number | undefined; reason: string },
  ctx: AuditContext,
) {
  const pkg = await load(tx, id);
  if (pkg.status === 'refunded' || pkg.status === 'voided') throw PackageErrors.package_not_active({ status: pkg.status });
  const tz = await zoneOfStore(tx, pkg.store_id);
  let expiresAt: number;
  if (p.until) expiresAt = startOfLocalDay(addDays(p.until, 1), tz);
  else {
    const base =
      pkg.expires_at !== null && pkg.expires_at > ctx.now ? pkg.expires_at : startOfLocalDay(addDays(localDate(ctx.now, tz), 1), tz);
    expiresAt = Temporal.Instant.fromEpochMilliseconds(base).toZonedDateTimeISO(tz).add({ months: p.months! }).epochMilliseconds;
  }
  if (expiresAt <= ctx.now)
    throw PlatformErrors.validation_failed({ fields: 'until' }, [{ path: 'until', message: 'the new last day is in the past' }]);
  let restored = 0;
  if (pkg.status === 'expired') {
    const items = (await itemStates(tx, [pkg.id])).get(pkg.id) ?? [];
    const groupId = newId();
    for (const item of items) {
      const expired = await tx
        .selectFrom('ledger_entries')
        .select((eb) => eb.fn.sum<number>('amount').as('n'))
        .where('account_id', '=', item.account_id)
        .where('kind', '=', 'expiry')
        .executeTakeFirst();
      const back = -Number(expired?.n ?? 0);
      const give = Math.max(0, Math.min(back, item.sessions - item.used - item.balance));
      if (give <= 0) continue;
      await post(tx, [{ accountId: item.account_id, amount: give }], {
        kind: 'adjustment',
        refType: 'client_package',
        refId: pkg.id,
        storeId: pkg.store_id,
        actorId: ctx.actorId,
        reason: p.reason,
        now: ctx.now,
        groupId,
        meta: { restoredFromExpiry: true },
      });
      restored += give;
    }
  }
  await bump(tx, pkg, { expires_at: expiresAt, status: 'active', closed_at: null, closed_reason: null }, ctx.now);
  await writeAudit(tx, ctx, {
    action: 'client_package.extend',
    entityType: 'client_package',
    entityId: pkg.id,
    storeId: pkg.store_id,
    before: { expiresAt: pkg.expires_at, status: pkg.status },
    after: { expiresAt, status: 'active', restoredSessions: restored, reason: p.reason },
  });
}

/** Freezes the package for `days` (pauses it and pushes its expiry back), within the template's maximum. */
export async function freezePackage(tx: Executor, id: string, p: { days: number; reason: string }, ctx: AuditContext) {
  const pkg = await load(tx, id);
  const status = effectiveStatus(pkg, ctx.now);
  if (status === 'frozen') throw PlatformErrors.conflict();
  if (status !== 'active') throw PackageErrors.package_not_active({ status });
  const terms = termsOf(pkg);
  const tz = await zoneOfStore(tx, pkg.store_id);
  const plan = planFreeze(
    { allowed: terms.freeze.allowed, maxDays: terms.freeze.maxDays, usedDays: pkg.freeze_days_used, expiresAt: pkg.expires_at },
    p.days,
    ctx.now,
    tz,
  );
  if (!plan)
    throw PackageErrors.package_freeze_refused({
      days: terms.freeze.allowed ? Math.max(0, terms.freeze.maxDays - pkg.freeze_days_used) : 0,
    });
  await bump(
    tx,
    pkg,
    { frozen_from: ctx.now, frozen_until: plan.until, expires_at: plan.expiresAt, freeze_days_used: pkg.freeze_days_used + p.days },
    ctx.now,
  );
  await writeAudit(tx, ctx, {
    action: 'client_package.freeze',
    entityType: 'client_package',
    entityId: pkg.id,
    storeId: pkg.store_id,
    before: { expiresAt: pkg.expires_at, freezeDaysUsed: pkg.freeze_days_used },
    after: { frozenUntil: plan.until, expiresAt: plan.expiresAt, days: p.days, reason: p.reason },
  });
}

/** Ends a freeze early: the days not used go back to the allowance and come off the expiry. */
export async function unfreezePackage(tx: Executor, id: string, p: { reason: string }, ctx: AuditContext) {
  const pkg = await load(tx, id);
  if (effectiveStatus(pkg, ctx.now) !== 'frozen' || pkg.frozen_from === null || pkg.frozen_until === null)
    throw PackageErrors.package_not_frozen();
  const tz = await zoneOfStore(tx, pkg.store_id);
  const end = endFreeze({ frozenFrom: pkg.frozen_from, frozenUntil: pkg.frozen_until, expiresAt: pkg.expires_at }, ctx.now, tz);
  const givenBack = Math.max(0, freezeDays(pkg.frozen_from, pkg.frozen_until) - end.usedDays);
  await bump(
    tx,
    pkg,
    { frozen_until: ctx.now, expires_at: end.expiresAt, freeze_days_used: Math.max(0, pkg.freeze_days_used - givenBack) },
    ctx.now,
  );
  await writeAudit(tx, ctx, {
    action: 'client_package.unfreeze',
    entityType: 'client_package',
    entityId: pkg.id,
    storeId: pkg.store_id,
    before: { frozenUntil: pkg.frozen_until, expiresAt: pkg.expires_at },
    after: { frozenUntil: ctx.now, expiresAt: end.expiresAt, daysUsed: end.usedDays, reason: p.reason },
  });
}

/** Names a family member who may use a shareable package. */
export async function addMember(tx: Executor, id: string, p: { clientId: string; relation?: string | undefined }, ctx: AuditContext) {
  const pkg = await load(tx, id);
  const terms = termsOf(pkg);
  if (!terms.sharing.shareable) throw PackageErrors.package_not_shareable();
  if (p.clientId === pkg.client_id)
    throw PlatformErrors.validation_failed({ fields: 'clientId' }, [{ path: 'clientId', message: 'the owner already uses it' }]);
  const client = await tx.selectFrom('clients').select(['id', 'merged_into_id']).where('id', '=', p.clientId).executeTakeFirst();
  if (!client || client.merged_into_id)
    throw PlatformErrors.validation_failed({ fields: 'clientId' }, [{ path: 'clientId', message: 'unknown client' }]);
  const count = await tx
    .selectFrom('client_package_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('package_id', '=', id)
    .executeTakeFirst();
  if (Number(count?.n ?? 0) >= terms.sharing.maxMembers) throw PackageErrors.package_members_full({ max: terms.sharing.maxMembers });
  await tx
    .insertInto('client_package_members')
    .values({ package_id: id, client_id: p.clientId, relation: p.relation ?? null, added_by: ctx.actorId, added_at: ctx.now })
    .onConflict((oc) => oc.columns(['package_id', 'client_id']).doNothing())
    .execute();
  await bump(tx, pkg, {}, ctx.now);
  await writeAudit(tx, ctx, {
    action: 'client_package.member_add',
    entityType: 'client_package',
    entityId: id,
    storeId: pkg.store_id,
    after: { clientId: p.clientId, relation: p.relation ?? null },
  });
}

export async function removeMember(tx: Executor, id: string, clientId: string, ctx: AuditContext) {
  const pkg = await load(tx, id);
  const res = await tx
    .deleteFrom('client_package_members')
    .where('package_id', '=', id)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) throw PlatformErrors.not_found();
  await bump(tx, pkg, {}, ctx.now);
  await writeAudit(tx, ctx, {
    action: 'client_package.member_remove',
    entityType: 'client_package',
    entityId: id,
    storeId: pkg.store_id,
    before: { clientId },
  });
}

/**
 * Refunds a package that was not sold through checkout (opened by a manager, e.g. carried over from another
 * system): the quote is recorded, no money moves here. One sold through checkout is refunded on its sale.
 */
export async function refundOutsideCheckout(tx: Executor, id: string, p: { reason: string }, ctx: AuditContext) {
  const pkg = await lockPackage(tx, id);
  if (!pkg) throw PlatformErrors.not_found();
  if (pkg.sale_id) {
    const sale = await tx.selectFrom('sales').select('receipt_code').where('id', '=', pkg.sale_id).executeTakeFirst();
    throw PackageErrors.package_refund_through_sale({ receipt: sale?.receipt_code ?? pkg.sale_id });
  }
  if (pkg.status !== 'active' && pkg.status !== 'expired') throw PackageErrors.package_not_active({ status: pkg.status });
  const quote = await quoteRefund(tx, pkg, ctx.now);
  await closePackage(tx, {
    packageId: id,
    status: 'refunded',
    amount: quote.refundable,
    fee: quote.fee,
    reason: p.reason,
    refType: 'client_package',
    refId: id,
    audit: ctx,
  });
  return quote;
}
