// Package templates (HQ): what a package contains, costs, how long it lasts and where it can be used.
// A template is edited freely (versioned, audited); client packages keep the copy they were sold with.
import type { Selectable } from 'kysely';
import type { PackageTemplatesTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { type FieldError, PlatformErrors } from '../../platform/errors.js';
import { LANGUAGES, type Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { allocatePackage, type Validity } from './rules.js';
import type { TemplateCreate, TemplateItemInput, TemplateUpdate } from './schemas.js';

export type TemplateRow = Selectable<PackageTemplatesTable>;
export type Translations = Partial<Record<Language, string>>;

/** Keeps only known languages with non-blank text (forms send "" for an empty field). */
export function cleanTranslations(input: Translations | undefined | null): Translations {
  const out: Translations = {};
  for (const lang of LANGUAGES) {
    const v = input?.[lang]?.trim();
    if (v) out[lang] = v;
  }
  return out;
}

/** The text in `lang`, or the base text. */
export const textIn = (base: string, translations: Translations, lang: Language): string => translations[lang]?.trim() || base;

/** An item as stored in the template (and copied onto a client package). */
export type TemplateItem = {
  key: string;
  label: string;
  labelTranslations: Translations;
  sessions: number;
  serviceIds: string[];
  step: number | null;
  valuePerSession: number | null;
  /** Allocation weight: valuePerSession (or the dearest service's list price) × sessions. */
  weight: number;
};

/** Terms copied onto a client package at purchase. */
export type PackageTerms = {
  storeIds: string[] | null;
  freeze: { allowed: boolean; maxDays: number };
  sharing: { shareable: boolean; maxMembers: number };
  validity: Validity;
  products: Array<{ productId: string; quantity: number }>;
};

export const parseJson = <T>(s: string | null, fallback: T): T => {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

export const itemsOf = (row: Pick<TemplateRow, 'items'>): TemplateItem[] => parseJson<TemplateItem[]>(row.items, []);

export function validityOf(row: Pick<TemplateRow, 'validity_kind' | 'validity_months' | 'valid_until'>): Validity {
  if (row.validity_kind === 'months') return { kind: 'months', months: row.validity_months ?? 12 };
  if (row.validity_kind === 'fixed') return { kind: 'fixed', until: row.valid_until ?? '2099-12-31' };
  return { kind: 'none' };
}

export function termsOf(row: TemplateRow): PackageTerms {
  return {
    storeIds: parseJson<string[] | null>(row.store_ids, null),
    freeze: { allowed: row.freeze_allowed === 1, maxDays: row.freeze_max_days },
    sharing: { shareable: row.shareable === 1, maxMembers: row.max_members },
    validity: validityOf(row),
    products: parseJson(row.products, []),
  };
}

export function templateDto(row: TemplateRow) {
  const items = itemsOf(row);
  const allocation = allocatePackage(
    row.price,
    items.map((i) => ({ sessions: i.sessions, weight: i.weight })),
  );
  const terms = termsOf(row);
  return {
    id: row.id,
    name: row.name,
    nameTranslations: parseJson<Translations>(row.name_translations, {}),
    description: row.description,
    descriptionTranslations: parseJson<Translations>(row.description_translations, {}),
    items: items.map((i, n) => ({
      key: i.key,
      label: i.label,
      labelTranslations: i.labelTranslations,
      sessions: i.sessions,
      serviceIds: i.serviceIds,
      step: i.step,
      valuePerSession: i.valuePerSession,
      /** The template price spread over this item's sessions (cents, one per session). */
      allocation: allocation[n]!,
    })),
    sessionsTotal: items.reduce((a, i) => a + i.sessions, 0),
    products: terms.products,
    price: row.price,
    taxClass: row.tax_class,
    validity: terms.validity,
    storeIds: terms.storeIds,
    freeze: terms.freeze,
    sharing: terms.sharing,
    stepped: items.some((i) => i.step !== null),
    active: row.active === 1,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
export type TemplateDto = ReturnType<typeof templateDto>;

export const findTemplate = (db: Executor, id: string) =>
  db.selectFrom('package_templates').selectAll().where('id', '=', id).executeTakeFirst();

/** Checks the catalog references and turns input items into stored items (weights from list prices). */
async function resolveItems(db: Executor, input: readonly TemplateItemInput[], previous: readonly TemplateItem[]): Promise<TemplateItem[]> {
  const serviceIds = [...new Set(input.flatMap((i) => i.serviceIds))];
  const services = await db.selectFrom('services').select(['id', 'price', 'archived']).where('id', 'in', serviceIds).execute();
  const byId = new Map(services.map((s) => [s.id, s]));
  const errors: FieldError[] = [];
  for (const [i, item] of input.entries())
    for (const [j, id] of item.serviceIds.entries()) {
      const s = byId.get(id);
      if (!s || s.archived) errors.push({ path: `items.${i}.serviceIds.${j}`, message: 'unknown or archived service' });
    }
  const keys = input.map((i) => i.key).filter(Boolean);
  if (new Set(keys).size !== keys.length) errors.push({ path: 'items', message: 'two items have the same key' });
  if (errors.length) throw PlatformErrors.validation_failed({ fields: errors.map((e) => e.path).join(', ') }, errors);
  const used = new Set(keys as string[]);
  return input.map((item, i) => {
    let key = item.key ?? previous[i]?.key ?? `item-${i + 1}`;
    if (!item.key) {
      for (let n = i + 1; used.has(key); n++) key = `item-${n}`;
      used.add(key);
    }
    const listPrice = Math.max(...item.serviceIds.map((id) => byId.get(id)!.price));
    const per = item.valuePerSession ?? listPrice;
    return {
      key,
      label: item.label,
      labelTranslations: cleanTranslations(item.labelTranslations),
      sessions: item.sessions,
      serviceIds: item.serviceIds,
      step: item.step ?? null,
      valuePerSession: item.valuePerSession ?? null,
      weight: per * item.sessions,
    };
  });
}

async function assertRefs(db: Executor, input: Partial<TemplateCreate>): Promise<void> {
  const errors: FieldError[] = [];
  if (input.storeIds?.length) {
    const found = new Set((await db.selectFrom('stores').select('id').where('id', 'in', input.storeIds).execute()).map((r) => r.id));
    for (const [i, id] of input.storeIds.entries()) if (!found.has(id)) errors.push({ path: `storeIds.${i}`, message: 'unknown store' });
  }
  if (input.products?.length) {
    const ids = input.products.map((p) => p.productId);
    const found = new Set(
      (await db.selectFrom('products').select('id').where('id', 'in', ids).where('archived', '=', 0).execute()).map((r) => r.id),
    );
    for (const [i, p] of input.products.entries())
      if (!found.has(p.productId)) errors.push({ path: `products.${i}.productId`, message: 'unknown or archived product' });
  }
  if (input.freeze?.allowed && input.freeze.maxDays < 1)
    errors.push({ path: 'freeze.maxDays', message: 'at least one day when freezing is allowed' });
  if (errors.length) throw PlatformErrors.validation_failed({ fields: errors.map((e) => e.path).join(', ') }, errors);
}

function validityColumns(v: Validity) {
  return {
    validity_kind: v.kind,
    validity_months: v.kind === 'months' ? v.months : null,
    valid_until: v.kind === 'fixed' ? v.until : null,
  };
}

export async function createTemplate(tx: Executor, input: TemplateCreate, ctx: AuditContext): Promise<TemplateDto> {
  await assertRefs(tx, input);
  const items = await resolveItems(tx, input.items, []);
  const row: TemplateRow = {
    id: newId(),
    name: input.name,
    name_translations: JSON.stringify(cleanTranslations(input.nameTranslations)),
    description: input.description ?? null,
    description_translations: JSON.stringify(cleanTranslations(input.descriptionTranslations)),
    items: JSON.stringify(items),
    products: JSON.stringify(input.products ?? []),
    price: input.price,
    tax_class: input.taxClass ?? null,
    ...validityColumns(input.validity),
    store_ids: input.storeIds ? JSON.stringify(input.storeIds) : null,
    freeze_allowed: input.freeze?.allowed ? 1 : 0,
    freeze_max_days: input.freeze?.allowed ? input.freeze.maxDays : 0,
    shareable: input.sharing?.shareable ? 1 : 0,
    max_members: input.sharing?.shareable ? input.sharing.maxMembers : 0,
    active: input.active === false ? 0 : 1,
    version: 1,
    created_by: ctx.actorId,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await tx.insertInto('package_templates').values(row).execute();
  const dto = templateDto(row);
  await writeAudit(tx, ctx, { action: 'package_template.create', entityType: 'package_template', entityId: row.id, after: dto });
  return dto;
}

export async function updateTemplate(tx: Executor, id: string, input: TemplateUpdate, ctx: AuditContext): Promise<TemplateDto> {
  const row = await findTemplate(tx, id);
  if (!row) throw PlatformErrors.not_found();
  if (row.version !== input.version) throw PlatformErrors.stale_version();
  await assertRefs(tx, input);
  const next: TemplateRow = { ...row };
  if (input.name !== undefined) next.name = input.name;
  if (input.nameTranslations !== undefined) next.name_translations = JSON.stringify(cleanTranslations(input.nameTranslations));
  if (input.description !== undefined) next.description = input.description;
  if (input.descriptionTranslations !== undefined)
    next.description_translations = JSON.stringify(cleanTranslations(input.descriptionTranslations));
  if (input.items !== undefined) next.items = JSON.stringify(await resolveItems(tx, input.items, itemsOf(row)));
  if (input.products !== undefined) next.products = JSON.stringify(input.products);
  if (input.price !== undefined) next.price = input.price;
  if (input.taxClass !== undefined) next.tax_class = input.taxClass;
  if (input.validity !== undefined) Object.assign(next, validityColumns(input.validity));
  if (input.storeIds !== undefined) next.store_ids = input.storeIds ? JSON.stringify(input.storeIds) : null;
  if (input.freeze !== undefined) {
    next.freeze_allowed = input.freeze.allowed ? 1 : 0;
    next.freeze_max_days = input.freeze.allowed ? input.freeze.maxDays : 0;
  }
  if (input.sharing !== undefined) {
    next.shareable = input.sharing.shareable ? 1 : 0;
    next.max_members = input.sharing.shareable ? input.sharing.maxMembers : 0;
  }
  if (input.active !== undefined) next.active = input.active ? 1 : 0;
  next.version = row.version + 1;
  next.updated_at = ctx.now;
  const { id: _id, created_at: _c, created_by: _b, ...patch } = next;
  const res = await tx
    .updateTable('package_templates')
    .set(patch)
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
  const after = templateDto(next);
  await writeAudit(tx, ctx, {
    action: 'package_template.update',
    entityType: 'package_template',
    entityId: id,
    before: templateDto(row),
    after,
  });
  return after;
}

/** Templates for sale at a store (active, and either sold everywhere or at this store). */
export function soldAt(row: TemplateRow, storeId: string): boolean {
  const stores = parseJson<string[] | null>(row.store_ids, null);
  return row.active === 1 && (stores === null || stores.includes(storeId));
}
