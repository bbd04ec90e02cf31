// Lines made longer by add-ons (extraMin on top of whoever performs them) or resized by hand (fixedDurationMin).
import { describe, expect, it } from 'vitest';
import { computeAvailability, evaluateStart } from './engine.js';
import { at, makeInput, svc, tech } from './test-fixtures.js';

const MIN = 60_000;
const date = '2026-03-10';

describe('extra and fixed minutes', () => {
  it('adds extraMin after each technician’s own duration', () => {
    const staff = [tech('amy'), tech('bea', { durationsMin: { gel: 90 } })];
    const amy = computeAvailability(makeInput({ staff, services: [svc('gel', { staffId: 'amy', durationMin: 45, extraMin: 15 })] }));
    expect(amy[0]!.end - amy[0]!.start).toBe(60 * MIN);
    expect(amy.at(-1)!.startLocal).toBe('18:00');
    const bea = computeAvailability(makeInput({ staff, services: [svc('gel', { staffId: 'bea', durationMin: 45, extraMin: 15 })] }));
    expect(bea[0]!.end - bea[0]!.start).toBe(105 * MIN);
  });

  it('a fixed length replaces own durations and extras', () => {
    const staff = [tech('bea', { durationsMin: { gel: 90 } })];
    const slots = computeAvailability(
      makeInput({ staff, services: [svc('gel', { durationMin: 45, extraMin: 15, fixedDurationMin: 20 })] }),
    );
    expect(slots[0]!.end - slots[0]!.start).toBe(20 * MIN);
  });

  it('the longer line collides with a booking the plain one would miss', () => {
    const busy = { staff: [{ staffId: 'amy', start: at(date, '11:00'), end: at(date, '12:00') }], resources: [] };
    const plain = makeInput({ busy, services: [svc('mani', { staffId: 'amy' })] });
    expect(evaluateStart(plain, at(date, '10:00')).ok).toBe(true);
    const longer = makeInput({ busy, services: [svc('mani', { staffId: 'amy', extraMin: 10 })] });
    expect(evaluateStart(longer, at(date, '10:00'))).toEqual({ ok: false, reason: 'slot_taken' });
    expect(computeAvailability(longer).map((s) => s.startLocal)).not.toContain('10:00');
  });
});
