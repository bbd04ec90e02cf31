// Add-ons on appointment lines ("paraffin +$10, +10 min"): which the catalog allows on a line's service,
// how long they make the line, and how they are kept on the line (their terms when booked, like its price).
import type { Executor } from '../../db/tx.js';
import { type CatalogAddOn, type EffectiveService, getAddOns } from '../catalog/index.js';
import { AppointmentErrors } from './errors.js';

/** An add-on as booked on a line (stored as JSON in appointment_lines.add_ons). */
export type BookedAddOn = { id: string; extraMin: number; price: number };

export const booked = (a: CatalogAddOn): BookedAddOn => ({ id: a.id, extraMin: a.extraMin, price: a.price });

export function parseBooked(text: string | null | undefined): BookedAddOn[] {
  return text ? (JSON.parse(text) as BookedAddOn[]) : [];
}

/** What a line costs: the service and its add-ons. */
export function lineTotal(l: { price: number; add_ons?: string | null }): number {
  return parseBooked(l.add_ons).reduce((sum, a) => sum + a.price, l.price);
}

/**
 * The add-ons of each line, checked against the catalog: an add-on must exist, be offered and be attached
 * to its line's service (422 add_on_not_for_service naming the field). `perLine[i]` are ids on line i; `loose`
 * are ids of a flat list (the availability query), each put on the first line whose service takes it and
 * does not carry it yet. `services` are the effective services of the lines, already checked.
 */
export async function resolveLineAddOns(
  db: Executor,
  lines: ReadonlyArray<{ serviceId: string; addOnIds?: readonly string[] | undefined }>,
  services: ReadonlyMap<string, EffectiveService>,
  paths: { perLine: (i: number, j: number) => string; loose: (k: number) => string },
  loose?: readonly string[],
): Promise<CatalogAddOn[][]> {
  const wanted = [...lines.flatMap((l) => l.addOnIds ?? []), ...(loose ?? [])];
  const out: CatalogAddOn[][] = lines.map(() => []);
  if (wanted.length === 0) return out;
  const catalog = await getAddOns(db, wanted);
  const fits = (id: string, serviceId: string) => {
    const a = catalog.get(id);
    return a && !a.archived && services.get(serviceId)?.addOnIds.includes(id) ? a : undefined;
  };
  const refuse = (path: string, id: string) =>
    AppointmentErrors.add_on_not_for_service({ field: path }, [{ path, message: `add-on ${id} is not offered with this service` }]);
  lines.forEach((l, i) => {
    (l.addOnIds ?? []).forEach((id, j) => {
      const a = fits(id, l.serviceId);
      if (!a) throw refuse(paths.perLine(i, j), id);
      out[i]!.push(a);
    });
  });
  (loose ?? []).forEach((id, k) => {
    const i = lines.findIndex((l, n) => !!fits(id, l.serviceId) && !out[n]!.some((a) => a.id === id));
    if (i < 0) throw refuse(paths.loose(k), id);
    out[i]!.push(catalog.get(id)!);
  });
  return out;
}

export const extraMinutes = (addOns: readonly { extraMin: number }[]) => addOns.reduce((sum, a) => sum + a.extraMin, 0);
