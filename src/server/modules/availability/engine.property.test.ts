// Invariants of the engine on random stores, rosters, bookings and visits, including DST change days in
// several zones. The oracle expands hours with zoned-time's own expandHours (not the engine's calendar).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  eachDate,
  expandHours,
  type HoursRange,
  localDate,
  startOfLocalDay,
  toZonedIso,
  weekdayKey,
} from '../../platform/zoned-time.js';
import { exceptionsByDate, fromMinutes, staffDayHours, storeDayHours } from './day-hours.js';
import { computeAvailability, evaluateStart } from './engine.js';
import { contains, intersect, normalize, overlaps } from './intervals.js';
import { occupancy, staffPieces } from './occupancy.js';
import { everyDay } from './test-fixtures.js';
import type { AvailabilityInput, ExceptionKind, Slot, StaffBusy, StaffInput } from './types.js';

const MIN = 60_000;
const ZONES = ['America/New_York', 'America/Vancouver', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Shanghai'];
const DATES = [
  '2026-03-07',
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-06-15',
  '2026-10-04',
  '2026-10-25',
  '2026-10-31',
  '2026-11-01',
];
const SERVICES = ['a', 'b', 'c'];
const RUNS = Number(process.env.FC_RUNS ?? 150);

const minute5 = (max: number) => fc.integer({ min: 0, max: max / 5 }).map((n) => n * 5);
const toRange = ([s, len]: [number, number]): HoursRange => ({
  open: fromMinutes(s),
  close: fromMinutes(Math.min(1440, s + Math.max(15, len))),
});
// Mostly a working day (so slots exist), sometimes anything, including hours across a DST change at night.
const range = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 72, max: 132 }).map((n) => n * 5),
        fc.integer({ min: 48, max: 144 }).map((n) => n * 5),
      )
      .map(toRange),
  },
  { weight: 1, arbitrary: fc.tuple(minute5(1380), minute5(600)).map(toRange) },
);
const ranges = fc.array(range, { minLength: 1, maxLength: 2 });
const kind = fc.constantFrom<ExceptionKind>('time_off', 'break', 'extra_shift', 'custom_hours');

const scenario = fc
  .record({
    tz: fc.constantFrom(...ZONES),
    date: fc.constantFrom(...DATES),
    store: ranges,
    closed: fc.integer({ min: 0, max: 9 }),
    staff: fc.array(
      fc.record({
        weekly: ranges,
        exceptions: fc.array(fc.record({ dayOffset: fc.integer({ min: 0, max: 1 }), kind, hours: fc.array(range, { maxLength: 2 }) }), {
          maxLength: 2,
        }),
        serviceIds: fc.subarray(SERVICES, { minLength: 1 }),
        ownA: fc.option(fc.integer({ min: 1, max: 24 }).map((n) => n * 5)),
        rotationOrder: fc.integer({ min: 0, max: 5 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    lines: fc.array(
      fc.record({
        serviceId: fc.constantFrom(...SERVICES),
        staffPick: fc.integer({ min: -4, max: 3 }),
        durationMin: fc.integer({ min: 1, max: 24 }).map((n) => n * 5),
        bufferBeforeMin: fc.constantFrom(0, 0, 5, 10),
        bufferAfterMin: fc.constantFrom(0, 0, 5, 15),
        processing: fc.option(fc.record({ startMin: minute5(60), lengthMin: minute5(60) })),
        resourceType: fc.constantFrom(null, null, 'room', 'chair'),
        parallelWithPrevious: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    resources: fc.array(fc.constantFrom('room', 'chair'), { maxLength: 4 }),
    staffBusy: fc.array(
      fc.record({
        who: fc.nat(),
        at: minute5(2 * 1440),
        len: minute5(240),
        gap: fc.option(fc.tuple(minute5(60), minute5(60))),
        blocked: fc.boolean(),
      }),
      { maxLength: 10 },
    ),
    resourceBusy: fc.array(fc.record({ which: fc.nat(), at: minute5(2 * 1440), len: minute5(240) }), { maxLength: 4 }),
    step: fc.constantFrom(5, 10, 15, 20, 30),
    allow: fc.boolean(),
    strategy: fc.constantFrom('least_booked' as const, 'rotation' as const, 'fixed_order' as const),
  })
  .map((g): AvailabilityInput => {
    const dayStart = startOfLocalDay(g.date, g.tz);
    const staff: StaffInput[] = g.staff.map((s, i) => ({
      id: `s${i}`,
      weeklyHours: everyDay(...s.weekly),
      exceptions: s.exceptions
        .filter((e) => e.kind === 'time_off' || e.hours.length > 0)
        .map((e) => ({ date: addDays(g.date, e.dayOffset), kind: e.kind, hours: e.hours })),
      serviceIds: s.serviceIds,
      ...(s.ownA ? { durationsMin: { a: s.ownA } } : {}),
      rotationOrder: s.rotationOrder,
    }));
    const resources = g.resources.map((type, i) => ({ id: `r${i}`, type }));
    return {
      timeZone: g.tz,
      dateRange: { from: g.date, to: addDays(g.date, 1) },
      now: Date.UTC(2026, 0, 1),
      storeHours: { weekly: everyDay(...g.store), specialDates: g.closed === 0 ? [{ date: g.date, closed: true }] : [] },
      staff,
      services: g.lines.map((l) => ({
        serviceId: l.serviceId,
        staffId: l.staffPick < 0 || l.staffPick >= staff.length ? 'any' : staff[l.staffPick]!.id,
        durationMin: l.durationMin,
        bufferBeforeMin: l.bufferBeforeMin,
        bufferAfterMin: l.bufferAfterMin,
        processing: l.processing,
        resourceType: l.resourceType,
        parallelWithPrevious: l.parallelWithPrevious,
      })),
      busy: {
        staff: g.staffBusy.map((b): StaffBusy => {
          const start = dayStart + b.at * MIN;
          const end = start + Math.max(5, b.len) * MIN;
          const gap = b.gap ? { start: start + b.gap[0] * MIN, end: Math.min(end, start + (b.gap[0] + b.gap[1]) * MIN) } : null;
          return {
            staffId: staff[b.who % staff.length]!.id,
            start,
            end,
            processing: gap && gap.end > gap.start ? gap : null,
            kind: b.blocked ? 'blocked' : 'appointment',
          };
        }),
        resources: resources.length
          ? g.resourceBusy.map((b) => ({
              resourceId: resources[b.which % resources.length]!.id,
              start: dayStart + b.at * MIN,
              end: dayStart + (b.at + Math.max(5, b.len)) * MIN,
            }))
          : [],
      },
      resources,
      settings: {
        slotStepMin: g.step,
        noticeMin: 0,
        horizonDays: 400,
        allowProcessingOverlap: g.allow,
        anyStaffStrategy: g.strategy,
        mode: 'front_desk',
      },
    };
  });

const piecesOf = (input: AvailabilityInput, slot: Slot, i: number) => {
  const req = input.services[i]!;
  const line = slot.lines[i]!;
  const occ = occupancy({
    start: line.start,
    end: line.end,
    bufferBeforeMin: req.bufferBeforeMin,
    bufferAfterMin: req.bufferAfterMin,
    processing: req.processing ?? null,
  });
  return { occ, pieces: staffPieces(occ, input.settings.allowProcessingOverlap) };
};

describe('availability engine properties', () => {
  it('the scenarios are not vacuous: many offer slots, multi-line and resource visits among them', () => {
    const sample = fc.sample(scenario, { numRuns: 300, seed: 42 });
    const withSlots = sample.map((input) => ({ input, slots: computeAvailability(input) })).filter((x) => x.slots.length > 0);
    expect(withSlots.length).toBeGreaterThan(60);
    expect(withSlots.filter((x) => x.input.services.length > 1).length).toBeGreaterThan(20);
    expect(withSlots.filter((x) => x.slots.some((s) => s.lines.some((l) => l.resourceId))).length).toBeGreaterThan(20);
  });

  it('no offered slot overlaps a booking of its staff or resource, or another line of the same visit', () =>
    fc.assert(
      fc.property(scenario, (input) => {
        const allow = input.settings.allowProcessingOverlap;
        for (const slot of computeAvailability(input)) {
          const taken: Array<{
            staffId: string;
            pieces: ReturnType<typeof staffPieces>;
            resourceId: string | null;
            span: { start: number; end: number };
          }> = [];
          slot.lines.forEach((line, i) => {
            const req = input.services[i]!;
            const staff = input.staff.find((s) => s.id === line.staffId)!;
            expect(staff.serviceIds).toContain(req.serviceId);
            if (req.staffId !== 'any') expect(line.staffId).toBe(req.staffId);
            expect(line.end - line.start).toBe((staff.durationsMin?.[req.serviceId] ?? req.durationMin) * MIN);
            const { occ, pieces } = piecesOf(input, slot, i);
            for (const b of input.busy.staff.filter((x) => x.staffId === line.staffId)) {
              const busyPieces = staffPieces({ span: { start: b.start, end: b.end }, gap: b.processing ?? null }, allow);
              for (const p of pieces) for (const q of busyPieces) expect(overlaps(p, q)).toBe(false);
            }
            if (req.resourceType) {
              expect(input.resources.find((r) => r.id === line.resourceId)?.type).toBe(req.resourceType);
              for (const b of input.busy.resources.filter((x) => x.resourceId === line.resourceId))
                expect(overlaps(occ.span, b)).toBe(false);
            } else {
              expect(line.resourceId).toBeNull();
            }
            for (const t of taken) {
              if (t.staffId === line.staffId) for (const p of pieces) for (const q of t.pieces) expect(overlaps(p, q)).toBe(false);
              if (line.resourceId && t.resourceId === line.resourceId) expect(overlaps(t.span, occ.span)).toBe(false);
            }
            taken.push({ staffId: line.staffId, pieces, resourceId: line.resourceId, span: occ.span });
          });
        }
      }),
      { numRuns: RUNS },
    ));

  it('every slot lies inside the working hours of its staff and the store, with the right local labels', () =>
    fc.assert(
      fc.property(scenario, (input) => {
        const tz = input.timeZone;
        const dates = eachDate(addDays(input.dateRange.from, -1), addDays(input.dateRange.to, 1));
        const storeOpen = normalize(dates.flatMap((d) => expandHours(d, storeDayHours(input.storeHours, d, weekdayKey(d)), tz)));
        const working = new Map(
          input.staff.map((s) => {
            const ex = exceptionsByDate(s);
            const own = normalize(dates.flatMap((d) => expandHours(d, staffDayHours(s.weeklyHours, ex.get(d) ?? [], weekdayKey(d)), tz)));
            return [s.id, intersect(own, storeOpen)];
          }),
        );
        for (const slot of computeAvailability(input)) {
          expect(slot.date).toBe(localDate(slot.start, tz));
          expect(slot.startLocal).toBe(toZonedIso(slot.start, tz).slice(11, 16));
          expect(slot.lines[0]!.start).toBe(slot.start);
          expect(slot.end).toBe(Math.max(...slot.lines.map((l) => l.end)));
          slot.lines.forEach((line, i) => {
            const storeDay = expandHours(slot.date, storeDayHours(input.storeHours, slot.date, weekdayKey(slot.date)), tz);
            expect(contains(storeDay, line)).toBe(true);
            for (const p of piecesOf(input, slot, i).pieces) expect(contains(working.get(line.staffId)!, p)).toBe(true);
          });
        }
      }),
      { numRuns: RUNS },
    ));

  it('adding a booking never adds slots', () =>
    fc.assert(
      fc.property(scenario, fc.nat(), minute5(2 * 1440), minute5(180), fc.boolean(), (input, who, at, len, onResource) => {
        const before = new Set(computeAvailability(input).map((s) => s.start));
        const start = startOfLocalDay(input.dateRange.from, input.timeZone) + at * MIN;
        const end = start + Math.max(5, len) * MIN;
        const busy =
          onResource && input.resources.length
            ? {
                ...input.busy,
                resources: [...input.busy.resources, { resourceId: input.resources[who % input.resources.length]!.id, start, end }],
              }
            : { ...input.busy, staff: [...input.busy.staff, { staffId: input.staff[who % input.staff.length]!.id, start, end }] };
        for (const s of computeAvailability({ ...input, busy })) expect(before.has(s.start)).toBe(true);
      }),
      { numRuns: RUNS },
    ));

  it('evaluateStart accepts exactly the offered starts of the grid', () =>
    fc.assert(
      fc.property(scenario, (input) => {
        const slots = computeAvailability(input);
        const offered = new Map(slots.map((s) => [s.start, s]));
        const step = input.settings.slotStepMin * MIN;
        for (const d of eachDate(input.dateRange.from, input.dateRange.to)) {
          for (const w of expandHours(d, storeDayHours(input.storeHours, d, weekdayKey(d)), input.timeZone)) {
            for (let t = w.start; t < w.end; t += step) {
              const check = evaluateStart(input, t);
              expect(check.ok).toBe(offered.has(t));
              if (check.ok) expect(check.slot).toEqual(offered.get(t));
            }
          }
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    ));
});
