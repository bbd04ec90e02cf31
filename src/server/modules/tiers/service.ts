// Tiers: definitions (HQ), each client's current tier with its history, the rolling qualifying amount,
// upgrades at sale completion and downgrades by the monthly job.
import type { Kysely, Selectable } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { DB, TiersTable } from '../../db/tables.js';
import { type Executor, withTransaction } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { loadLedgerSettings, type TierSettings } from '../ledgers/index.js';
import { type Tier, tierChange } from './rules.js';

type TierRow = Selectable<TiersTable>;

export function toTier(r: TierRow): Tier {
  return {
    id: r.id,
    name: r.name,
    nameTranslations: JSON.parse(r.name_translations) as Record<string, string>,
    rank: r.rank,
    threshold: r.threshold,
    discounts: JSON.parse(r.discounts) as Tier['discounts'],
    pointsMultiplierBp: r.points_multiplier_bp,
    birthdayGift: r.birthday_gift ? (JSON.parse(r.birthday_gift) as Tier['birthdayGift']) : null,
    active: r.active === 1,
  };
}

export const toTierDto = (r: TierRow) => ({ ...toTier(r), version: r.version });

export const listTiers = async (db: Executor): Promise<Tier[]> =>
  (await db.selectFrom('tiers').selectAll().orderBy('rank').execute()).map(toTier);

export type TierInput = {
  name: string;
  nameTranslations?: Record<string, string> | undefined;
  rank: number;
  threshold: number;
  discounts?: Tier['discounts'] | undefined;
  pointsMultiplierBp?: number | undefined;
  birthdayGift?: Tier['birthdayGift'] | undefined;
  active?: boolean | undefined;
};

export async function createTier(tx: Executor, input: TierInput, ctx: AuditContext) {
  const row: TierRow = {
    id: newId(),
    name: input.name,
    name_translations: JSON.stringify(input.nameTranslations ?? {}),
    rank: input.rank,
    threshold: input.threshold,
    discounts: JSON.stringify(input.discounts ?? []),
    points_multiplier_bp: input.pointsMultiplierBp ?? 10_000,
    birthday_gift: input.birthdayGift ? JSON.stringify(input.birthdayGift) : null,
    active: input.active === false ? 0 : 1,
    version: 1,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await tx.insertInto('tiers').values(row).execute();
  const dto = toTierDto(row);
  await writeAudit(tx, ctx, { action: 'tier.create', entityType: 'tier', entityId: row.id, after: dto });
  return dto;
}

export async function updateTier(tx: Executor, id: string, input: Partial<TierInput> & { version: number }, ctx: AuditContext) {
  const row = await tx.selectFrom('tiers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw PlatformErrors.not_found();
  const before = toTierDto(row);
  const next = {
    name: input.name ?? row.name,
    name_translations: input.nameTranslations ? JSON.stringify(input.nameTranslations) : row.name_translations,
    rank: input.rank ?? row.rank,
    threshold: input.threshold ?? row.threshold,
    discounts: input.discounts ? JSON.stringify(input.discounts) : row.discounts,
    points_multiplier_bp: input.pointsMultiplierBp ?? row.points_multiplier_bp,
    birthday_gift: input.birthdayGift === undefined ? row.birthday_gift : input.birthdayGift ? JSON.stringify(input.birthdayGift) : null,
    active: input.active === undefined ? row.active : input.active ? (1 as const) : (0 as const),
    version: row.version + 1,
    updated_at: ctx.now,
  };
  const res = await tx.updateTable('tiers').set(next).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
  const after = toTierDto({ ...row, ...next });
  await writeAudit(tx, ctx, { action: 'tier.update', entityType: 'tier', entityId: id, before, after });
  return after;
}

const windowStart = (now: number, s: TierSettings) =>
  Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO('UTC').subtract({ months: s.windowMonths }).epochMilliseconds;

/** The client's qualifying amount over the rolling window: spend in cents, or points earned. */
export async function qualifyingOf(db: Executor, clientId: string, now: number, s: TierSettings): Promise<number> {
  const row = await db
    .selectFrom('client_spend')
    .select((eb) => [eb.fn.sum<number>('amount').as('amount'), eb.fn.sum<number>('points').as('points')])
    .where('client_id', '=', clientId)
    .where('created_at', '>', windowStart(now, s))
    .where('created_at', '<=', now)
    .executeTakeFirst();
  return Math.max(0, Number((s.basis === 'points' ? row?.points : row?.amount) ?? 0));
}

export async function currentTier(db: Executor, clientId: string): Promise<{ tier: Tier | null; since: number | null }> {
  const row = await db.selectFrom('client_tiers').select(['tier_id', 'since']).where('client_id', '=', clientId).executeTakeFirst();
  if (!row?.tier_id) return { tier: null, since: row?.since ?? null };
  const t = await db.selectFrom('tiers').selectAll().where('id', '=', row.tier_id).executeTakeFirst();
  return { tier: t ? toTier(t) : null, since: row.since };
}

/** Sets the client's tier and writes the history row (the client_tiers row is locked by the upsert). */
export async function setTier(
  tx: Executor,
  p: {
    clientId: string;
    from: Tier | null;
    to: Tier | null;
    reason: 'upgrade' | 'downgrade' | 'manual';
    qualifying: number;
    actorId: string | null;
    now: number;
  },
) {
  await tx
    .insertInto('client_tiers')
    .values({ client_id: p.clientId, tier_id: p.to?.id ?? null, since: p.now, evaluated_at: p.now, version: 1 })
    .onConflict((oc) =>
      oc.column('client_id').doUpdateSet((eb) => ({
        tier_id: p.to?.id ?? null,
        since: p.now,
        evaluated_at: p.now,
        version: eb('client_tiers.version', '+', 1),
      })),
    )
    .execute();
  await tx
    .insertInto('tier_history')
    .values({
      id: newId(),
      client_id: p.clientId,
      from_tier_id: p.from?.id ?? null,
      to_tier_id: p.to?.id ?? null,
      reason: p.reason,
      qualifying: p.qualifying,
      actor_id: p.actorId,
      created_at: p.now,
    })
    .execute();
}

/** Moves the client up (never down) if the qualifying amount now reaches a higher tier. */
export async function upgradeIfReached(tx: Executor, clientId: string, now: number, actorId: string | null) {
  const { settings } = await loadLedgerSettings(tx);
  const tiers = await listTiers(tx);
  if (!tiers.length) return null;
  const qualifying = await qualifyingOf(tx, clientId, now, settings.tiers);
  const { tier } = await currentTier(tx, clientId);
  const change = tierChange(tiers, tier, qualifying, 'upgrade');
  if (change) await setTier(tx, { clientId, from: tier, to: change.to, reason: change.reason, qualifying, actorId, now });
  return change;
}

/** The monthly job: every client with a tier keeps it only while the rolling amount holds it. */
export async function evaluateTiers(db: Kysely<DB>, now: number): Promise<{ evaluated: number; upgraded: number; downgraded: number }> {
  const { settings } = await loadLedgerSettings(db);
  const tiers = await listTiers(db);
  const report = { evaluated: 0, upgraded: 0, downgraded: 0 };
  let after = '';
  for (;;) {
    const batch = await db
      .selectFrom('client_tiers')
      .select('client_id')
      .where('tier_id', 'is not', null)
      .where('client_id', '>', after)
      .orderBy('client_id')
      .limit(500)
      .execute();
    if (!batch.length) break;
    for (const { client_id } of batch) {
      after = client_id;
      report.evaluated += 1;
      await withTransaction(db, async ({ tx }) => {
        const qualifying = await qualifyingOf(tx, client_id, now, settings.tiers);
        const { tier } = await currentTier(tx, client_id);
        const change = tierChange(tiers, tier, qualifying, 'evaluate');
        if (!change) {
          await tx.updateTable('client_tiers').set({ evaluated_at: now }).where('client_id', '=', client_id).execute();
          return;
        }
        await setTier(tx, { clientId: client_id, from: tier, to: change.to, reason: change.reason, qualifying, actorId: null, now });
        report[change.reason === 'upgrade' ? 'upgraded' : 'downgraded'] += 1;
      });
    }
  }
  return report;
}

/** A manager sets a client's tier by hand (audited; the monthly job may change it again). */
export async function setTierManually(tx: Executor, clientId: string, tierId: string | null, reason: string, ctx: AuditContext) {
  const { settings } = await loadLedgerSettings(tx);
  const to = tierId ? await tx.selectFrom('tiers').selectAll().where('id', '=', tierId).executeTakeFirst() : null;
  if (tierId && !to) throw PlatformErrors.not_found();
  const { tier } = await currentTier(tx, clientId);
  const qualifying = await qualifyingOf(tx, clientId, ctx.now, settings.tiers);
  await setTier(tx, { clientId, from: tier, to: to ? toTier(to) : null, reason: 'manual', qualifying, actorId: ctx.actorId, now: ctx.now });
  await writeAudit(tx, ctx, {
    action: 'tier.set',
    entityType: 'client',
    entityId: clientId,
    before: { tierId: tier?.id ?? null },
    after: { tierId, reason },
  });
  return { tierId, reason };
}

/** For checkout: the client's tier benefits (discount % by category, points multiplier), or null. */
export async function tierBenefitsFor(db: Executor, clientId: string) {
  const { tier } = await currentTier(db, clientId);
  if (!tier?.active) return null;
  return {
    tierId: tier.id,
    name: tier.name,
    nameTranslations: tier.nameTranslations,
    discounts: tier.discounts,
    pointsMultiplierBp: tier.pointsMultiplierBp,
  };
}
