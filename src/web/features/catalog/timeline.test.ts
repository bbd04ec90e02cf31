import { describe, expect, it } from 'vitest';
import { gapProblem, handsOnMinutes, type Timing, timelineSegments, totalMinutes } from './timeline.js';

const base: Timing = { bufferBeforeMin: 0, durationMin: 60, bufferAfterMin: 0, processingStartMin: null, processingMin: null };

describe('timelineSegments', () => {
  it('is one service block without buffers or gap', () => {
    expect(timelineSegments(base)).toEqual([{ kind: 'service', startMin: 0, lengthMin: 60, percent: 100 }]);
  });

  it('lays out prep | service | gap | service | clean-up, in minutes from the start', () => {
    const segs = timelineSegments({ bufferBeforeMin: 10, durationMin: 90, bufferAfterMin: 20, processingStartMin: 30, processingMin: 25 });
    expect(segs.map((s) => [s.kind, s.startMin, s.lengthMin])).toEqual([
      ['before', 0, 10],
      ['service', 10, 30],
      ['processing', 40, 25],
      ['service', 65, 35],
      ['after', 100, 20],
    ]);
    expect(segs.reduce((sum, s) => sum + s.percent, 0)).toBeCloseTo(100);
    expect(segs[0]?.percent).toBeCloseTo((10 / 120) * 100);
  });

  it('leaves out empty pieces (a gap at the very start or end)', () => {
    expect(timelineSegments({ ...base, processingStartMin: 0, processingMin: 20 }).map((s) => s.kind)).toEqual(['processing', 'service']);
    expect(timelineSegments({ ...base, processingStartMin: 40, processingMin: 20 }).map((s) => s.kind)).toEqual(['service', 'processing']);
  });

  it('clips a gap that runs past the service end and ignores a half-set one', () => {
    const segs = timelineSegments({ ...base, processingStartMin: 50, processingMin: 30 });
    expect(segs.map((s) => [s.kind, s.lengthMin])).toEqual([
      ['service', 50],
      ['processing', 10],
    ]);
    expect(timelineSegments({ ...base, processingStartMin: 10 })).toHaveLength(1);
  });

  it('has no segments (and no division by zero) for nothing', () => {
    expect(timelineSegments({ ...base, durationMin: 0 })).toEqual([]);
  });
});

describe('gapProblem and totals', () => {
  it('wants both numbers or neither, inside the service', () => {
    expect(gapProblem(base)).toBeNull();
    expect(gapProblem({ ...base, processingStartMin: 10 })).toBe('incomplete');
    expect(gapProblem({ ...base, processingMin: 10 })).toBe('incomplete');
    expect(gapProblem({ ...base, processingStartMin: 30, processingMin: 30 })).toBeNull();
    expect(gapProblem({ ...base, processingStartMin: 35, processingMin: 30 })).toBe('endsAfterService');
  });

  it('counts the whole booking and the hands-on time', () => {
    const t = { bufferBeforeMin: 5, durationMin: 60, bufferAfterMin: 10, processingStartMin: 20, processingMin: 15 };
    expect(totalMinutes(t)).toBe(75);
    expect(handsOnMinutes(t)).toBe(45);
    expect(handsOnMinutes({ ...t, processingMin: 60 })).toBe(60);
  });
});
