// A visit's stored lines as a request to place them again: where they are (an edit in place: a resize or
// other add-ons) or from a new start (a client moving her booking online). Each keeps its service, add-ons
// and a length set by hand; parallel lines stay with the line before them.
import type { BookedAddOn } from './add-ons.js';
import { parseBooked } from './add-ons.js';
import type { LineRow } from './repo.js';
import type { LineInput, LinePatch } from './schemas.js';
import { isoIn } from './time.js';

type Stored = Pick<
  LineRow,
  | 'id'
  | 'service_id'
  | 'staff_id'
  | 'staff_requested'
  | 'parallel_with_previous'
  | 'start_at'
  | 'duration_min'
  | 'custom_duration'
  | 'add_ons'
>;

/** The add-on ids and hand-set length a line keeps (a patch may change them; durationMin null drops the length). */
export function keptExtras(l: Stored, patch?: LinePatch): Pick<LineInput, 'addOnIds' | 'durationMin'> {
  const addOnIds = patch?.addOnIds ?? parseBooked(l.add_ons).map((a: BookedAddOn) => a.id);
  const durationMin =
    patch && patch.durationMin !== undefined ? (patch.durationMin ?? undefined) : l.custom_duration === 1 ? l.duration_min : undefined;
  return {
    ...(addOnIds.length ? { addOnIds } : {}),
    ...(durationMin !== undefined ? { durationMin } : {}),
  };
}

/** The lines where they are now, with the same technicians, patched. */
export function linesInPlace(rows: readonly Stored[], tz: string, patches: ReadonlyMap<string, LinePatch>): LineInput[] {
  return rows.map((l, i) => ({
    serviceId: l.service_id,
    staffId: l.staff_id,
    ...(i > 0 && l.parallel_with_previous === 1 ? { parallelWithPrevious: true } : { start: isoIn(l.start_at, tz) }),
    ...keptExtras(l, patches.get(l.id)),
  }));
}
