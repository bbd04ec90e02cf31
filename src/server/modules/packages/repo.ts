// Client packages as stored: rows, their items with the ledger balance beside them, and the DTO.
import { type Selectable, sql } from 'kysely';
import type { ClientPackageItemsTable, ClientPackagesTable, PackageSessionsTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { localDate } from '../../platform/zoned-time.js';
import { clientRowName } from '../clients/index.js';
import { type AccountKind, type OwnerType, openAccount } from '../ledgers/index.js';
import { nextSessionValue } from './rules.js';
import { type PackageTerms, parseJson, type Translations } from './templates.js';

export type PackageRow = Selectable<ClientPackagesTable>;
export type ItemRow = Selectable<ClientPackageItemsTable>;
export type SessionRow = Selectable<PackageSessionsTable>;

/** An item with what is left on its ledger account and how many sessions were redeemed. */
export type ItemState = ItemRow & { balance: number; used: number; serviceIdList: string[]; values: number[] };

/** The ledger account kind of package sessions (unit: uses); one account per client package item. */
export const SESSION_ACCOUNT_KIND: AccountKind = 'package_session';
export const SESSION_OWNER_TYPE: OwnerType = 'client_package';

/** The item's session account (kind package_session, unit uses), created empty through the ledgers. */
export async function openSessionAccount(tx: Executor, packageId: string, itemId: string, now: number): Promise<string> {
  const acc = await openAccount(
    tx,
    { kind: SESSION_ACCOUNT_KIND, ownerType: SESSION_OWNER_TYPE, ownerId: packageId, subjectId: itemId },
    now,
  );
  return acc.id;
}

export const findPackage = (db: Executor, id: string) =>
  db.selectFrom('client_packages').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Locks the package row for the rest of the transaction (a no-op update: PostgreSQL holds the row lock,
 * SQLite has the single writer) and returns it as committed. Redemptions, refunds, voids and expiry all
 * take it first, so a refund never computes its amount from sessions another terminal is spending.
 */
export const lockPackage = (tx: Executor, id: string) =>
  tx.updateTable('client_packages').set({ version: sql`version` }).where('id', '=', id).returningAll().executeTakeFirst();

/** Items of packages with their balances and redeemed counts, in position order. */
export async function itemStates(db: Executor, packageIds: readonly string[]): Promise<Map<string, ItemState[]>> {
  const out = new Map<string, ItemState[]>();
  if (packageIds.length === 0) return out;
  const rows = await db
    .selectFrom('client_package_items as i')
    .innerJoin('ledger_accounts as a', 'a.id', 'i.account_id')
    .selectAll('i')
    .select('a.balance')
    .select((eb) =>
      eb
        .selectFrom('package_sessions as s')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('s.item_id', '=', 'i.id')
        .where('s.status', '=', 'redeemed')
        .as('used'),
    )
    .where('i.package_id', 'in', [...packageIds])
    .orderBy('i.package_id')
    .orderBy('i.position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.package_id) ?? [];
    list.push({
      ...r,
      used: Number(r.used ?? 0),
      balance: Number(r.balance),
      serviceIdList: parseJson<string[]>(r.service_ids, []),
      values: parseJson<number[]>(r.session_values, []),
    });
    out.set(r.package_id, list);
  }
  return out;
}

export async function membersOf(db: Executor, packageIds: readonly string[]) {
  if (packageIds.length === 0) return new Map<string, Array<{ clientId: string; name: string; relation: string | null }>>();
  const rows = await db
    .selectFrom('client_package_members as m')
    .innerJoin('clients as c', 'c.id', 'm.client_id')
    .select(['m.package_id', 'm.client_id', 'm.relation', 'c.first_name', 'c.last_name', 'c.preferred_name'])
    .where('m.package_id', 'in', [...packageIds])
    .orderBy('m.added_at')
    .execute();
  const out = new Map<string, Array<{ clientId: string; name: string; relation: string | null }>>();
  for (const r of rows) {
    const list = out.get(r.package_id) ?? [];
    list.push({ clientId: r.client_id, name: clientRowName(r), relation: r.relation });
    out.set(r.package_id, list);
  }
  return out;
}

export const zoneOfStore = async (db: Executor, storeId: string): Promise<string> =>
  (await db.selectFrom('stores').select('time_zone').where('id', '=', storeId).executeTakeFirst())?.time_zone ?? 'UTC';

/** What the package is now: its stored status, or expired / frozen as of `now`. */
export function effectiveStatus(
  p: Pick<PackageRow, 'status' | 'expires_at' | 'frozen_until'>,
  now: number,
): 'active' | 'frozen' | 'expired' | 'refunded' | 'voided' {
  if (p.status !== 'active') return p.status as 'expired' | 'refunded' | 'voided';
  if (p.expires_at !== null && p.expires_at <= now) return 'expired';
  if (p.frozen_until !== null && p.frozen_until > now) return 'frozen';
  return 'active';
}

/** The last usable store-local day of an expiry instant. */
export const lastDay = (expiresAt: number | null, tz: string): string | null => (expiresAt === null ? null : localDate(expiresAt - 1, tz));

export function packageDto(
  p: PackageRow,
  items: readonly ItemState[],
  members: ReadonlyArray<{ clientId: string; name: string; relation: string | null }>,
  tz: string,
  now: number,
) {
  const terms = parseJson<PackageTerms>(p.terms, {
    storeIds: null,
    freeze: { allowed: false, maxDays: 0 },
    sharing: { shareable: false, maxMembers: 0 },
    validity: { kind: 'none' },
    products: [],
  });
  const total = items.reduce((a, i) => a + i.sessions, 0);
  const used = items.reduce((a, i) => a + i.used, 0);
  const remaining = items.reduce((a, i) => a + i.balance, 0);
  const status = effectiveStatus(p, now);
  return {
    id: p.id,
    clientId: p.client_id,
    templateId: p.template_id,
    name: p.name,
    nameTranslations: parseJson<Translations>(p.name_translations, {}),
    status,
    storeId: p.store_id,
    saleId: p.sale_id,
    saleLineId: p.sale_line_id,
    price: p.price,
    paidTotal: p.paid_total,
    purchasedAt: new Date(p.purchased_at).toISOString(),
    expiresAt: p.expires_at === null ? null : new Date(p.expires_at).toISOString(),
    /** The last day it can be used, in the selling store's time zone. */
    validThrough: lastDay(p.expires_at, tz),
    frozen:
      p.frozen_until !== null && p.frozen_until > now
        ? {
            from: new Date(p.frozen_from ?? now).toISOString(),
            until: new Date(p.frozen_until).toISOString(),
            untilDate: localDate(p.frozen_until, tz),
          }
        : null,
    freezeDaysLeft: terms.freeze.allowed ? Math.max(0, terms.freeze.maxDays - p.freeze_days_used) : 0,
    sessions: { total, used, remaining },
    items: items.map((i) => ({
      id: i.id,
      label: i.label,
      labelTranslations: parseJson<Translations>(i.label_translations, {}),
      serviceIds: i.serviceIdList,
      step: i.step,
      sessions: i.sessions,
      used: i.used,
      remaining: i.balance,
      /** Allocated value of the next session (cents). */
      nextValue: nextSessionValue(i.values, i.used),
      sessionValues: i.values,
    })),
    terms: { storeIds: terms.storeIds, freeze: terms.freeze, sharing: terms.sharing, validity: terms.validity, products: terms.products },
    members,
    refundedAmount: p.refunded_amount,
    refundFee: p.refund_fee,
    closedAt: p.closed_at === null ? null : new Date(p.closed_at).toISOString(),
    closedReason: p.closed_reason,
    version: p.version,
  };
}
export type PackageDto = ReturnType<typeof packageDto>;

/** Packages with everything their DTO needs, loaded in a few queries. */
export async function packageDtos(db: Executor, rows: readonly PackageRow[], now: number): Promise<PackageDto[]> {
  const ids = rows.map((r) => r.id);
  const storeIds = [...new Set(rows.map((r) => r.store_id))];
  const [items, members, zones] = await Promise.all([
    itemStates(db, ids),
    membersOf(db, ids),
    storeIds.length ? db.selectFrom('stores').select(['id', 'time_zone']).where('id', 'in', storeIds).execute() : Promise.resolve([]),
  ]);
  const tz = new Map(zones.map((z) => [z.id, z.time_zone]));
  return rows.map((r) => packageDto(r, items.get(r.id) ?? [], members.get(r.id) ?? [], tz.get(r.store_id) ?? 'UTC', now));
}

/** Packages a client owns or shares (as a named family member), newest first. */
export async function packagesOfClient(db: Executor, clientId: string): Promise<PackageRow[]> {
  return db
    .selectFrom('client_packages')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('client_id', '=', clientId),
        eb('id', 'in', eb.selectFrom('client_package_members').select('package_id').where('client_id', '=', clientId)),
      ]),
    )
    .orderBy('purchased_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export const sessionsOfPackage = (db: Executor, packageId: string) =>
  db.selectFrom('package_sessions').selectAll().where('package_id', '=', packageId).orderBy('redeemed_at').orderBy('id').execute();
