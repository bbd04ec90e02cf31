// What a client picked on the booking page (services in order, add-ons per service) and what follows from
// it: the menu grouped by category, the add-on ids the availability query needs, the booking's lines, the
// price and the minutes. Pure, so it is unit tested without the page.
import type { LineInput, Slot } from '../../calendar/types.js';
import type { PublicService, PublicStore } from '../types.js';

/** Add-on ids picked per service id. */
export type AddOnPicks = Readonly<Record<string, readonly string[]>>;

export interface MenuGroup {
  /** null: services without a category (listed last). */
  category: { id: string; name: string } | null;
  services: PublicService[];
}

/** The services under their categories, in the store's category order; uncategorised ones last. */
export function menuGroups(store: Pick<PublicStore, 'categories' | 'services'>): MenuGroup[] {
  const known = new Set(store.categories.map((c) => c.id));
  const groups: MenuGroup[] = store.categories
    .map((c) => ({ category: { id: c.id, name: c.name }, services: store.services.filter((s) => s.categoryId === c.id) }))
    .filter((g) => g.services.length > 0);
  const rest = store.services.filter((s) => !s.categoryId || !known.has(s.categoryId));
  if (rest.length) groups.push({ category: null, services: rest });
  return groups;
}

/** Turns a service on or off; its add-ons go with it. */
export function toggleService(
  selected: readonly string[],
  picks: AddOnPicks,
  serviceId: string,
): { selected: string[]; picks: AddOnPicks } {
  if (!selected.includes(serviceId)) return { selected: [...selected, serviceId], picks };
  const { [serviceId]: _dropped, ...rest } = picks;
  return { selected: selected.filter((x) => x !== serviceId), picks: rest };
}

export function toggleAddOn(picks: AddOnPicks, serviceId: string, addOnId: string): AddOnPicks {
  const current = picks[serviceId] ?? [];
  const next = current.includes(addOnId) ? current.filter((x) => x !== addOnId) : [...current, addOnId];
  return { ...picks, [serviceId]: next };
}

/** The add-on ids of the chosen services, in their order (the availability query puts each on its service). */
export function pickedAddOnIds(selected: readonly string[], picks: AddOnPicks): string[] {
  return selected.flatMap((id) => picks[id] ?? []);
}

/** The booking's lines: the first at the chosen time, the rest one after another. */
export function bookingLines(
  selected: readonly string[],
  picks: AddOnPicks,
  staffId: string,
  slot: Pick<Slot, 'date' | 'startLocal'>,
): LineInput[] {
  return selected.map((serviceId, i) => ({
    serviceId,
    staffId,
    ...(i === 0 ? { date: slot.date, startLocal: slot.startLocal } : {}),
    ...(picks[serviceId]?.length ? { addOnIds: [...picks[serviceId]] } : {}),
  }));
}

/** Price and minutes of the chosen services with this technician ('any': the store's terms), add-ons included. */
export function totals(
  store: Pick<PublicStore, 'services'>,
  selected: readonly string[],
  picks: AddOnPicks,
  staffId: string,
): { price: number; minutes: number } {
  let price = 0;
  let minutes = 0;
  for (const id of selected) {
    const s = store.services.find((x) => x.id === id);
    if (!s) continue;
    const own = s.staff.find((x) => x.staffId === staffId);
    price += own?.price ?? s.price;
    minutes += own?.durationMin ?? s.durationMin;
    for (const a of s.addOns.filter((x) => picks[id]?.includes(x.id))) {
      price += a.price;
      minutes += a.extraMin;
    }
  }
  return { price, minutes };
}
