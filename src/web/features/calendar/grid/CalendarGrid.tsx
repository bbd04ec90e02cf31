// The time grid: staff (or room) columns for a day, or one person's week. Times are the store's wall
// clock; the widget runs at the store's UTC offset so the current-time line is right in any browser zone.
import type { Calendar } from '@event-calendar/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterStaff } from '../../rosters/types.js';
import type { ColorBy } from '../colors.js';
import { appointmentEvents, blockedEvents, type EventProps, offEvents, type ViewKind, visibleRange } from '../events.js';
import { browserZone, fromMinutes, offsetOn, toMinutes, wallOf } from '../time.js';
import type { Appointment } from '../types.js';
import { useZoneCity } from '../useZoneCity.js';
import { EventCalendar, esc } from './EventCalendar.js';

export interface Column {
  id: string;
  name: string;
  /** "9:00 AM – 7:00 PM", "Time off"… */
  note: string;
  off?: boolean;
  /** A room or station, not a person (no avatar). */
  room?: boolean;
}

export interface SlotPick {
  date: string;
  time: string;
  staffId?: string | undefined;
}

export interface DropInfo {
  appointmentId: string;
  lineId: string;
  to: { date: string; time: string };
  /** The column it landed on (staff or room) when that changed. */
  column?: string | undefined;
  revert: () => void;
}

export interface ResizeInfo {
  appointmentId: string;
  lineId: string;
  /** The service's new store-local end. */
  end: { date: string; time: string };
  revert: () => void;
}

/** A small warning mark on a visit whose client has an allergies reminder (the text is on her card). */
const ALLERGY_ICON =
  '<svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" class="orc-ev-allergy-icon"><path fill-rule="evenodd" d="M8.485 2.495c.673-1.167 2.357-1.167 3.03 0l6.28 10.875c.673 1.167-.17 2.625-1.516 2.625H3.72c-1.347 0-2.189-1.458-1.515-2.625L8.485 2.495zM10 6a.75.75 0 01.75.75v3.5a.75.75 0 01-1.5 0v-3.5A.75.75 0 0110 6zm0 9a1 1 0 100-2 1 1 0 000 2z" clip-rule="evenodd"/></svg>';

export function CalendarGrid({
  view,
  date,
  dates,
  timeZone,
  appointments,
  rosterStaff,
  opening,
  columns,
  colorBy,
  showCancelled,
  colorOfService,
  clientName,
  canMove,
  canBook,
  height,
  onSlot,
  onOpenAppointment,
  onOpenBlocked,
  onDrop,
  onResize,
}: {
  view: ViewKind;
  date: string;
  dates: string[];
  timeZone: string;
  appointments: Appointment[];
  rosterStaff: RosterStaff[];
  opening: { open: string; close: string }[];
  columns: Column[];
  colorBy: ColorBy;
  showCancelled: boolean;
  colorOfService: (serviceId: string) => string | null;
  clientName: (a: Appointment) => string;
  canMove: (a: Appointment) => boolean;
  canBook: boolean;
  height: string;
  onSlot: (pick: SlotPick) => void;
  onOpenAppointment: (id: string) => void;
  onOpenBlocked: (id: string) => void;
  onDrop: (drop: DropInfo) => void;
  onResize: (resize: ResizeInfo) => void;
}) {
  const { t, i18n } = useTranslation();
  const zoneCity = useZoneCity();
  const dragging = useRef(false);
  const lastEvents = useRef<Calendar.EventInput[]>([]);

  const range = useMemo(() => visibleRange(opening, appointments), [opening, appointments]);

  const events = useMemo(() => {
    // While something is being dragged, the poll's fresh data waits: replacing the events would drop it.
    if (dragging.current) return lastEvents.current;
    const list = [
      ...offEvents(rosterStaff, dates, view, range),
      ...blockedEvents(rosterStaff, dates, view),
      ...appointmentEvents(appointments, { view, colorBy, colorOfService, showCancelled, canMove, clientName }),
    ];
    lastEvents.current = list;
    return list;
  }, [appointments, rosterStaff, dates, view, range, colorBy, colorOfService, showCancelled, canMove, clientName]);

  const resources = useMemo<Calendar.ResourceInput[]>(
    () => columns.map((c) => ({ id: c.id, title: c.name, extendedProps: { note: c.note, off: !!c.off, room: !!c.room } })),
    [columns],
  );

  const eventContent = useMemo(
    () =>
      (info: Calendar.EventContentInfo): Calendar.Content => {
        const clock = hhmmFormatter(i18n.language);
        const p = info.event.extendedProps as unknown as EventProps | undefined;
        if (!p?.kind) return '';
        const time = `${clock(p.startLocal)} – ${clock(p.endLocal)}`;
        if (p.kind === 'blocked') {
          return {
            html: `<div class="orc-ev"><span class="orc-ev-time">${esc(time)}</span><span class="orc-ev-client">${esc(
              t(`calendar.blockReasons.${p.reason}` as 'calendar.blockReasons.other', { defaultValue: p.reason }),
            )}</span>${p.note ? `<span class="orc-ev-service">${esc(p.note)}</span>` : ''}</div>`,
          };
        }
        const flag =
          p.status === 'checked_in' || p.status === 'in_service' || p.status === 'no_show' || p.status === 'cancelled'
            ? `<span class="orc-ev-flag">${esc(t(`calendar.status.${p.status}`))}</span>`
            : p.online
              ? `<span class="orc-ev-flag">${esc(t('calendar.onlineFlag'))}</span>`
              : '';
        const allergy = p.allergy
          ? `<span class="orc-ev-allergy" data-testid="calendar-event-allergy" title="${esc(t('calendar.allergyFlag'))}" role="img" aria-label="${esc(
              t('calendar.allergyFlag'),
            )}">${ALLERGY_ICON}</span>`
          : '';
        const service = p.addOns.length ? `${p.serviceName} + ${p.addOns.join(', ')}` : p.serviceName;
        return {
          html: `<div class="orc-ev" data-testid="calendar-event" data-appointment="${esc(p.appointmentId)}"><span class="orc-ev-time">${esc(
            time,
          )}${flag}</span><span class="orc-ev-client">${allergy}${esc(p.clientName)}</span><span class="orc-ev-service">${esc(service)}</span></div>`,
        };
      },
    [t, i18n.language],
  );

  const resourceLabelContent = useMemo(
    () =>
      (info: Calendar.ResourceLabelInfo): Calendar.Content => {
        const name = typeof info.resource.title === 'string' ? info.resource.title : '';
        const note = String(info.resource.extendedProps.note ?? '');
        const off = !!info.resource.extendedProps.off;
        const initials = name
          .trim()
          .slice(0, /[\u3400-\u9fff]/.test(name) ? 2 : 1)
          .toUpperCase();
        const avatar = info.resource.extendedProps.room ? '' : `<span class="orc-res-avatar">${esc(initials)}</span>`;
        return {
          html: `<div class="orc-res" data-testid="calendar-column" data-column="${esc(String(info.resource.id))}">${avatar}<span class="orc-res-text"><span class="orc-res-name">${esc(name)}</span>${
            note ? `<span class="orc-res-hours${off ? ' orc-off-today' : ''}">${esc(note)}</span>` : ''
          }</span></div>`,
        };
      },
    [],
  );

  const options = useMemo<Calendar.Options>(() => {
    const week = view.kind === 'week';
    const many = !week && columns.length > 4;
    return {
      view: week ? 'timeGridWeek' : 'resourceTimeGridDay',
      date,
      firstDay: 1,
      timeZone: offsetOn(timeZone, date),
      locale: i18n.language,
      headerToolbar: { start: '', center: '', end: '' },
      height,
      allDaySlot: false,
      nowIndicator: true,
      slotDuration: '00:15:00',
      slotLabelInterval: '01:00',
      snapDuration: '00:05:00',
      slotHeight: 18,
      slotMinTime: range.min,
      slotMaxTime: range.max,
      scrollTime: '09:00',
      slotLabelFormat: { hour: 'numeric', minute: '2-digit' },
      dayHeaderFormat: { weekday: 'short', month: 'numeric', day: 'numeric' },
      columnWidth: many ? 'minmax(132px, 1fr)' : undefined,
      editable: true,
      // Per event (events.ts): only visits that may still move.
      eventDurationEditable: true,
      eventStartEditable: true,
      selectable: false,
      pointer: canBook,
      dragScroll: true,
      eventLongPressDelay: 350,
      events,
      resources,
      eventContent,
      resourceLabelContent,
      eventClick: (info: Calendar.EventClickInfo) => {
        const p = info.event.extendedProps as unknown as EventProps | undefined;
        if (p?.kind === 'line') onOpenAppointment(p.appointmentId);
        else if (p?.kind === 'blocked') onOpenBlocked(p.blockedId);
      },
      dateClick: (info: Calendar.DateClickInfo) => {
        if (!canBook) return;
        // The grid's rows are quarter hours: a click anywhere in one books from its start.
        const wall = wallOf(info.date);
        const quarter = fromMinutes(Math.floor(toMinutes(wall.time) / 15) * 15);
        onSlot({
          date: wall.date,
          time: quarter,
          staffId: view.kind === 'week' ? view.staffId : view.mode === 'staff' ? String(info.resource?.id ?? '') || undefined : undefined,
        });
      },
      eventDragStart: () => {
        dragging.current = true;
      },
      eventDragStop: () => {
        dragging.current = false;
      },
      eventResizeStart: () => {
        dragging.current = true;
      },
      eventResizeStop: () => {
        dragging.current = false;
      },
      eventResize: (info: Calendar.EventResizeInfo) => {
        dragging.current = false;
        const p = info.event.extendedProps as unknown as EventProps | undefined;
        if (p?.kind !== 'line') {
          info.revert();
          return;
        }
        onResize({ appointmentId: p.appointmentId, lineId: p.lineId, end: wallOf(info.event.end), revert: info.revert });
      },
      eventDrop: (info: Calendar.EventDropInfo) => {
        dragging.current = false;
        const p = info.event.extendedProps as unknown as EventProps | undefined;
        if (p?.kind !== 'line') {
          info.revert();
          return;
        }
        const column = info.newResource && info.newResource.id !== info.oldResource?.id ? String(info.newResource.id) : undefined;
        onDrop({ appointmentId: p.appointmentId, lineId: p.lineId, to: wallOf(info.event.start), column, revert: info.revert });
      },
    };
  }, [
    view,
    date,
    timeZone,
    i18n.language,
    height,
    range,
    columns.length,
    canBook,
    events,
    resources,
    eventContent,
    resourceLabelContent,
    onOpenAppointment,
    onOpenBlocked,
    onSlot,
    onDrop,
    onResize,
  ]);

  const foreign = browserZone() !== timeZone;
  return (
    <div className="orc-calendar relative overflow-hidden rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
      <EventCalendar options={options} testId="calendar-grid" />
      <div
        className={`pointer-events-auto absolute left-1 top-1 z-20 max-w-[4.5rem] rounded-md px-1.5 py-0.5 text-[10px] leading-tight ${foreign ? 'bg-amber-50 text-amber-800 ring-1 ring-amber-200' : 'text-zinc-500'}`}
        title={foreign ? t('calendar.zoneDiffers', { zone: timeZone }) : timeZone}
        data-testid="calendar-zone"
        data-foreign={foreign || undefined}
      >
        <span className="block truncate font-medium">{zoneCity(timeZone)}</span>
        <span className="block">{gmt(offsetOn(timeZone, date))}</span>
      </div>
    </div>
  );
}

const formatters = new Map<string, (hhmm: string) => string>();

/** "09:30" → "9:30 AM" / "上午9:30", one formatter per language. */
export function hhmmFormatter(lang: string): (hhmm: string) => string {
  let f = formatters.get(lang);
  if (!f) {
    const intl = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
    f = (v: string) => intl.format(Date.UTC(2000, 0, 1, Number(v.slice(0, 2)), Number(v.slice(3, 5))));
    formatters.set(lang, f);
  }
  return f;
}

/** '-05:00' → 'GMT−5', '+05:30' → 'GMT+5:30'. */
function gmt(offset: string): string {
  const [h, m] = offset.slice(1).split(':');
  return `GMT${offset[0] === '-' ? '−' : '+'}${Number(h)}${m && m !== '00' ? `:${m}` : ''}`;
}
