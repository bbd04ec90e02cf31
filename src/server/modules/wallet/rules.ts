// Top-up bonus rules. HQ (`ledgers.rules`) sets rules for any or every store; a store manager
// (`stores.write` at every store the rule names) may set rules for their own stores, and HQ's cap
// (`wallet.storeRuleCap`: a % of the top-up and/or an amount) bounds those — checked when the rule is
// saved and again when a bonus is computed, so lowering the cap takes effect at once.
import type { Executor } from '../../db/tx.js';
import { type Actor, can } from '../../http/actor.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { formatMoney } from '../../platform/money.js';
import { loadLedgerSettings } from '../ledgers/index.js';
import { WalletErrors } from './errors.js';
import { findRule, type RuleRow, toRule } from './repo.js';
import type { RuleCreate, RuleUpdate } from './schemas.js';
import { capBonus, overCap } from './split.js';

export function toRuleDto(r: RuleRow) {
  const rule = toRule(r);
  return {
    ...rule,
    version: r.version,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** 'hq' when the actor has ledgers.rules; 'store' for a manager naming only their own stores; else 403. */
function scopeFor(actor: Actor, storeIds: string[] | null): 'hq' | 'store' {
  if (can(actor, 'ledgers.rules')) return 'hq';
  if (!can(actor, 'stores.write')) throw PlatformErrors.forbidden({ permission: 'ledgers.rules' });
  if (!storeIds) throw PlatformErrors.forbidden({ permission: 'ledgers.rules' });
  if (!storeIds.every((s) => actor.storeIds.includes(s))) throw PlatformErrors.store_forbidden();
  return 'store';
}

async function assertUnderCap(db: Executor, rule: { thresholds: RuleCreate['thresholds']; scope: 'hq' | 'store' }) {
  const { settings } = await loadLedgerSettings(db);
  const over = overCap(rule, settings.wallet.storeRuleCap);
  if (over) {
    const max = capBonus(over.bonus, over.pay, settings.wallet.storeRuleCap);
    throw WalletErrors.bonus_over_cap({ pay: formatMoney(over.pay, 'USD', 'en'), max: formatMoney(max, 'USD', 'en') });
  }
}

export async function createRule(tx: Executor, actor: Actor, input: RuleCreate, ctx: AuditContext) {
  const scope = scopeFor(actor, input.storeIds);
  await assertUnderCap(tx, { thresholds: input.thresholds, scope });
  const row: RuleRow = {
    id: newId(),
    name: input.name,
    thresholds: JSON.stringify([...input.thresholds].sort((a, b) => a.pay - b.pay)),
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    store_ids: input.storeIds ? JSON.stringify(input.storeIds) : null,
    first_top_up_only: input.firstTopUpOnly ? 1 : 0,
    scope,
    active: input.active ? 1 : 0,
    version: 1,
    created_by: ctx.actorId,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await tx.insertInto('wallet_bonus_rules').values(row).execute();
  const dto = toRuleDto(row);
  await writeAudit(tx, ctx, {
    action: 'wallet.bonus_rule.create',
    entityType: 'wallet_bonus_rule',
    entityId: row.id,
    storeId: input.storeIds?.[0] ?? null,
    after: dto,
  });
  return dto;
}

export async function updateRule(tx: Executor, actor: Actor, id: string, input: RuleUpdate, ctx: AuditContext) {
  const row = await findRule(tx, id);
  if (!row) throw PlatformErrors.not_found();
  const before = toRuleDto(row);
  // Who may edit: whoever could create the rule as it is now and as it will be. HQ keeps a store
  // rule a store rule (still under the cap); a manager's edit stays within their stores.
  if (before.scope === 'hq' && !can(actor, 'ledgers.rules')) throw PlatformErrors.forbidden({ permission: 'ledgers.rules' });
  const scope = scopeFor(actor, before.storeIds);
  const storeIds = input.storeIds === undefined ? before.storeIds : input.storeIds;
  const nextScope: 'hq' | 'store' = scope === 'hq' ? before.scope : scopeFor(actor, storeIds);
  const thresholds = input.thresholds ?? before.thresholds;
  await assertUnderCap(tx, { thresholds, scope: nextScope });
  const startsOn = input.startsOn === undefined ? before.startsOn : input.startsOn;
  const endsOn = input.endsOn === undefined ? before.endsOn : input.endsOn;
  if (startsOn && endsOn && startsOn > endsOn) {
    throw PlatformErrors.validation_failed({ fields: 'endsOn' }, [{ path: 'endsOn', message: 'endsOn must not be before startsOn' }]);
  }
  const next = {
    name: input.name ?? before.name,
    thresholds: JSON.stringify([...thresholds].sort((a, b) => a.pay - b.pay)),
    starts_on: startsOn,
    ends_on: endsOn,
    store_ids: storeIds ? JSON.stringify(storeIds) : null,
    first_top_up_only: (input.firstTopUpOnly ?? before.firstTopUpOnly) ? (1 as const) : (0 as const),
    active: (input.active ?? before.active) ? (1 as const) : (0 as const),
    scope: nextScope,
    version: row.version + 1,
    updated_at: ctx.now,
  };
  const res = await tx
    .updateTable('wallet_bonus_rules')
    .set(next)
    .where('id', '=', id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
  const after = toRuleDto({ ...row, ...next });
  await writeAudit(tx, ctx, {
    action: 'wallet.bonus_rule.update',
    entityType: 'wallet_bonus_rule',
    entityId: id,
    storeId: storeIds?.[0] ?? null,
    before,
    after,
  });
  return after;
}
