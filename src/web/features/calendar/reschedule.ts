// What a drag on the calendar asks the server for. The whole visit moves by the time the dragged service
// moved (services keep their places relative to each other); a drop on another technician's column hands
// them the dragged service, or the whole visit when one person was doing all of it.
import { floating, shiftWall, wallMinutesBetween } from './time.js';
import type { Appointment, AppointmentLine, LineInput, LinePatch } from './types.js';

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
    return {
      serviceId: l.serviceId,
      staffId: reassign ? (move.staffId as string) : l.staffId,
      date: wall.date,
      startLocal: wall.time,
      ...keptExtras(l),
    };
  });
}

/** What a line keeps when it moves: its add-ons, and a length set by hand. */
function keptExtras(l: AppointmentLine): Pick<LineInput, 'addOnIds' | 'durationMin'> {
  return {
    ...(l.addOns.length ? { addOnIds: l.addOns.map((x) => x.id) } : {}),
    ...(l.customDuration ? { durationMin: l.durationMin } : {}),
  };
}

/** The shortest a line may be resized to, in minutes (the server's floor). */
export const MIN_LINE_MIN = 5;

/**
 * A resize on the calendar: the line's new length in minutes (its start stays), or null when nothing
 * changed. The grid snaps to 5 minutes; a resize below the floor comes back at the floor.
 */
export function resizedLine(a: Appointment, lineId: string, end: { date: string; time: string }): LinePatch | null {
  const line = a.lines.find((l) => l.id === lineId);
  if (!line) return null;
  const minutes = Math.max(MIN_LINE_MIN, wallMinutesBetween(floating(line.start), `${end.date}T${end.time}`));
  return minutes === line.durationMin ? null : { id: line.id, durationMin: minutes };
}

/** The lines of a visit moved to one of the alternatives the server suggested. */
export function linesAt(slot: { lines: { serviceId: string; staffId: string; start: string }[] }, from?: Appointment): LineInput[] {
  return slot.lines.map((l, i) => {
    const was = from?.lines[i];
    return { serviceId: l.serviceId, staffId: l.staffId, start: l.start, ...(was && was.serviceId === l.serviceId ? keptExtras(was) : {}) };
  });
}
