// The shape of a booking: prep buffer | service (with an optional processing gap inside it, when the
// technician is free while colour or a mask sets) | clean-up buffer. Pure math for the timeline bar.

export interface Timing {
  bufferBeforeMin: number;
  durationMin: number;
  bufferAfterMin: number;
  /** Minutes after the service starts when the gap begins; null when there is none. */
  processingStartMin: number | null;
  processingMin: number | null;
}

export type SegmentKind = 'before' | 'service' | 'processing' | 'after';

export interface Segment {
  kind: SegmentKind;
  /** From the start of the booking (prep buffer included). */
  startMin: number;
  lengthMin: number;
  /** Share of the whole bar, 0–100. */
  percent: number;
}

export type GapProblem = 'incomplete' | 'endsAfterService' | null;

/** What is wrong with the processing gap, if anything: both numbers or neither, inside the service. */
export function gapProblem(t: Timing): GapProblem {
  const { processingStartMin: start, processingMin: length } = t;
  if (start === null && length === null) return null;
  if (start === null || length === null) return 'incomplete';
  return start + length > t.durationMin ? 'endsAfterService' : null;
}

/** The whole time the booking holds a chair or room: buffers included. */
export function totalMinutes(t: Timing): number {
  return Math.max(0, t.bufferBeforeMin) + Math.max(0, t.durationMin) + Math.max(0, t.bufferAfterMin);
}

/** Minutes the technician is busy (the gap, when valid, frees them). */
export function handsOnMinutes(t: Timing): number {
  const gap = gapProblem(t) === null && t.processingMin !== null ? t.processingMin : 0;
  return Math.max(0, t.durationMin - gap);
}

/** The segments of the bar, in order, leaving out empty ones. A gap past the service end is clipped. */
export function timelineSegments(t: Timing): Segment[] {
  const before = Math.max(0, t.bufferBeforeMin);
  const duration = Math.max(0, t.durationMin);
  const after = Math.max(0, t.bufferAfterMin);
  const total = before + duration + after;
  const parts: Array<[SegmentKind, number]> = [['before', before]];
  const start = t.processingStartMin;
  const length = t.processingMin;
  if (start !== null && length !== null && length > 0 && start < duration) {
    const gapStart = Math.max(0, start);
    const gap = Math.min(length, duration - gapStart);
    parts.push(['service', gapStart], ['processing', gap], ['service', duration - gapStart - gap]);
  } else {
    parts.push(['service', duration]);
  }
  parts.push(['after', after]);
  const out: Segment[] = [];
  let at = 0;
  for (const [kind, lengthMin] of parts) {
    if (lengthMin > 0) out.push({ kind, startMin: at, lengthMin, percent: total > 0 ? (lengthMin / total) * 100 : 0 });
    at += lengthMin;
  }
  return out;
}
