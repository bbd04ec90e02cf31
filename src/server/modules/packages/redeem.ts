// Redeeming one session and reversing one, inside the caller's transaction (a checkout completion, a refund
// or void, or a direct redemption). The session count is a ledger account: the redemption is the ledgers'
// guarded debit of 1, so two terminals redeeming the last session at once → exactly one succeeds, the other
// gets 422 package_exhausted and its whole transaction rolls back.
import { sql } from 'kysely';
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { AppError, PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { localDate } from '../../platform/zoned-time.js';
import { post } from '../ledgers/index.js';
import { PackageErrors } from './errors.js';
import { evaluateRecommendations } from './recommendations.js';
import {
  effectiveStatus,
  findPackage,
  type ItemState,
  itemStates,
  lockPackage,
  type PackageRow,
  type SessionRow,
  zoneOfStore,
} from './repo.js';
import { blockingStep, nextSessionValue } from './rules.js';
import { type PackageTerms, parseJson } from './templates.js';

/** Something another module does when a session is redeemed (treatments link the visit's record). */
export type RedemptionHook = (tx: Executor, session: SessionRow) => Promise<void>;
const hooks = new Map<string, RedemptionHook>();
export function registerRedemptionHook(name: string, hook: RedemptionHook): () => void {
  hooks.set(name, hook);
  return () => {
    hooks.delete(name);
  };
}

export type RedemptionRequest = {
  packageId: string;
  serviceId: string;
  storeId: string;
  /** Who receives the service: the owner, or a named family member of a shared package. */
  clientId: string;
  itemId?: string | undefined;
  /** Step order overridden by this manager (the caller checked the permission), with a reason. */
  stepOverride?: { by: string; reason: string } | null | undefined;
};

export type Resolved = { pkg: PackageRow; items: ItemState[]; item: ItemState; blocked: number | null };

/**
 * Every check a redemption makes, without writing: the package is usable here and now by this client, and
 * an item covers the service with a session left, in step order (or overridden). Also what checkout's
 * price() calls, so a ticket shows the refusal when the line is added.
 */
export async function resolveRedemption(db: Executor, r: RedemptionRequest, now: number, locked?: PackageRow): Promise<Resolved> {
  const pkg = locked ?? (await findPackage(db, r.packageId));
  if (!pkg) throw PlatformErrors.not_found();
  const status = effectiveStatus(pkg, now);
  if (status === 'expired')
    throw PackageErrors.package_expired({
      date: pkg.expires_at === null ? '' : localDate(pkg.expires_at - 1, await zoneOfStore(db, pkg.store_id)),
    });
  if (status === 'frozen') throw PackageErrors.package_frozen({ date: localDate(pkg.frozen_until!, await zoneOfStore(db, pkg.store_id)) });
  if (status !== 'active') throw PackageErrors.package_not_active({ status });
  if (r.clientId !== pkg.client_id) {
    const member = await db
      .selectFrom('client_package_members')
      .select('client_id')
      .where('package_id', '=', pkg.id)
      .where('client_id', '=', r.clientId)
      .executeTakeFirst();
    if (!member) throw PackageErrors.package_not_for_client();
  }
  const terms = parseJson<PackageTerms>(pkg.terms, { storeIds: null } as PackageTerms);
  if (terms.storeIds && !terms.storeIds.includes(r.storeId)) throw PackageErrors.package_not_valid_here();
  const items = (await itemStates(db, [pkg.id])).get(pkg.id) ?? [];
  const covering = items.filter((i) => i.serviceIdList.includes(r.serviceId) && (!r.itemId || i.id === r.itemId));
  if (!covering.length) throw PackageErrors.package_service_not_included();
  const withSessions = covering.filter((i) => i.balance > 0);
  if (!withSessions.length) throw PackageErrors.package_exhausted({ item: covering[0]!.label });
  // The first item in step order that is not blocked; else the first one, blocked (override or refuse).
  const sorted = [...withSessions].sort((a, b) => (a.step ?? 0) - (b.step ?? 0) || a.position - b.position);
  const steps = items.map((i) => ({ id: i.id, step: i.step, balance: i.balance }));
  const free = sorted.find((i) => blockingStep(steps, i.id) === null);
  const item = free ?? sorted[0]!;
  const blocked = free ? null : blockingStep(steps, item.id);
  if (blocked !== null && !r.stepOverride) throw PackageErrors.package_step_out_of_order({ step: blocked });
  return { pkg, items, item, blocked };
}

export type RedeemInput = RedemptionRequest & {
  staffId?: string | null | undefined;
  source: 'checkout' | 'direct';
  saleId?: string | null | undefined;
  saleLineId?: string | null | undefined;
  appointmentId?: string | null | undefined;
  appointmentLineId?: string | null | undefined;
  audit: AuditContext;
  afterCommit?: ((fn: () => void) => void) | undefined;
};

/**
 * Redeems one session: checks, the guarded debit of 1 on the item's account (entry kind `use`), the session
 * row with its allocated value and technician, recommendation rules, the hooks (treatment record link), audit.
 */
export async function redeemSession(tx: Executor, r: RedeemInput): Promise<SessionRow> {
  const now = r.audit.now;
  // The package row is locked (and its version bumped) first: redemptions of one package run one after the
  // other, so the counts read below are current.
  const locked = await tx
    .updateTable('client_packages')
    .set({ version: sql`version + 1`, updated_at: now })
    .where('id', '=', r.packageId)
    .returningAll()
    .executeTakeFirst();
  if (!locked) throw PlatformErrors.not_found();
  const { pkg, items, item, blocked } = await resolveRedemption(tx, r, now, locked);
  // One session per service performed: the desk at checkout and the technician in the room cannot both use
  // one for the same appointment line.
  if (r.appointmentLineId) {
    const taken = await tx
      .selectFrom('package_sessions')
      .select('id')
      .where('appointment_line_id', '=', r.appointmentLineId)
      .where('status', '=', 'redeemed')
      .executeTakeFirst();
    if (taken) throw PackageErrors.package_line_redeemed();
  }
  const id = newId();
  let groupId: string;
  try {
    const posted = await post(tx, [{ accountId: item.account_id, amount: -1 }], {
      kind: 'use',
      refType: 'package_session',
      refId: id,
      storeId: r.storeId,
      actorId: r.audit.actorId,
      now,
      meta: { packageId: pkg.id, serviceId: r.serviceId, saleId: r.saleId ?? null },
    });
    groupId = posted.groupId;
  } catch (err) {
    // Another terminal took the last session between our check and the guarded update.
    if (err instanceof AppError && err.code === 'insufficient_balance') throw PackageErrors.package_exhausted({ item: item.label });
    throw err;
  }
  // Sessions of one item are numbered in redemption order; the number picks the allocated value.
  const session: SessionRow = {
    id,
    package_id: pkg.id,
    item_id: item.id,
    client_id: r.clientId,
    store_id: r.storeId,
    service_id: r.serviceId,
    staff_id: r.staffId ?? null,
    session_number: item.used + 1,
    value: nextSessionValue(item.values, item.used),
    status: 'redeemed',
    source: r.source,
    sale_id: r.saleId ?? null,
    sale_line_id: r.saleLineId ?? null,
    appointment_id: r.appointmentId ?? null,
    appointment_line_id: r.appointmentLineId ?? null,
    step_override_by: blocked !== null ? (r.stepOverride?.by ?? null) : null,
    step_override_reason: blocked !== null ? (r.stepOverride?.reason ?? null) : null,
    group_id: groupId,
    redeemed_at: now,
    reversed_at: null,
    reversed_by: null,
    reverse_reason: null,
    created_by: r.audit.actorId,
  };
  await tx.insertInto('package_sessions').values(session).execute();
  for (const hook of hooks.values()) await hook(tx, session);
  const after = items.map((i) => (i.id === item.id ? { ...i, balance: i.balance - 1, used: i.used + 1 } : i));
  await evaluateRecommendations(tx, { pkg, items: after, storeId: r.storeId, now, afterCommit: r.afterCommit });
  await writeAudit(tx, r.audit, {
    action: 'package_session.redeem',
    entityType: 'client_package',
    entityId: pkg.id,
    storeId: r.storeId,
    after: {
      sessionId: id,
      item: item.label,
      serviceId: r.serviceId,
      clientId: r.clientId,
      staffId: session.staff_id,
      value: session.value,
      remaining: item.balance - 1,
      ...(blocked !== null ? { stepOverride: { step: blocked, by: session.step_override_by, reason: session.step_override_reason } } : {}),
    },
  });
  return session;
}

/**
 * Reverses a redeemed session (refund or void of its sale, or a manager's correction): the session comes
 * back on its item (entry kind `use_reversal`). On a package that is closed meanwhile (expired, refunded),
 * it is taken off again in the same posting group, so the closed package keeps no usable session.
 */
export async function reverseSession(tx: Executor, p: { sessionId: string; reason: string; audit: AuditContext }): Promise<SessionRow> {
  const session = await tx.selectFrom('package_sessions').selectAll().where('id', '=', p.sessionId).executeTakeFirst();
  if (!session) throw PlatformErrors.not_found();
  if (session.status !== 'redeemed') throw PackageErrors.package_session_reversed();
  const pkg = await lockPackage(tx, session.package_id);
  const item = await tx.selectFrom('client_package_items').select('account_id').where('id', '=', session.item_id).executeTakeFirstOrThrow();
  const now = p.audit.now;
  const meta = {
    refType: 'package_session',
    refId: session.id,
    storeId: session.store_id,
    actorId: p.audit.actorId,
    reason: p.reason,
    now,
  };
  const posted = await post(tx, [{ accountId: item.account_id, amount: 1 }], { ...meta, kind: 'use_reversal' });
  const closed = pkg && pkg.status !== 'active';
  if (closed)
    await post(tx, [{ accountId: item.account_id, amount: -1 }], {
      ...meta,
      kind: pkg.status === 'expired' ? 'expiry' : 'sale_refund',
      groupId: posted.groupId,
    });
  const res = await tx
    .updateTable('package_sessions')
    .set({ status: 'reversed', reversed_at: now, reversed_by: p.audit.actorId, reverse_reason: p.reason })
    .where('id', '=', session.id)
    .where('status', '=', 'redeemed')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw PackageErrors.package_session_reversed();
  await writeAudit(tx, p.audit, {
    action: 'package_session.reverse',
    entityType: 'client_package',
    entityId: session.package_id,
    storeId: session.store_id,
    before: { sessionId: session.id, status: 'redeemed', value: session.value },
    after: { status: 'reversed', reason: p.reason, ...(closed ? { packageClosed: pkg.status } : {}) },
  });
  return { ...session, status: 'reversed', reversed_at: now, reversed_by: p.audit.actorId, reverse_reason: p.reason };
}

export function sessionDto(s: SessionRow) {
  return {
    id: s.id,
    packageId: s.package_id,
    itemId: s.item_id,
    clientId: s.client_id,
    storeId: s.store_id,
    serviceId: s.service_id,
    staffId: s.staff_id,
    sessionNumber: s.session_number,
    value: s.value,
    status: s.status as 'redeemed' | 'reversed',
    source: s.source,
    saleId: s.sale_id,
    appointmentId: s.appointment_id,
    appointmentLineId: s.appointment_line_id,
    stepOverride: s.step_override_by ? { by: s.step_override_by, reason: s.step_override_reason } : null,
    redeemedAt: new Date(s.redeemed_at).toISOString(),
    reversedAt: s.reversed_at === null ? null : new Date(s.reversed_at).toISOString(),
    reverseReason: s.reverse_reason,
  };
}
