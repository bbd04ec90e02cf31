// The online booking menu around a store's services: their categories and the add-ons a client may pick
// with each, named in the client's language.
import type { Executor } from '../../db/tx.js';
import type { Language } from '../../platform/i18n.js';
import { type EffectiveService, getAddOns, resolveText, type Translations } from '../catalog/index.js';

export type MenuAddOn = { id: string; name: string; price: number; extraMin: number };
export type MenuCategory = { id: string; name: string; color: string | null };

export async function onlineMenu(
  db: Executor,
  services: readonly EffectiveService[],
  lang: Language,
): Promise<{ categories: MenuCategory[]; addOnsOf: (s: EffectiveService) => MenuAddOn[] }> {
  const categoryIds = [...new Set(services.flatMap((s) => (s.categoryId ? [s.categoryId] : [])))];
  const [categories, addOns] = await Promise.all([
    categoryIds.length
      ? db
          .selectFrom('service_categories')
          .select(['id', 'name', 'name_translations', 'color'])
          .where('id', 'in', categoryIds)
          .where('archived', '=', 0)
          .orderBy('sort_order')
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
    getAddOns(
      db,
      services.flatMap((s) => s.addOnIds),
    ),
  ]);
  const offered = new Map(
    [...addOns.values()]
      .filter((a) => !a.archived)
      .map((a) => [a.id, { id: a.id, name: resolveText(a.name, a.nameTranslations, lang), price: a.price, extraMin: a.extraMin }]),
  );
  return {
    categories: categories.map((c) => ({
      id: c.id,
      name: resolveText(c.name, JSON.parse(c.name_translations) as Translations, lang),
      color: c.color,
    })),
    addOnsOf: (s) => s.addOnIds.flatMap((id) => offered.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name, lang)),
  };
}
