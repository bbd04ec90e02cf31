// What a booked line takes from its technician and its resource. The engine applies the same rule to
// existing appointments and to the slots it offers, and booking should store it the same way.
import type { Interval } from '../../platform/zoned-time.js';
import type { ProcessingGap, ResourceBusy, StaffBusy } from './types.js';

const MIN_MS = 60_000;

export type LineTiming = {
  /** Service start and end (epoch ms), buffers excluded. */
  start: number;
  end: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  processing?: ProcessingGap | null;
};

export type Occupancy = {
  /** Buffer before + service + buffer after: what the resource holds, and the technician outside processing. */
  span: Interval;
  /** The processing gap as instants, clipped to the service; null when there is none. */
  gap: Interval | null;
};

export function occupancy(line: LineTiming): Occupancy {
  const span = { start: line.start - line.bufferBeforeMin * MIN_MS, end: line.end + line.bufferAfterMin * MIN_MS };
  const p = line.processing;
  if (!p || p.lengthMin <= 0) return { span, gap: null };
  const start = Math.max(line.start, line.start + p.startMin * MIN_MS);
  const end = Math.min(line.end, start + p.lengthMin * MIN_MS);
  return { span, gap: end > start ? { start, end } : null };
}

/** The parts of the span the technician is taken: all of it, or around the gap when overlap is allowed. */
export function staffPieces(occ: Occupancy, allowProcessingOverlap: boolean): Interval[] {
  const { span, gap } = occ;
  if (!allowProcessingOverlap || !gap) return [span];
  const out: Interval[] = [];
  if (gap.start > span.start) out.push({ start: span.start, end: gap.start });
  if (span.end > gap.end) out.push({ start: gap.end, end: span.end });
  return out;
}

/** An existing appointment line as the engine's busy entries (staff and, when it holds one, resource). */
export function busyOfLine(line: LineTiming & { staffId: string; resourceId?: string | null }): {
  staff: StaffBusy;
  resource: ResourceBusy | null;
} {
  const occ = occupancy(line);
  return {
    staff: { staffId: line.staffId, start: occ.span.start, end: occ.span.end, processing: occ.gap, kind: 'appointment' },
    resource: line.resourceId ? { resourceId: line.resourceId, start: occ.span.start, end: occ.span.end } : null,
  };
}
