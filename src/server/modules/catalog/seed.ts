// The demo catalog of a real nail & spa, in English with Simplified and Traditional Chinese names.
import type { Executor } from '../../db/tx.js';
import { writeAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';
import { searchText } from './catalog.js';
import { ADD_ONS, CATEGORIES, PRODUCTS, RESOURCES, SERVICES, type Skill, type Tr } from './seed-data.js';

export type DemoCatalogInput = {
  storeIds: readonly string[];
  /** Who performs services at each store (technicians), by store id. They must exist and work there. */
  staffByStore: Readonly<Record<string, readonly string[]>>;
  now: number;
};

/** Ids of what was created, by stable demo key (e.g. serviceIds.gel_manicure), for later demo steps. */
export type DemoCatalog = {
  categoryIds: Record<string, string>;
  serviceIds: Record<string, string>;
  addOnIds: Record<string, string>;
  productIds: Record<string, string>;
  resourceIdsByStore: Record<string, string[]>;
};

const tr = ([en, zhCN, zhTW]: Tr) => JSON.stringify({ en, 'zh-CN': zhCN, 'zh-TW': zhTW });

/** A UPC-A in the in-store range (leading 2) with a correct check digit: scannable, never a real product's. */
function demoUpc(n: number): string {
  const body = `2${String(n).padStart(10, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return body + String((10 - (sum % 10)) % 10);
}

/** Who performs what at one store: nails for everyone; lashes and skin for half the team, massage for the other half. */
function performs(skill: Skill, index: number, teamSize: number): boolean {
  if (skill === 'nails' || teamSize < 2) return true;
  return skill === 'massage' ? index % 2 === 1 : index % 2 === 0;
}

/**
 * Creates a realistic nail & spa catalog inside the caller's transaction: 5 categories, 17 services
 * (processing gaps, buffers, resource needs), 7 add-ons, 10 retail and back-bar products, 8 resources per
 * store, staff assignments (the first technician of each store charges more for some services), and,
 * when there is a second store, a couple of overrides there. HQ locks the price of the classic manicure.
 */
export async function seedDemoCatalog(tx: Executor, input: DemoCatalogInput): Promise<DemoCatalog> {
  const { now } = input;
  const stamp = { version: 1, created_at: now, updated_at: now, archived: 0 as const };
  const ids = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, newId()]));
  const out: DemoCatalog = {
    categoryIds: ids(CATEGORIES.map((c) => c.key)),
    serviceIds: ids(SERVICES.map((s) => s.key)),
    addOnIds: ids(ADD_ONS.map((a) => a.key)),
    productIds: ids(PRODUCTS.map((p) => p.key)),
    resourceIdsByStore: {},
  };

  await tx
    .insertInto('service_categories')
    .values(
      CATEGORIES.map((c, i) => ({
        id: out.categoryIds[c.key]!,
        name: c.name[0],
        name_translations: tr(c.name),
        sort_order: (i + 1) * 10,
        color: c.color,
        ...stamp,
      })),
    )
    .execute();

  await tx
    .insertInto('services')
    .values(
      SERVICES.map((s) => ({
        id: out.serviceIds[s.key]!,
        category_id: out.categoryIds[s.category] ?? null,
        name: s.name[0],
        name_translations: tr(s.name),
        search_text: searchText(...s.name),
        description: s.description?.[0] ?? null,
        description_translations: s.description ? tr(s.description) : '{}',
        duration_min: s.min,
        buffer_before_min: s.before ?? 0,
        buffer_after_min: s.after ?? 0,
        processing_start_min: s.processing?.[0] ?? null,
        processing_min: s.processing?.[1] ?? null,
        price: s.price,
        tax_class: 'service',
        online_bookable: 1 as const,
        color: CATEGORIES.find((c) => c.key === s.category)?.color ?? null,
        resource_type: s.resource ?? null,
        locks: s.key === 'classic_manicure' ? '["price"]' : '[]',
        ...stamp,
      })),
    )
    .execute();

  // Staff links: one row per (service, staff) even when someone works at several stores.
  const links = new Map<string, { service_id: string; staff_id: string; price: number | null; duration_min: number | null }>();
  for (const storeId of input.storeIds) {
    const team = input.staffByStore[storeId] ?? [];
    team.forEach((staffId, index) => {
      for (const s of SERVICES) {
        const serviceId = out.serviceIds[s.key]!;
        if (!performs(s.skill, index, team.length) || links.has(`${serviceId}:${staffId}`)) continue;
        const senior = index === 0 && ['gel_manicure', 'acrylic_full_set', 'classic_lashes', 'signature_facial'].includes(s.key);
        const quick = index === 2 && s.key === 'classic_lashes';
        links.set(`${serviceId}:${staffId}`, {
          service_id: serviceId,
          staff_id: staffId,
          price: senior ? s.price + 500 : null,
          duration_min: quick ? 105 : null,
        });
      }
    });
  }
  if (links.size)
    await tx
      .insertInto('service_staff')
      .values([...links.values()])
      .execute();

  await tx
    .insertInto('add_ons')
    .values(
      ADD_ONS.map((a) => ({
        id: out.addOnIds[a.key]!,
        name: a.name[0],
        name_translations: tr(a.name),
        search_text: searchText(...a.name),
        price: a.price,
        extra_min: a.min,
        tax_class: 'service',
        ...stamp,
      })),
    )
    .execute();
  await tx
    .insertInto('service_add_ons')
    .values(ADD_ONS.flatMap((a) => a.services.map((s) => ({ service_id: out.serviceIds[s]!, add_on_id: out.addOnIds[a.key]! }))))
    .execute();

  await tx
    .insertInto('products')
    .values(
      PRODUCTS.map((p, i) => ({
        id: out.productIds[p.key]!,
        sku: `ORC-${String(i + 1).padStart(4, '0')}`,
        barcode: demoUpc(i + 1),
        name: p.name[0],
        name_translations: tr(p.name),
        search_text: searchText(...p.name, `ORC-${String(i + 1).padStart(4, '0')}`, demoUpc(i + 1), p.brand),
        brand: p.brand,
        price: p.price,
        cost: p.cost,
        tax_class: 'product',
        usage: p.usage,
        unit: p.unit,
        size: p.size,
        locks: '[]',
        ...stamp,
      })),
    )
    .execute();

  for (const storeId of input.storeIds) {
    const rows = RESOURCES.map((r, i) => ({
      id: newId(),
      store_id: storeId,
      name: r.name,
      type: r.type,
      active: 1 as const,
      sort_order: (i + 1) * 10,
      version: 1,
      created_at: now,
      updated_at: now,
    }));
    await tx.insertInto('resources').values(rows).execute();
    out.resourceIdsByStore[storeId] = rows.map((r) => r.id);
  }

  // The second store charges more for a Swedish massage and has no hot stones.
  const second = input.storeIds[1];
  if (second) {
    await tx
      .insertInto('service_overrides')
      .values([
        {
          service_id: out.serviceIds.swedish_massage!,
          store_id: second,
          price: 10000,
          duration_min: null,
          available: null,
          updated_by: null,
          updated_at: now,
        },
        {
          service_id: out.serviceIds.hot_stone!,
          store_id: second,
          price: null,
          duration_min: null,
          available: 0,
          updated_by: null,
          updated_at: now,
        },
      ])
      .execute();
  }

  await writeAudit(
    tx,
    { actorId: null, ip: null, requestId: null, now },
    {
      action: 'catalog.seed',
      entityType: 'catalog',
      after: {
        categories: CATEGORIES.length,
        services: SERVICES.length,
        addOns: ADD_ONS.length,
        products: PRODUCTS.length,
        resourcesPerStore: RESOURCES.length,
      },
    },
  );
  return out;
}
