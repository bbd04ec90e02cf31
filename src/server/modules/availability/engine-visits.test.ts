import { describe, expect, it } from 'vitest';
import { computeAvailability, evaluateStart } from './engine.js';
import { at, everyDay, h, makeInput, svc, tech } from './test-fixtures.js';
import type { Slot } from './types.js';

const MIN = 60_000;
const locals = (slots: Slot[]) => slots.map((s) => s.startLocal);

describe('resources', () => {
  const date = '2026-03-10';
  const facial = svc('facial', { durationMin: 60, resourceType: 'room' });
  const rooms = [
    { id: 'room-1', type: 'room' },
    { id: 'room-2', type: 'room' },
  ];
  const staff = [tech('amy'), tech('bea'), tech('cat')];

  it('needs a free room: two rooms allow at most two overlapping facials', () => {
    let input = makeInput({ staff, services: [facial], resources: rooms });
    const ten = at(date, '10:00');
    const booked: string[] = [];
    for (let i = 0; i < 3; i++) {
      const slot = computeAvailability(input).find((s) => s.start === ten);
      if (!slot) break;
      const line = slot.lines[0]!;
      booked.push(line.resourceId!);
      input = {
        ...input,
        busy: {
          staff: [...input.busy.staff, { staffId: line.staffId, start: line.start, end: line.end }],
          resources: [...input.busy.resources, { resourceId: line.resourceId!, start: line.start, end: line.end }],
        },
      };
    }
    expect(booked).toEqual(['room-1', 'room-2']);
    // Cat is free, but both rooms are taken until 11:00.
    const l = locals(computeAvailability(input));
    expect(l).not.toContain('10:30');
    expect(l).toContain('11:00');
    expect(evaluateStart(input, ten)).toEqual({ ok: false, reason: 'slot_taken' });
  });

  it('offers nothing when the store has no resource of the type', () => {
    const input = makeInput({ staff, services: [facial], resources: [{ id: 'chair', type: 'pedicure_chair' }] });
    expect(computeAvailability(input)).toEqual([]);
    expect(evaluateStart(input, at(date, '10:00'))).toEqual({ ok: false, reason: 'no_resource' });
  });
});

describe('who can perform, and their own durations', () => {
  const date = '2026-03-10';

  it('uses each technician’s own duration', () => {
    const staff = [tech('amy'), tech('bea', { durationsMin: { gel: 90 } })];
    const bea = computeAvailability(makeInput({ staff, services: [svc('gel', { staffId: 'bea', durationMin: 45 })] }));
    expect(bea.at(-1)!.startLocal).toBe('17:30');
    expect(bea[0]!.end - bea[0]!.start).toBe(90 * MIN);
    const amy = computeAvailability(makeInput({ staff, services: [svc('gel', { staffId: 'amy', durationMin: 45 })] }));
    expect(amy.at(-1)!.startLocal).toBe('18:15');
  });

  it('never offers staff who cannot perform the service', () => {
    const staff = [tech('amy', { serviceIds: ['mani'], rotationOrder: 1 }), tech('bea', { serviceIds: ['facial'], rotationOrder: 2 })];
    const anyFacial = computeAvailability(makeInput({ staff, services: [svc('facial')] }));
    expect(anyFacial.length).toBeGreaterThan(0);
    expect(new Set(anyFacial.map((s) => s.lines[0]!.staffId))).toEqual(new Set(['bea']));
    const input = makeInput({ staff, services: [svc('facial', { staffId: 'amy' })] });
    expect(computeAvailability(input)).toEqual([]);
    expect(evaluateStart(input, at(date, '10:00'))).toEqual({ ok: false, reason: 'staff_cannot_perform' });
    expect(computeAvailability(makeInput({ staff, services: [svc('facial', { staffId: 'nobody' })] }))).toEqual([]);
  });
});

describe('"any technician" strategies', () => {
  const date = '2026-03-10';
  const booking = (staffId: string, from: string, to: string) => ({ staffId, start: at(date, from), end: at(date, to) });
  // Amy: 2 bookings, 120 min. Bea: 1 booking, 90 min. Cat: 3 bookings, 45 min. Dan cannot do manicures.
  const staff = [
    tech('amy', { rotationOrder: 1 }),
    tech('bea', { rotationOrder: 2 }),
    tech('cat', { rotationOrder: 3 }),
    tech('dan', { rotationOrder: 0, serviceIds: ['facial'] }),
  ];
  const busy = {
    staff: [
      booking('amy', '09:00', '10:00'),
      booking('amy', '10:00', '11:00'),
      booking('bea', '09:00', '10:30'),
      booking('cat', '09:00', '09:15'),
      booking('cat', '09:15', '09:30'),
      booking('cat', '09:30', '09:45'),
      { ...booking('bea', '16:00', '18:00'), kind: 'blocked' as const },
    ],
    resources: [],
  };
  const pick = (strategy: 'least_booked' | 'rotation' | 'fixed_order', time = '14:00') =>
    computeAvailability(makeInput({ staff, busy, services: [svc('mani')], settings: { anyStaffStrategy: strategy } })).find(
      (s) => s.startLocal === time,
    )!.lines[0]!.staffId;

  it('least booked: the fewest booked minutes that day (blocked time does not count)', () => expect(pick('least_booked')).toBe('cat'));
  it('rotation: the fewest turns that day, then the turn list', () => expect(pick('rotation')).toBe('bea'));
  it('fixed order: the first free in order', () => expect(pick('fixed_order')).toBe('amy'));
  it('falls through to the next free person', () => {
    // At 10:00 Amy and Bea are busy and Cat is free.
    expect(pick('fixed_order', '10:00')).toBe('cat');
    expect(pick('rotation', '16:00')).toBe('amy'); // Bea is blocked
  });
});

describe('multi-service visits', () => {
  const date = '2026-03-10';
  const mani = svc('mani', { durationMin: 30, bufferAfterMin: 5 });
  const pedi = svc('pedi', { durationMin: 45, bufferBeforeMin: 10 });

  it('back to back: the next line starts after the previous end plus buffers', () => {
    const slots = computeAvailability(
      makeInput({
        staff: [tech('amy'), tech('bea')],
        services: [
          { ...mani, staffId: 'amy' },
          { ...pedi, staffId: 'bea' },
        ],
      }),
    );
    const s = slots.find((x) => x.startLocal === '10:00')!;
    expect(s.lines).toEqual([
      { serviceId: 'mani', staffId: 'amy', resourceId: null, start: at(date, '10:00'), end: at(date, '10:30') },
      { serviceId: 'pedi', staffId: 'bea', resourceId: null, start: at(date, '10:45'), end: at(date, '11:30') },
    ]);
    expect(s.end).toBe(at(date, '11:30'));
    // The whole visit must fit the day: 19:00 − 90 min.
    expect(slots.at(-1)!.startLocal).toBe('17:30');
  });

  it('the same technician can do both, one after the other', () => {
    const slots = computeAvailability(
      makeInput({
        services: [
          { ...mani, staffId: 'amy' },
          { ...pedi, staffId: 'amy' },
        ],
      }),
    );
    expect(slots[0]!.lines.map((l) => l.staffId)).toEqual(['amy', 'amy']);
  });

  it('in parallel: two technicians at once, never one technician twice', () => {
    const parallel = [svc('mani', { durationMin: 30 }), svc('pedi', { durationMin: 45, parallelWithPrevious: true })];
    const two = computeAvailability(
      makeInput({
        staff: [tech('amy', { rotationOrder: 1 }), tech('bea', { rotationOrder: 2 })],
        services: parallel,
        settings: { anyStaffStrategy: 'fixed_order' },
      }),
    );
    const s = two.find((x) => x.startLocal === '10:00')!;
    expect(s.lines.map((l) => [l.staffId, l.start])).toEqual([
      ['amy', at(date, '10:00')],
      ['bea', at(date, '10:00')],
    ]);
    expect(s.end).toBe(at(date, '10:45'));
    expect(two.at(-1)!.startLocal).toBe('18:15');
    expect(computeAvailability(makeInput({ staff: [tech('amy')], services: parallel }))).toEqual([]);
    // Backtracks: the only pedicurist must not be used up by the manicure line.
    const staff = [tech('amy', { rotationOrder: 1 }), tech('bea', { rotationOrder: 2, serviceIds: ['mani'] })];
    const found = computeAvailability(makeInput({ staff, services: parallel, settings: { anyStaffStrategy: 'fixed_order' } }))[0]!;
    expect(found.lines.map((l) => l.staffId)).toEqual(['bea', 'amy']);
  });
});

describe('evaluateStart', () => {
  const date = '2026-03-10';
  const now = at(date, '09:20');
  const input = makeInput({
    now,
    staff: [tech('amy', { weeklyHours: everyDay(h('09:00', '17:00')) })],
    services: [svc('mani', { staffId: 'amy', durationMin: 30 })],
    busy: { staff: [{ staffId: 'amy', start: at(date, '12:00'), end: at(date, '12:30') }], resources: [] },
    settings: { noticeMin: 60, horizonDays: 30 },
  });

  it('says why a start cannot be booked', () => {
    expect(evaluateStart(input, at(date, '09:00'))).toEqual({ ok: false, reason: 'start_in_past' });
    expect(evaluateStart(input, at(date, '10:00'))).toEqual({ ok: false, reason: 'too_soon' });
    expect(evaluateStart(input, at('2026-04-10', '10:00'))).toEqual({ ok: false, reason: 'beyond_horizon' });
    expect(evaluateStart(input, at(date, '16:45'))).toEqual({ ok: false, reason: 'outside_working_hours' });
    expect(evaluateStart(input, at('2026-03-11', '07:00'))).toEqual({ ok: false, reason: 'outside_working_hours' });
    expect(evaluateStart(input, at(date, '11:45'))).toEqual({ ok: false, reason: 'slot_taken' });
  });

  it('accepts any minute inside hours, and front desk ignores the notice', () => {
    const ok = evaluateStart(input, at(date, '10:35'));
    expect(ok).toMatchObject({ ok: true, slot: { startLocal: '10:35', date, lines: [{ staffId: 'amy', start: at(date, '10:35') }] } });
    expect(evaluateStart({ ...input, settings: { ...input.settings, mode: 'front_desk' } }, at(date, '09:30')).ok).toBe(true);
  });
});

describe('input checks', () => {
  it('refuses malformed input as a programming error', () => {
    expect(() => computeAvailability(makeInput({ timeZone: 'Mars/Base' }))).toThrow(RangeError);
    expect(() => computeAvailability(makeInput({ settings: { slotStepMin: 0 } }))).toThrow(RangeError);
    expect(() => computeAvailability(makeInput({ services: [] }))).toThrow(RangeError);
    expect(() => computeAvailability(makeInput({ services: [svc('mani', { durationMin: 0 })] }))).toThrow(RangeError);
    expect(() => computeAvailability(makeInput({ dateRange: { from: '2026-01-01', to: '2028-01-01' } }))).toThrow(RangeError);
    expect(computeAvailability(makeInput({ dateRange: { from: '2026-03-10', to: '2026-03-09' } }))).toEqual([]);
  });
});
