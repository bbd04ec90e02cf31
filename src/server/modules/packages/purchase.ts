// Buying a package and closing one (refund, void): inside the caller's transaction, so a package exists
// only when the sale that sold it commits, and its sessions are issued as ledger entries in that commit.
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { localDate } from '../../platform/zoned-time.js';
import { post } from '../ledgers/index.js';
import { PackageErrors } from './errors.js';
import { convertRecommendations } from './recommendations.js';
import { findPackage, type ItemState, itemStates, openSessionAccount, type PackageRow, zoneOfStore } from './repo.js';
import { allocatePackage, expiryFor, type RefundQuote, refundQuote, valueOfSessions } from './rules.js';
import { loadPackageSettings } from './settings.js';
import { findTemplate, itemsOf, soldAt, termsOf } from './templates.js';

export type PurchaseInput = {
  templateId: string;
  clientId: string;
  storeId: string;
  /** Pre-tax revenue spread over the sessions (the sale line's pre-tax amount, or the template price). */
  price: number;
  /** What the client paid for it, tax included (equals price outside checkout). */
  paidTotal?: number;
  saleId?: string | null;
  saleLineId?: string | null;
  audit: AuditContext;
};

/**
 * Opens a client package from a template: copies its terms, allocates `price` over every session, opens one
 * ledger account per item and issues its sessions (entry kind `issue`), converts open recommendations of this
 * template for the client, audits. Returns the package row.
 */
export async function purchasePackage(tx: Executor, p: PurchaseInput): Promise<PackageRow> {
  const template = await findTemplate(tx, p.templateId);
  if (!template || !soldAt(template, p.storeId)) throw PackageErrors.package_template_unavailable();
  const client = await tx.selectFrom('clients').select(['id', 'merged_into_id']).where('id', '=', p.clientId).executeTakeFirst();
  if (!client || client.merged_into_id) throw PlatformErrors.not_found();
  const now = p.audit.now;
  const tz = await zoneOfStore(tx, p.storeId);
  const items = itemsOf(template);
  const terms = termsOf(template);
  const allocation = allocatePackage(
    p.price,
    items.map((i) => ({ sessions: i.sessions, weight: i.weight })),
  );
  const row: PackageRow = {
    id: newId(),
    client_id: p.clientId,
    template_id: template.id,
    name: template.name,
    name_translations: template.name_translations,
    terms: JSON.stringify(terms),
    store_id: p.storeId,
    sale_id: p.saleId ?? null,
    sale_line_id: p.saleLineId ?? null,
    price: p.price,
    paid_total: p.paidTotal ?? p.price,
    status: 'active',
    purchased_at: now,
    expires_at: expiryFor(now, terms.validity, tz),
    frozen_from: null,
    frozen_until: null,
    freeze_days_used: 0,
    refunded_amount: 0,
    refund_fee: 0,
    closed_at: null,
    closed_reason: null,
    created_by: p.audit.actorId,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await tx.insertInto('client_packages').values(row).execute();
  const groupId = newId();
  for (const [position, item] of items.entries()) {
    const itemId = newId();
    const accountId = await openSessionAccount(tx, row.id, itemId, now);
    await tx
      .insertInto('client_package_items')
      .values({
        id: itemId,
        package_id: row.id,
        position,
        label: item.label,
        label_translations: JSON.stringify(item.labelTranslations),
        service_ids: JSON.stringify(item.serviceIds),
        step: item.step,
        sessions: item.sessions,
        session_values: JSON.stringify(allocation[position]),
        account_id: accountId,
      })
      .execute();
    await post(tx, [{ accountId, amount: item.sessions }], {
      kind: 'issue',
      refType: 'client_package',
      refId: row.id,
      storeId: p.storeId,
      actorId: p.audit.actorId,
      now,
      groupId,
      meta: { saleId: p.saleId ?? null, item: item.key },
    });
  }
  const converted = await convertRecommendations(tx, { clientId: p.clientId, templateId: template.id, packageId: row.id, now });
  await writeAudit(tx, p.audit, {
    action: 'client_package.purchase',
    entityType: 'client_package',
    entityId: row.id,
    storeId: p.storeId,
    after: {
      clientId: p.clientId,
      templateId: template.id,
      price: p.price,
      paidTotal: row.paid_total,
      saleId: row.sale_id,
      sessions: items.map((i) => i.sessions),
      converted,
    },
  });
  return row;
}

/** Σ of the allocated values of the sessions still unused (per item: the next `balance` sessions after those used). */
export const unusedValueOf = (items: readonly ItemState[]): number =>
  items.reduce((a, i) => a + valueOfSessions(i.values, i.used + 1, i.balance), 0);

/**
 * What refunding the package would give back now: unused sessions at their allocated value (scaled to
 * what was paid), minus the business's fee. No fee on the day of purchase before any use, when the
 * business says so.
 */
export async function quoteRefund(db: Executor, pkg: PackageRow, now: number): Promise<RefundQuote & { used: number; feeWaived: boolean }> {
  const items = (await itemStates(db, [pkg.id])).get(pkg.id) ?? [];
  const { settings } = await loadPackageSettings(db);
  const used = items.reduce((a, i) => a + i.used, 0);
  const tz = await zoneOfStore(db, pkg.store_id);
  const sameDay = localDate(pkg.purchased_at, tz) === localDate(now, tz);
  const waiveFee = settings.sameDayRefundFree && used === 0 && sameDay;
  const open = pkg.status === 'active';
  const q = refundQuote({
    paidTotal: pkg.paid_total,
    price: pkg.price,
    unusedValue: open ? unusedValueOf(items) : 0,
    refunded: pkg.refunded_amount,
    fee: settings.refundFee,
    waiveFee,
  });
  return { ...q, used, feeWaived: waiveFee };
}

/**
 * Closes a package: every unused session is taken off its account (entry kind `sale_refund`), the status
 * becomes refunded or voided, and what came back is recorded. A void is refused once a session was used
 * (refund it instead: the used sessions stay paid for).
 */
export async function closePackage(
  tx: Executor,
  p: {
    packageId: string;
    status: 'refunded' | 'voided';
    amount: number;
    fee: number;
    reason: string;
    refType: string;
    refId: string;
    audit: AuditContext;
  },
): Promise<void> {
  const pkg = await findPackage(tx, p.packageId);
  if (!pkg) throw PlatformErrors.not_found();
  const items = (await itemStates(tx, [pkg.id])).get(pkg.id) ?? [];
  if (p.status === 'voided' && items.some((i) => i.used > 0)) throw PackageErrors.package_not_active({ status: 'in use' });
  const groupId = newId();
  for (const item of items) {
    if (item.balance <= 0) continue;
    await post(tx, [{ accountId: item.account_id, amount: -item.balance }], {
      kind: 'sale_refund',
      refType: p.refType,
      refId: p.refId,
      storeId: pkg.store_id,
      actorId: p.audit.actorId,
      reason: p.reason,
      now: p.audit.now,
      groupId,
    });
  }
  await tx
    .updateTable('client_packages')
    .set({
      status: p.status,
      refunded_amount: pkg.refunded_amount + p.amount,
      refund_fee: pkg.refund_fee + p.fee,
      closed_at: p.audit.now,
      closed_reason: p.reason,
      frozen_until: null,
      version: pkg.version + 1,
      updated_at: p.audit.now,
    })
    .where('id', '=', pkg.id)
    .execute();
  await tx
    .updateTable('package_recommendations')
    .set({ status: 'dismissed', dismissed_at: p.audit.now })
    .where('from_package_id', '=', pkg.id)
    .where('status', '=', 'open')
    .execute();
  await writeAudit(tx, p.audit, {
    action: p.status === 'voided' ? 'client_package.void' : 'client_package.refund',
    entityType: 'client_package',
    entityId: pkg.id,
    storeId: pkg.store_id,
    before: { status: pkg.status, remaining: items.map((i) => i.balance) },
    after: { status: p.status, amount: p.amount, fee: p.fee, reason: p.reason, ref: `${p.refType}:${p.refId}` },
  });
}
