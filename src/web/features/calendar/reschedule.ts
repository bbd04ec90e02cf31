// What a drag on the calendar asks the server for. The whole visit moves by the time the dragged service
// moved (services keep their places relative to each other); a drop on another technician's column hands
// them the dragged service, or the whole visit when one person was doing all of it.
import { floating, shiftWall, wallMinutesBetween } from './time.js';
import type { Appointment, LineInput } from './types.js';

export interface Move {
  lineId: string;
  /** The dragged service's new store-local start. */
  to: { date: string; time: string };
  /** The column it was dropped on, when that is another staff member. */
  staffId?: string | undefined;
}

export function movedLines(a: Appointment, move: Move): LineInput[] {
  const dragged = a.lines.find((l) => l.id === move.lineId);
  if (!dragged) return [];
  const delta = wallMinutesBetween(floating(dragged.start), `${move.to.date}T${move.to.time}`);
  const oneStaff = a.lines.every((l) => l.staffId === dragged.staffId);
  return a.lines.map((l) => {
    const wall = shiftWall(floating(l.start), delta);
    const reassign = move.staffId && move.staffId !== dragged.staffId && (l.id === dragged.id || oneStaff);
    return { serviceId: l.serviceId, staffId: reassign ? (move.staffId as string) : l.staffId, date: wall.date, startLocal: wall.time };
  });
}

/** The lines of a visit moved to one of the alternatives the server suggested. */
export function linesAt(slot: { lines: { serviceId: string; staffId: string; start: string }[] }): LineInput[] {
  return slot.lines.map((l) => ({ serviceId: l.serviceId, staffId: l.staffId, start: l.start }));
}
