// Appointments, rosters and blocked time → the calendar widget's events. Pure, so it is unit tested
// without the widget (which only runs in a real browser).
import type { Calendar } from '@event-calendar/core';
import type { BlockedTime, RosterStaff } from '../rosters/types.js';
import { type ColorBy, STATUS_SWATCH, swatchOf } from './colors.js';
import { floating, fromMinutes, toMinutes, wallMinutesBetween } from './time.js';
import { type Appointment, type AppointmentLine, MOVABLE, RELEASED } from './types.js';

export type CalendarMode = 'staff' | 'rooms';
/** Day view: one column per staff member (or room). Week view: one staff member's week. */
export type ViewKind = { kind: 'day'; mode: CalendarMode } | { kind: 'week'; staffId: string };

export interface LineEventProps {
  kind: 'line';
  appointmentId: string;
  lineId: string;
  status: Appointment['status'];
  clientName: string;
  serviceName: string;
  staffName: string;
  notes: boolean;
  online: boolean;
  /** The client has an allergies reminder: a small icon on the event. */
  allergy: boolean;
  /** Add-ons on this service, by name. */
  addOns: string[];
  startLocal: string;
  endLocal: string;
}

export interface BlockedEventProps {
  kind: 'blocked';
  blockedId: string;
  reason: string;
  note: string | null;
  startLocal: string;
  endLocal: string;
}

export type EventProps = LineEventProps | BlockedEventProps;

export interface BuildOptions {
  view: ViewKind;
  colorBy: ColorBy;
  /** The colour of a service's category (or of the service itself). */
  colorOfService: (serviceId: string) => string | null;
  showCancelled: boolean;
  /** May this appointment be dragged (status and permission)? */
  canMove: (a: Appointment) => boolean;
  clientName: (a: Appointment) => string;
}

function columnOf(line: AppointmentLine, view: ViewKind): string | null {
  if (view.kind === 'week') return null;
  return view.mode === 'staff' ? line.staffId : line.resourceId;
}

/** A processing gap shows as a paler band inside its service. */
function processingStyle(line: AppointmentLine, bg: string): string[] {
  if (!line.processing) return [];
  const total = wallMinutesBetween(floating(line.start), floating(line.end));
  if (total <= 0) return [];
  const a = (wallMinutesBetween(floating(line.start), floating(line.processing.start)) / total) * 100;
  const b = (wallMinutesBetween(floating(line.start), floating(line.processing.end)) / total) * 100;
  const band = 'rgba(255,255,255,0.65)';
  return [
    `background-image: linear-gradient(to bottom, ${bg} ${a}%, ${band} ${a}%, ${band} ${b}%, ${bg} ${b}%)`,
    `background-blend-mode: normal`,
  ];
}

export function appointmentEvents(appointments: readonly Appointment[], o: BuildOptions): Calendar.EventInput[] {
  const out: Calendar.EventInput[] = [];
  for (const a of appointments) {
    if (!o.showCancelled && RELEASED.has(a.status)) continue;
    const movable = MOVABLE.has(a.status) && o.canMove(a);
    for (const line of a.lines) {
      if (o.view.kind === 'week' && line.staffId !== o.view.staffId) continue;
      // The rooms view shows the services that take a room.
      if (o.view.kind === 'day' && o.view.mode === 'rooms' && !line.resourceId) continue;
      const swatch = o.colorBy === 'status' ? STATUS_SWATCH[a.status] : swatchOf(o.colorOfService(line.serviceId));
      const column = columnOf(line, o.view);
      const props: LineEventProps = {
        kind: 'line',
        appointmentId: a.id,
        lineId: line.id,
        status: a.status,
        clientName: o.clientName(a),
        serviceName: line.serviceName,
        staffName: line.staffName,
        notes: !!a.notes,
        online: a.source === 'online',
        allergy: !!a.client?.allergyFlag,
        addOns: line.addOns.map((x) => x.name),
        startLocal: line.start.slice(11, 16),
        endLocal: line.end.slice(11, 16),
      };
      out.push({
        id: `${a.id}:${line.id}`,
        ...(column ? { resourceIds: [column] } : {}),
        start: floating(line.start),
        end: floating(line.end),
        title: '',
        startEditable: movable,
        // Resizing sets the service's length (PATCH, with the same conflict check as a booking).
        durationEditable: movable,
        backgroundColor: swatch.bg,
        textColor: swatch.text,
        styles: [`border-left: 3px solid ${swatch.border}`, ...processingStyle(line, swatch.bg)],
        classNames: ['orc-appt', `orc-status-${a.status}`],
        extendedProps: props as unknown as Record<string, unknown>,
      });
    }
  }
  return out;
}

export function blockedEvents(staff: readonly RosterStaff[], dates: readonly string[], view: ViewKind): Calendar.EventInput[] {
  if (view.kind === 'day' && view.mode === 'rooms') return [];
  const seen = new Set<string>();
  const out: Calendar.EventInput[] = [];
  for (const person of staff) {
    if (view.kind === 'week' && person.staffId !== view.staffId) continue;
    for (const day of person.days) {
      if (!dates.includes(day.date)) continue;
      for (const b of day.blocked) {
        if (seen.has(b.id)) continue;
        seen.add(b.id);
        out.push(blockedEvent(b, view));
      }
    }
  }
  return out;
}

function blockedEvent(b: BlockedTime, view: ViewKind): Calendar.EventInput {
  const props: BlockedEventProps = {
    kind: 'blocked',
    blockedId: b.id,
    reason: b.reason,
    note: b.note,
    startLocal: b.start.slice(11, 16),
    endLocal: b.end.slice(11, 16),
  };
  return {
    id: `blocked:${b.id}`,
    ...(view.kind === 'day' ? { resourceIds: [b.staffId] } : {}),
    start: floating(b.start),
    end: floating(b.end),
    title: '',
    editable: false,
    classNames: ['orc-blocked'],
    extendedProps: props as unknown as Record<string, unknown>,
  };
}

/** The parts of [min, max] outside the working ranges ('HH:mm'), as minute intervals. */
export function offIntervals(working: readonly { open: string; close: string }[], min: string, max: string): Array<[string, string]> {
  const lo = toMinutes(min);
  const hi = toMinutes(max);
  const ranges = working
    .map((r) => [Math.max(lo, toMinutes(r.open)), Math.min(hi, r.close === '24:00' ? 1440 : toMinutes(r.close))] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: Array<[string, string]> = [];
  let at = lo;
  for (const [a, b] of ranges) {
    if (a > at) out.push([fromMinutes(at), fromMinutes(a)]);
    at = Math.max(at, b);
  }
  if (at < hi) out.push([fromMinutes(at), fromMinutes(hi)]);
  return out;
}

/** Shading for the hours each staff member is not working (roster, time off) on the shown dates. */
export function offEvents(
  staff: readonly RosterStaff[],
  dates: readonly string[],
  view: ViewKind,
  range: { min: string; max: string },
): Calendar.EventInput[] {
  if (view.kind === 'day' && view.mode === 'rooms') return [];
  const out: Calendar.EventInput[] = [];
  for (const person of staff) {
    if (view.kind === 'week' && person.staffId !== view.staffId) continue;
    for (const day of person.days) {
      if (!dates.includes(day.date)) continue;
      for (const [from, to] of offIntervals(day.hours, range.min, range.max)) {
        out.push({
          id: `off:${person.staffId}:${day.date}:${from}`,
          ...(view.kind === 'day' ? { resourceIds: [person.staffId] } : {}),
          start: `${day.date}T${from}:00`,
          end: to === '24:00' ? `${day.date}T23:59:59` : `${day.date}T${to}:00`,
          display: 'background',
          classNames: ['orc-off'],
        });
      }
    }
  }
  return out;
}

/** The hours the grid shows: the store's opening (and anything booked outside it), an hour either side. */
export function visibleRange(
  opening: readonly { open: string; close: string }[],
  appointments: readonly Appointment[],
  fallback = { min: '08:00', max: '20:00' },
): { min: string; max: string } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const r of opening) {
    lo = Math.min(lo, toMinutes(r.open));
    hi = Math.max(hi, r.close === '24:00' ? 1440 : toMinutes(r.close));
  }
  for (const a of appointments) {
    if (RELEASED.has(a.status)) continue;
    lo = Math.min(lo, toMinutes(a.start.slice(11, 16)));
    const end = toMinutes(a.end.slice(11, 16));
    hi = Math.max(hi, a.end.slice(0, 10) > a.start.slice(0, 10) || end === 0 ? 1440 : end);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return fallback;
  const floor = Math.max(0, Math.floor(lo / 60) * 60 - 60);
  const ceil = Math.min(1440, Math.ceil(hi / 60) * 60 + 60);
  return { min: fromMinutes(floor), max: fromMinutes(ceil) };
}
