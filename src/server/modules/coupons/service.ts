// Coupons: campaigns (HQ), issuing to clients, checking, claiming a use at sale completion and giving it
// back when the sale is voided or fully refunded. Use limits are ledger accounts, so they hold under
// concurrent redemptions exactly like money: the campaign's pool (`coupon_pool`, balance = uses left)
// and each client's uses of it (`coupon_client`: issued uses, or her per-client allowance opened on first use).
import type { Selectable } from 'kysely';
import type { CouponsTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { localDate } from '../../platform/zoned-time.js';
import { findAccount, findAccountById, type Leg, openAccount, post } from '../ledgers/index.js';
import { CouponErrors, exhausted, notApplicable } from './errors.js';
import { type Coupon, discountMatches, whyNotApplicable } from './rules.js';

export type CouponRow = Selectable<CouponsTable>;

export function toCoupon(r: CouponRow): Coupon {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind as Coupon['kind'],
    value: r.value,
    serviceId: r.service_id,
    maxDiscount: r.max_discount,
    minSpend: r.min_spend,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    storeIds: r.store_ids ? (JSON.parse(r.store_ids) as string[]) : null,
    categoryIds: r.category_ids ? (JSON.parse(r.category_ids) as string[]) : null,
    perClientLimit: r.per_client_limit,
    totalLimit: r.total_limit,
    stackable: r.stackable === 1,
    stacksWithTier: r.stacks_with_tier === 1,
    stacksWithManual: r.stacks_with_manual === 1,
    issuedOnly: r.issued_only === 1,
    active: r.active === 1,
  };
}

export const normalizeCouponCode = (code: string) => code.trim().toUpperCase();

export async function findCoupon(db: Executor, ref: string): Promise<CouponRow | undefined> {
  const byId = await db.selectFrom('coupons').selectAll().where('id', '=', ref).executeTakeFirst();
  return byId ?? db.selectFrom('coupons').selectAll().where('code', '=', normalizeCouponCode(ref)).executeTakeFirst();
}

export async function couponDto(db: Executor, r: CouponRow) {
  const pool = r.pool_account_id ? await findAccountById(db, r.pool_account_id) : undefined;
  const used = await db
    .selectFrom('coupon_redemptions')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('discount').as('discount')])
    .where('coupon_id', '=', r.id)
    .where('status', '=', 'applied')
    .executeTakeFirst();
  return {
    ...toCoupon(r),
    version: r.version,
    usesLeft: pool ? pool.balance : null,
    used: Number(used?.n ?? 0),
    discountGiven: Number(used?.discount ?? 0),
  };
}

export type CouponInput = {
  code?: string | null | undefined;
  name: string;
  kind: Coupon['kind'];
  value: number;
  serviceId?: string | null | undefined;
  maxDiscount?: number | null | undefined;
  minSpend?: number | undefined;
  startsOn?: string | null | undefined;
  endsOn?: string | null | undefined;
  storeIds?: string[] | null | undefined;
  categoryIds?: string[] | null | undefined;
  perClientLimit?: number | null | undefined;
  totalLimit?: number | null | undefined;
  stackable?: boolean | undefined;
  stacksWithTier?: boolean | undefined;
  stacksWithManual?: boolean | undefined;
  issuedOnly?: boolean | undefined;
  active?: boolean | undefined;
};

async function assertCodeFree(db: Executor, code: string | null, exceptId?: string) {
  if (!code) return;
  const other = await db.selectFrom('coupons').select('id').where('code', '=', code).executeTakeFirst();
  if (other && other.id !== exceptId) throw CouponErrors.coupon_code_taken();
}

export async function createCoupon(tx: Executor, input: CouponInput, ctx: AuditContext) {
  const id = newId();
  const code = input.code ? normalizeCouponCode(input.code) : null;
  await assertCodeFree(tx, code);
  let poolId: string | null = null;
  if (input.totalLimit) {
    const pool = await openAccount(tx, { kind: 'coupon_pool', ownerType: 'coupon', ownerId: id }, ctx.now);
    poolId = pool.id;
  }
  const row: CouponRow = {
    id,
    code,
    name: input.name,
    kind: input.kind,
    value: input.kind === 'free_service' ? 0 : input.value,
    service_id: input.serviceId ?? null,
    max_discount: input.maxDiscount ?? null,
    min_spend: input.minSpend ?? 0,
    starts_on: input.startsOn ?? null,
    ends_on: input.endsOn ?? null,
    store_ids: input.storeIds ? JSON.stringify(input.storeIds) : null,
    category_ids: input.categoryIds ? JSON.stringify(input.categoryIds) : null,
    per_client_limit: input.perClientLimit ?? null,
    total_limit: input.totalLimit ?? null,
    pool_account_id: poolId,
    stackable: input.stackable ? 1 : 0,
    stacks_with_tier: input.stacksWithTier ? 1 : 0,
    stacks_with_manual: input.stacksWithManual ? 1 : 0,
    issued_only: input.issuedOnly ? 1 : 0,
    active: input.active === false ? 0 : 1,
    version: 1,
    created_by: ctx.actorId,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await tx.insertInto('coupons').values(row).execute();
  if (poolId && input.totalLimit)
    await post(tx, [{ accountId: poolId, amount: input.totalLimit }], {
      kind: 'issue',
      refType: 'coupon',
      refId: id,
      actorId: ctx.actorId,
      now: ctx.now,
    });
  const dto = await couponDto(tx, row);
  await writeAudit(tx, ctx, { action: 'coupon.create', entityType: 'coupon', entityId: id, after: dto });
  return dto;
}

export async function updateCoupon(tx: Executor, id: string, input: Partial<CouponInput> & { version: number }, ctx: AuditContext) {
  const row = await tx.selectFrom('coupons').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw PlatformErrors.not_found();
  const before = await couponDto(tx, row);
  const code = input.code === undefined ? row.code : input.code ? normalizeCouponCode(input.code) : null;
  await assertCodeFree(tx, code, id);
  let poolId = row.pool_account_id;
  // A new total limit moves the pool by the difference (guarded: never below the uses already made).
  if (input.totalLimit !== undefined && input.totalLimit !== row.total_limit) {
    if (input.totalLimit === null)
      throw PlatformErrors.validation_failed({ fields: 'totalLimit' }, [
        { path: 'totalLimit', message: 'a limit cannot be removed once set; set a large one' },
      ]);
    if (!poolId) poolId = (await openAccount(tx, { kind: 'coupon_pool', ownerType: 'coupon', ownerId: id }, ctx.now)).id;
    const used =
      row.total_limit === null
        ? Number(
            (
              await tx
                .selectFrom('coupon_redemptions')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('coupon_id', '=', id)
                .where('status', '=', 'applied')
                .executeTakeFirst()
            )?.n ?? 0,
          )
        : 0;
    const delta = input.totalLimit - (row.total_limit ?? 0) - used;
    if (delta !== 0) {
      try {
        await post(tx, [{ accountId: poolId, amount: delta }], {
          kind: 'adjustment',
          refType: 'coupon',
          refId: id,
          actorId: ctx.actorId,
          now: ctx.now,
          reason: 'limit changed',
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'insufficient_balance') throw CouponErrors.coupon_limit_below_used();
        throw err;
      }
    }
  }
  const next = {
    code,
    name: input.name ?? row.name,
    value: input.value ?? row.value,
    max_discount: input.maxDiscount === undefined ? row.max_discount : input.maxDiscount,
    min_spend: input.minSpend ?? row.min_spend,
    starts_on: input.startsOn === undefined ? row.starts_on : input.startsOn,
    ends_on: input.endsOn === undefined ? row.ends_on : input.endsOn,
    store_ids: input.storeIds === undefined ? row.store_ids : input.storeIds ? JSON.stringify(input.storeIds) : null,
    category_ids: input.categoryIds === undefined ? row.category_ids : input.categoryIds ? JSON.stringify(input.categoryIds) : null,
    per_client_limit: input.perClientLimit === undefined ? row.per_client_limit : input.perClientLimit,
    total_limit: input.totalLimit === undefined ? row.total_limit : input.totalLimit,
    pool_account_id: poolId,
    stackable: input.stackable === undefined ? row.stackable : input.stackable ? (1 as const) : (0 as const),
    stacks_with_tier: input.stacksWithTier === undefined ? row.stacks_with_tier : input.stacksWithTier ? (1 as const) : (0 as const),
    stacks_with_manual:
      input.stacksWithManual === undefined ? row.stacks_with_manual : input.stacksWithManual ? (1 as const) : (0 as const),
    issued_only: input.issuedOnly === undefined ? row.issued_only : input.issuedOnly ? (1 as const) : (0 as const),
    active: input.active === undefined ? row.active : input.active ? (1 as const) : (0 as const),
    version: row.version + 1,
    updated_at: ctx.now,
  };
  const res = await tx.updateTable('coupons').set(next).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
  const after = await couponDto(tx, { ...row, ...next });
  await writeAudit(tx, ctx, { action: 'coupon.update', entityType: 'coupon', entityId: id, before, after });
  return after;
}

/** Gives each client `uses` uses of the coupon (credited to her coupon account), audited. */
export async function issueCoupon(tx: Executor, couponId: string, clientIds: readonly string[], uses: number, ctx: AuditContext) {
  const row = await tx.selectFrom('coupons').selectAll().where('id', '=', couponId).executeTakeFirst();
  if (!row) throw PlatformErrors.not_found();
  const found = await tx
    .selectFrom('clients')
    .select('id')
    .where('id', 'in', [...clientIds])
    .execute();
  if (found.length !== new Set(clientIds).size)
    throw PlatformErrors.validation_failed({ fields: 'clientIds' }, [{ path: 'clientIds', message: 'unknown client' }]);
  for (const clientId of new Set(clientIds)) {
    const account = await openAccount(tx, { kind: 'coupon_client', ownerType: 'client', ownerId: clientId, subjectId: couponId }, ctx.now);
    await post(tx, [{ accountId: account.id, amount: uses }], {
      kind: 'issue',
      refType: 'coupon',
      refId: couponId,
      actorId: ctx.actorId,
      now: ctx.now,
    });
  }
  await writeAudit(tx, ctx, {
    action: 'coupon.issue',
    entityType: 'coupon',
    entityId: couponId,
    after: { clients: clientIds.length, uses },
  });
  return { issued: new Set(clientIds).size, uses };
}

/** Read-only check of a coupon for a ticket (the discount source check, and POST /coupons/check). */
export async function checkCoupon(
  db: Executor,
  ref: string,
  p: {
    storeId: string;
    clientId: string | null;
    base: number;
    now: number;
    discount?: { type: 'amount' | 'percent'; amount?: number | undefined; percent?: number | undefined };
  },
) {
  const row = await findCoupon(db, ref);
  if (!row) throw notApplicable('inactive');
  const coupon = toCoupon(row);
  const tz = (await db.selectFrom('stores').select('time_zone').where('id', '=', p.storeId).executeTakeFirst())?.time_zone ?? 'UTC';
  const why = whyNotApplicable(coupon, { storeId: p.storeId, localDate: localDate(p.now, tz), base: p.base, clientId: p.clientId });
  if (why) throw notApplicable(why);
  if (p.discount && !discountMatches(coupon, p.discount, p.base))
    throw notApplicable(p.discount.type === 'percent' && coupon.kind !== 'percent' ? 'wrong_kind' : 'discount_too_large');
  if (row.pool_account_id && ((await findAccountById(db, row.pool_account_id))?.balance ?? 0) < 1)
    throw exhausted('total', row.total_limit);
  if (p.clientId && (coupon.issuedOnly || coupon.perClientLimit !== null)) {
    const mine = await findAccount(db, 'coupon_client', p.clientId, coupon.id);
    if (!mine && coupon.issuedOnly) throw notApplicable('not_issued');
    if (mine && mine.balance < 1) throw exhausted('client', coupon.perClientLimit);
  }
  return coupon;
}

/**
 * Claims one use at sale completion: the pool and the client's uses are debited with the ledger's guarded
 * update (422 coupon_exhausted when either is empty — concurrent claims can never exceed a limit).
 */
export async function claimUse(
  tx: Executor,
  p: { couponId: string; clientId: string | null; saleId: string; storeId: string; discount: number; actorId: string | null; now: number },
) {
  const row = await tx.selectFrom('coupons').selectAll().where('id', '=', p.couponId).executeTakeFirst();
  if (!row) throw notApplicable('inactive');
  if ((row.issued_only === 1 || row.per_client_limit !== null) && !p.clientId) throw notApplicable('client_required');
  const legs: Leg[] = [];
  if (row.pool_account_id) legs.push({ accountId: row.pool_account_id, amount: -1 });
  if (p.clientId && (row.issued_only === 1 || row.per_client_limit !== null)) {
    let mine = await findAccount(tx, 'coupon_client', p.clientId, row.id);
    if (!mine && row.issued_only === 1) throw notApplicable('not_issued');
    if (!mine) {
      const opened = await openAccount(tx, { kind: 'coupon_client', ownerType: 'client', ownerId: p.clientId, subjectId: row.id }, p.now);
      // Only the transaction that opened the allowance grants it: a concurrent first use waits, then spends from it.
      if (opened.created)
        await post(tx, [{ accountId: opened.id, amount: row.per_client_limit! }], {
          kind: 'issue',
          refType: 'coupon',
          refId: row.id,
          now: p.now,
        });
      mine = opened;
    }
    legs.push({ accountId: mine.id, amount: -1 });
  }
  const groupId = newId();
  if (legs.length) {
    try {
      await post(tx, legs, {
        kind: 'use',
        refType: 'coupon_sale',
        refId: p.saleId,
        storeId: p.storeId,
        actorId: p.actorId,
        now: p.now,
        groupId,
        meta: { couponId: row.id },
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'insufficient_balance') {
        const account = (err.extra as { account?: string }).account;
        throw exhausted(
          account === 'coupon_client' ? 'client' : 'total',
          account === 'coupon_client' ? row.per_client_limit : row.total_limit,
        );
      }
      throw err;
    }
  }
  await tx
    .insertInto('coupon_redemptions')
    .values({
      id: newId(),
      coupon_id: row.id,
      client_id: p.clientId,
      store_id: p.storeId,
      sale_id: p.saleId,
      discount: p.discount,
      status: 'applied',
      group_id: groupId,
      created_at: p.now,
      reversed_at: null,
    })
    .execute();
}

/**
 * Gives the use back (sale voided or fully refunded; or one coupon whose lines are all refunded): once,
 * guarded by the redemption's status, by posting the exact opposite of the entries the use made.
 */
export async function releaseUse(
  tx: Executor,
  p: { saleId: string; couponId?: string; storeId: string; actorId: string | null; now: number },
) {
  let q = tx.selectFrom('coupon_redemptions').selectAll().where('sale_id', '=', p.saleId).where('status', '=', 'applied');
  if (p.couponId) q = q.where('coupon_id', '=', p.couponId);
  const rows = await q.execute();
  for (const r of rows) {
    const res = await tx
      .updateTable('coupon_redemptions')
      .set({ status: 'reversed', reversed_at: p.now })
      .where('id', '=', r.id)
      .where('status', '=', 'applied')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) continue;
    const used = await tx.selectFrom('ledger_entries').select(['account_id', 'amount']).where('group_id', '=', r.group_id).execute();
    const legs = used.map((e) => ({ accountId: e.account_id, amount: -e.amount }));
    if (legs.length)
      await post(tx, legs, {
        kind: 'use_reversal',
        refType: 'coupon_sale',
        refId: p.saleId,
        storeId: p.storeId,
        actorId: p.actorId,
        now: p.now,
        meta: { couponId: r.coupon_id },
      });
  }
  return rows.length;
}

/** Coupons of these refs (codes or ids), resolved; unknown refs are left out. */
export async function couponsOf(db: Executor, refs: readonly string[]): Promise<CouponRow[]> {
  const out: CouponRow[] = [];
  for (const ref of new Set(refs)) {
    const row = await findCoupon(db, ref);
    if (row && !out.some((r) => r.id === row.id)) out.push(row);
  }
  return out;
}

/** Whether a coupon among these refs does not combine with the tier discount (the tier then steps aside). */
export async function blocksTierDiscount(db: Executor, refs: readonly string[]): Promise<boolean> {
  if (refs.length === 0) return false;
  return (await couponsOf(db, refs)).some((r) => r.stacks_with_tier !== 1);
}
