import { describe, expect, it } from 'vitest';
import type { RosterStaff } from '../rosters/types.js';
import { appointmentEvents, offEvents, offIntervals, visibleRange } from './events.js';
import { movedLines, resizedLine } from './reschedule.js';
import type { Appointment, AppointmentLine } from './types.js';

const line = (over: Partial<AppointmentLine>): AppointmentLine => ({
  id: 'l1',
  position: 0,
  serviceId: 's1',
  serviceName: 'Gel Manicure',
  staffId: 'a',
  staffName: 'Amy',
  staffRequested: true,
  resourceId: null,
  parallelWithPrevious: false,
  start: '2026-03-08T10:00:00-04:00',
  end: '2026-03-08T10:45:00-04:00',
  busyStart: '2026-03-08T10:00:00-04:00',
  busyEnd: '2026-03-08T10:45:00-04:00',
  processing: null,
  durationMin: 45,
  customDuration: false,
  price: 3500,
  addOns: [],
  ...over,
});

const appt = (over: Partial<Appointment>): Appointment => ({
  id: 'x',
  storeId: 'st',
  status: 'booked',
  source: 'front_desk',
  notes: null,
  timeZone: 'America/New_York',
  date: '2026-03-08',
  startLocal: '10:00',
  start: '2026-03-08T10:00:00-04:00',
  end: '2026-03-08T11:45:00-04:00',
  client: { id: 'c', firstName: '小明', lastName: '王', preferredName: null, phone: null, email: null, allergyFlag: false },
  lines: [line({}), line({ id: 'l2', position: 1, serviceId: 's2', start: '2026-03-08T10:45:00-04:00', end: '2026-03-08T11:45:00-04:00' })],
  total: 8000,
  currency: 'USD',
  fee: null,
  cancelReason: null,
  rescheduleCount: 0,
  allowedActions: ['confirm', 'check_in', 'cancel', 'no_show'],
  created: { at: '2026-03-01T10:00:00-05:00', by: null },
  confirmed: null,
  checkedIn: null,
  started: null,
  completed: null,
  cancelled: null,
  noShow: null,
  version: 3,
  updatedAt: '2026-03-01T10:00:00-05:00',
  ...over,
});

const options = {
  colorBy: 'status' as const,
  colorOfService: () => null,
  showCancelled: false,
  canMove: () => true,
  clientName: () => '王小明',
};

describe('calendar events', () => {
  it('puts each service of a visit in its staff member’s column at store-local wall time', () => {
    const events = appointmentEvents([appt({})], { ...options, view: { kind: 'day', mode: 'staff' } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ resourceIds: ['a'], start: '2026-03-08T10:00:00', end: '2026-03-08T10:45:00', startEditable: true });
    expect(events[1]?.start).toBe('2026-03-08T10:45:00');
  });

  it('uses rooms in the rooms view and one person in the week view', () => {
    const a = appt({ lines: [line({ resourceId: 'room1' }), line({ id: 'l2', staffId: 'b' })] });
    expect(appointmentEvents([a], { ...options, view: { kind: 'day', mode: 'rooms' } }).map((e) => e.resourceIds)).toEqual([['room1']]);
    const week = appointmentEvents([a], { ...options, view: { kind: 'week', staffId: 'b' } });
    expect(week).toHaveLength(1);
    expect(week[0]?.resourceIds).toBeUndefined();
  });

  it('hides released visits unless asked, and never lets a finished one move', () => {
    expect(appointmentEvents([appt({ status: 'cancelled' })], { ...options, view: { kind: 'day', mode: 'staff' } })).toEqual([]);
    const done = appointmentEvents([appt({ status: 'completed' })], { ...options, view: { kind: 'day', mode: 'staff' } });
    expect(done[0]?.startEditable).toBe(false);
  });

  it('shades the hours outside a shift, split shifts included', () => {
    expect(
      offIntervals(
        [
          { open: '09:00', close: '13:00' },
          { open: '14:00', close: '19:00' },
        ],
        '08:00',
        '20:00',
      ),
    ).toEqual([
      ['08:00', '09:00'],
      ['13:00', '14:00'],
      ['19:00', '20:00'],
    ]);
    expect(offIntervals([], '08:00', '20:00')).toEqual([['08:00', '20:00']]);
    const staff = [
      { staffId: 'a', days: [{ date: '2026-03-08', hours: [{ open: '10:00', close: '18:00' }], blocked: [], exceptions: [] }] },
    ] as unknown as RosterStaff[];
    const off = offEvents(staff, ['2026-03-08'], { kind: 'day', mode: 'staff' }, { min: '09:00', max: '19:00' });
    expect(off.map((e) => [e.start, e.end, e.display])).toEqual([
      ['2026-03-08T09:00:00', '2026-03-08T10:00:00', 'background'],
      ['2026-03-08T18:00:00', '2026-03-08T19:00:00', 'background'],
    ]);
  });

  it('shows the opening hours with an hour either side, stretched for visits outside them', () => {
    expect(visibleRange([{ open: '09:00', close: '19:00' }], [])).toEqual({ min: '08:00', max: '20:00' });
    expect(visibleRange([{ open: '09:00', close: '19:00' }], [appt({ start: '2026-03-08T07:30:00-04:00' })]).min).toBe('06:00');
  });
});

describe('moving a visit', () => {
  it('moves the whole visit, and hands all of it to the new technician when one person did it all', () => {
    const lines = movedLines(appt({}), { lineId: 'l1', to: { date: '2026-03-08', time: '13:00' }, staffId: 'b' });
    expect(lines).toEqual([
      { serviceId: 's1', staffId: 'b', date: '2026-03-08', startLocal: '13:00' },
      { serviceId: 's2', staffId: 'b', date: '2026-03-08', startLocal: '13:45' },
    ]);
  });

  it('hands only the dragged service over when two technicians share the visit', () => {
    const a = appt({ lines: [line({}), line({ id: 'l2', serviceId: 's2', staffId: 'c', start: '2026-03-08T10:00:00-04:00' })] });
    const lines = movedLines(a, { lineId: 'l2', to: { date: '2026-03-08', time: '10:30' }, staffId: 'b' });
    expect(lines).toEqual([
      { serviceId: 's1', staffId: 'a', date: '2026-03-08', startLocal: '10:30' },
      { serviceId: 's2', staffId: 'b', date: '2026-03-08', startLocal: '10:30' },
    ]);
  });
});

describe('add-ons, resized lines and the allergy flag', () => {
  const extras = appt({
    client: { id: 'c', firstName: '小明', lastName: '王', preferredName: null, phone: null, email: null, allergyFlag: true },
    lines: [
      line({ addOns: [{ id: 'ao1', name: 'Paraffin', extraMin: 15, price: 1000 }], durationMin: 60, end: '2026-03-08T11:00:00-04:00' }),
      line({
        id: 'l2',
        serviceId: 's2',
        start: '2026-03-08T11:00:00-04:00',
        end: '2026-03-08T12:30:00-04:00',
        durationMin: 90,
        customDuration: true,
      }),
    ],
  });

  it('a move keeps each line’s add-ons and a length set by hand', () => {
    expect(movedLines(extras, { lineId: 'l1', to: { date: '2026-03-08', time: '14:00' } })).toEqual([
      { serviceId: 's1', staffId: 'a', date: '2026-03-08', startLocal: '14:00', addOnIds: ['ao1'] },
      { serviceId: 's2', staffId: 'a', date: '2026-03-08', startLocal: '15:00', durationMin: 90 },
    ]);
  });

  it('a resize asks for the new length of that line only, never below the floor', () => {
    expect(resizedLine(extras, 'l1', { date: '2026-03-08', time: '11:20' })).toEqual({ id: 'l1', durationMin: 80 });
    expect(resizedLine(extras, 'l1', { date: '2026-03-08', time: '11:00' })).toBeNull();
    expect(resizedLine(extras, 'l2', { date: '2026-03-08', time: '11:00' })).toEqual({ id: 'l2', durationMin: 5 });
    expect(resizedLine(extras, 'nope', { date: '2026-03-08', time: '11:00' })).toBeNull();
  });

  it('events carry the allergy flag and add-on names, and are resizable only when they may move', () => {
    const [first] = appointmentEvents([extras], { ...options, view: { kind: 'day', mode: 'staff' } });
    expect(first).toMatchObject({ durationEditable: true, extendedProps: { allergy: true, addOns: ['Paraffin'] } });
    const done = appointmentEvents([{ ...extras, status: 'completed' }], { ...options, view: { kind: 'day', mode: 'staff' } });
    expect(done[0]).toMatchObject({ durationEditable: false, startEditable: false });
  });
});
