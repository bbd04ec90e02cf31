import { describe, expect, it } from 'vitest';
import { toZonedIso } from '../../platform/zoned-time.js';
import { computeAvailability } from './engine.js';
import { at, everyDay, h, makeInput, NY, svc, tech, VAN } from './test-fixtures.js';
import type { Slot, StaffException } from './types.js';

const MIN = 60_000;
const locals = (slots: Slot[]) => slots.map((s) => s.startLocal);

describe('DST: a shop open 09:00–19:00 offers 09:00 first and 18:00 last for a 60-minute service', () => {
  const cases = [
    { tz: NY, date: '2026-03-08', first: '2026-03-08T09:00:00-04:00', last: '2026-03-08T18:00:00-04:00', dayBefore: '-05:00' },
    { tz: NY, date: '2026-11-01', first: '2026-11-01T09:00:00-05:00', last: '2026-11-01T18:00:00-05:00', dayBefore: '-04:00' },
    { tz: VAN, date: '2026-03-08', first: '2026-03-08T09:00:00-07:00', last: '2026-03-08T18:00:00-07:00', dayBefore: '-08:00' },
    { tz: VAN, date: '2026-11-01', first: '2026-11-01T09:00:00-08:00', last: '2026-11-01T18:00:00-08:00', dayBefore: '-07:00' },
  ];
  for (const c of cases) {
    it(`${c.tz} on ${c.date} (step 15)`, () => {
      const dayBefore = c.date === '2026-03-08' ? '2026-03-07' : '2026-10-31';
      const slots = computeAvailability(makeInput({ timeZone: c.tz, dateRange: { from: dayBefore, to: c.date } }));
      const today = slots.filter((s) => s.date === c.date);
      expect(today).toHaveLength(37); // 09:00, 09:15 … 18:00
      expect(today[0]!.startLocal).toBe('09:00');
      expect(today.at(-1)!.startLocal).toBe('18:00');
      expect(toZonedIso(today[0]!.start, c.tz)).toBe(c.first);
      expect(toZonedIso(today.at(-1)!.start, c.tz)).toBe(c.last);
      expect(today.at(-1)!.end - today.at(-1)!.start).toBe(60 * MIN);
      for (let i = 1; i < today.length; i++) expect(today[i]!.start - today[i - 1]!.start).toBe(15 * MIN);
      // The day before is on the other side of the change, and also opens at 09:00 local.
      const before = slots.filter((s) => s.date === dayBefore);
      expect(before[0]!.startLocal).toBe('09:00');
      expect(toZonedIso(before[0]!.start, c.tz)).toBe(`${dayBefore}T09:00:00${c.dayBefore}`);
    });
  }

  it('the last start follows the step: 17:45 with a 25-minute grid', () => {
    const slots = computeAvailability(makeInput({ date: '2026-03-08', settings: { slotStepMin: 25 } }));
    expect(slots[0]!.startLocal).toBe('09:00');
    expect(slots.at(-1)!.startLocal).toBe('17:45');
  });

  it('labels starts correctly when the store is open across the change itself', () => {
    const open = (date: string, ranges: ReturnType<typeof h>[]) =>
      makeInput({
        date,
        storeHours: { weekly: everyDay(), specialDates: [{ date, closed: false, hours: ranges }] },
        staff: [tech('amy', { weeklyHours: everyDay(h('00:00', '23:00')) })],
        services: [svc('mani', { durationMin: 30 })],
      });
    // Spring forward: 02:00–03:00 does not exist; 01:45 + 30 min ends at 03:15.
    const spring = computeAvailability(open('2026-03-08', [h('01:00', '04:00')]));
    expect(locals(spring)).toEqual(['01:00', '01:15', '01:30', '01:45', '03:00', '03:15', '03:30']);
    expect(spring[4]!.start - spring[3]!.start).toBe(15 * MIN);
    // Fall back: 01:00–02:00 happens twice, so a 00:00–03:00 day holds four real hours.
    const fall = computeAvailability(open('2026-11-01', [h('00:00', '03:00')]));
    expect(fall).toHaveLength(15); // every 15 min over 4 real hours, the last 30 min before closing
    expect(locals(fall)).toEqual([
      '00:00',
      '00:15',
      '00:30',
      '00:45',
      '01:00',
      '01:15',
      '01:30',
      '01:45',
      '01:00',
      '01:15',
      '01:30',
      '01:45',
      '02:00',
      '02:15',
      '02:30',
    ]);
    expect(toZonedIso(fall[4]!.start, NY)).toBe('2026-11-01T01:00:00-04:00');
    expect(toZonedIso(fall[8]!.start, NY)).toBe('2026-11-01T01:00:00-05:00');
  });

  it('a shift starting at a wall time that does not exist starts when the clock resumes (02:30 → 03:30)', () => {
    const input = makeInput({
      date: '2026-03-08',
      storeHours: { weekly: everyDay(h('00:00', '23:00')), specialDates: [] },
      staff: [tech('amy', { exceptions: [{ date: '2026-03-08', kind: 'custom_hours', hours: [h('02:30', '06:00')] }] })],
    });
    const slots = computeAvailability(input);
    expect(slots[0]!.startLocal).toBe('03:30');
    expect(toZonedIso(slots[0]!.start, NY)).toBe('2026-03-08T03:30:00-04:00');
    expect(slots.at(-1)!.startLocal).toBe('05:00');
  });
});

describe('notice and horizon', () => {
  const now = at('2026-03-02', '10:07');
  const base = { now, dateRange: { from: '2026-03-01', to: '2026-03-08' } };

  it('online: nothing before now + notice, nothing past today + horizon, nothing on past dates', () => {
    const slots = computeAvailability(makeInput({ ...base, settings: { noticeMin: 60, horizonDays: 2 } }));
    expect(slots[0]).toMatchObject({ date: '2026-03-02', startLocal: '11:15' });
    expect([...new Set(slots.map((s) => s.date))]).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
  });

  it('front desk ignores notice and horizon, but never offers the past', () => {
    const slots = computeAvailability(makeInput({ ...base, settings: { noticeMin: 60, horizonDays: 2, mode: 'front_desk' } }));
    expect(slots[0]).toMatchObject({ date: '2026-03-02', startLocal: '10:15' });
    expect(slots.at(-1)).toMatchObject({ date: '2026-03-08', startLocal: '18:00' });
  });

  it('horizon 0 means today only', () => {
    const slots = computeAvailability(makeInput({ ...base, settings: { horizonDays: 0 } }));
    expect(new Set(slots.map((s) => s.date))).toEqual(new Set(['2026-03-02']));
  });
});

describe('hours, rosters and exceptions', () => {
  const date = '2026-03-10'; // a Tuesday

  it('keeps to the intersection of store and staff hours, with split shifts', () => {
    const slots = computeAvailability(
      makeInput({
        staff: [tech('amy', { weeklyHours: { tue: [h('08:00', '12:00'), h('13:00', '21:00')] } })],
        services: [svc('mani', { durationMin: 60 })],
      }),
    );
    const l = locals(slots);
    expect(l[0]).toBe('09:00');
    expect(l).toContain('11:00');
    expect(l).not.toContain('11:15');
    expect(l).not.toContain('12:45');
    expect(l).toContain('13:00');
    expect(l.at(-1)).toBe('18:00');
  });

  it('applies special dates of the store: closed, or other hours', () => {
    const closed = makeInput({ storeHours: { weekly: everyDay(h('09:00', '19:00')), specialDates: [{ date, closed: true }] } });
    expect(computeAvailability(closed)).toEqual([]);
    const short = makeInput({
      storeHours: { weekly: everyDay(h('09:00', '19:00')), specialDates: [{ date, closed: false, hours: [h('10:00', '14:00')] }] },
    });
    expect(locals(computeAvailability(short))).toEqual([
      '10:00',
      '10:15',
      '10:30',
      '10:45',
      '11:00',
      '11:15',
      '11:30',
      '11:45',
      '12:00',
      '12:15',
      '12:30',
      '12:45',
      '13:00',
    ]);
  });

  it('applies time off (whole or partial), breaks, extra shifts and custom hours', () => {
    const run = (exceptions: StaffException[]) =>
      locals(
        computeAvailability(
          makeInput({
            staff: [tech('amy', { weeklyHours: { tue: [h('10:00', '14:00')] }, exceptions })],
            services: [svc('mani', { durationMin: 60 })],
          }),
        ),
      );
    expect(run([{ date, kind: 'time_off', hours: [] }])).toEqual([]);
    expect(run([{ date: '2026-03-11', kind: 'time_off', hours: [] }])).toHaveLength(13);
    expect(run([{ date, kind: 'time_off', hours: [h('11:00', '14:00')] }])).toEqual(['10:00']);
    expect(run([{ date, kind: 'break', hours: [h('12:00', '12:30')] }])).toEqual([
      '10:00',
      '10:15',
      '10:30',
      '10:45',
      '11:00',
      '12:30',
      '12:45',
      '13:00',
    ]);
    expect(run([{ date, kind: 'extra_shift', hours: [h('16:00', '17:00')] }])).toContain('16:00');
    expect(run([{ date, kind: 'custom_hours', hours: [h('15:00', '16:30')] }])).toEqual(['15:00', '15:15', '15:30']);
    // Time off wins over an extra shift on the same date.
    expect(
      run([
        { date, kind: 'extra_shift', hours: [h('16:00', '17:00')] },
        { date, kind: 'time_off', hours: [] },
      ]),
    ).toEqual([]);
  });
});

describe('bookings and buffers', () => {
  it('keeps buffers clear of other bookings and inside working hours', () => {
    const input = makeInput({
      staff: [tech('amy', { weeklyHours: everyDay(h('09:00', '12:00')) })],
      services: [svc('mani', { staffId: 'amy', durationMin: 30, bufferBeforeMin: 10, bufferAfterMin: 15 })],
      busy: { staff: [{ staffId: 'amy', start: at('2026-03-10', '10:00'), end: at('2026-03-10', '10:30') }], resources: [] },
    });
    const slots = computeAvailability(input);
    expect(locals(slots)).toEqual(['09:15', '10:45', '11:00', '11:15']);
    expect(slots[0]!.lines[0]).toMatchObject({ start: at('2026-03-10', '09:15'), end: at('2026-03-10', '09:45') });
  });
});

describe('processing gaps', () => {
  const date = '2026-03-10';
  // Amy is colouring someone 10:00–11:30; the colour processes 10:30–11:15.
  const colour = {
    staffId: 'amy',
    start: at(date, '10:00'),
    end: at(date, '11:30'),
    processing: { start: at(date, '10:30'), end: at(date, '11:15') },
  };
  const mani = svc('mani', { staffId: 'amy', durationMin: 30 });

  it('lets a second client in during the gap when the store allows it', () => {
    const l = locals(
      computeAvailability(
        makeInput({ services: [mani], busy: { staff: [colour], resources: [] }, settings: { allowProcessingOverlap: true } }),
      ),
    );
    expect(l).toContain('09:30');
    expect(l).not.toContain('09:45');
    expect(l).toContain('10:30');
    expect(l).toContain('10:45');
    expect(l).not.toContain('11:00');
    expect(l).toContain('11:30');
  });

  it('does not when the store does not', () => {
    const l = locals(
      computeAvailability(
        makeInput({ services: [mani], busy: { staff: [colour], resources: [] }, settings: { allowProcessingOverlap: false } }),
      ),
    );
    expect(l).toContain('09:30');
    expect(l.filter((x) => x >= '09:45' && x < '11:30')).toEqual([]);
  });

  it('offers a new colour whose own gap holds an existing short appointment', () => {
    // Amy has a manicure 11:00–11:30; a 90-minute colour at 10:30 processes 11:00–11:45.
    const busy = { staff: [{ staffId: 'amy', start: at(date, '11:00'), end: at(date, '11:30') }], resources: [] };
    const newColour = svc('color', { staffId: 'amy', durationMin: 90, processing: { startMin: 30, lengthMin: 45 } });
    expect(locals(computeAvailability(makeInput({ services: [newColour], busy, settings: { allowProcessingOverlap: true } })))).toContain(
      '10:30',
    );
    expect(
      locals(computeAvailability(makeInput({ services: [newColour], busy, settings: { allowProcessingOverlap: false } }))),
    ).not.toContain('10:30');
  });
});
