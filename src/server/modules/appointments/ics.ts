// iCalendar (RFC 5545) for appointments, written with ical-generator: UTC times (calendar apps show them in
// the reader's own zone), escaped text, CRLF line ends, lines folded at 75 octets.
//
// One event per appointment, identified by `<appointment id>@orchid` everywhere (the manage link's file,
// emails, staff feeds) so a calendar that saw it once updates it in place. SEQUENCE is the appointment's
// version: every change (a move, a cancellation) raises it, so an update or METHOD:CANCEL supersedes
// what the calendar holds.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, type ICalEventData, ICalEventStatus } from 'ical-generator';

export type IcsEvent = {
  uid: string;
  start: number;
  end: number;
  /** DTSTAMP: when this version of the event was produced. */
  stamp: number;
  sequence: number;
  summary: string;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  cancelled?: boolean;
};

/** What an emailed event needs on top: who sends it (the store) and who it is for (the client). */
export type IcsInvitation = {
  /** REQUEST: add or update; CANCEL: remove. */
  method: 'REQUEST' | 'CANCEL';
  organizer?: { name: string; email: string } | null;
  attendee?: { name: string; email: string } | null;
};

const PROD_ID = { company: 'Orchid', product: 'Appointments', language: 'EN' };

export const eventUid = (appointmentId: string) => `${appointmentId}@orchid`;

function eventData(e: IcsEvent): ICalEventData {
  return {
    id: eventUid(e.uid),
    start: new Date(e.start),
    end: new Date(e.end),
    stamp: new Date(e.stamp),
    sequence: e.sequence,
    summary: e.summary,
    location: e.location || null,
    description: e.description || null,
    url: e.url || null,
    status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}

// ical-generator ends the last line without CRLF; RFC 5545 ends every content line with one.
const finish = (text: string) => (text.endsWith('\r\n') ? text : `${text}\r\n`);

/**
 * One appointment as a calendar file. Without `invitation` it is published (a download, METHOD:PUBLISH, or
 * METHOD:CANCEL once cancelled); with one it is a scheduling message for an email (REQUEST / CANCEL).
 */
export function buildIcs(e: IcsEvent, invitation?: IcsInvitation): string {
  const method = invitation?.method ?? (e.cancelled ? 'CANCEL' : 'PUBLISH');
  const cal = ical({ prodId: PROD_ID, method: ICalCalendarMethod[method] });
  const data = eventData({ ...e, cancelled: e.cancelled || method === 'CANCEL' });
  if (invitation?.organizer) data.organizer = invitation.organizer;
  if (invitation?.attendee) {
    data.attendees = [
      {
        ...invitation.attendee,
        role: ICalAttendeeRole.REQ,
        // The client booked it: nothing to accept or decline.
        status: ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ];
  }
  cal.createEvent(data);
  return finish(cal.toString());
}

/** A subscribed calendar (a staff member's feed): many events, no scheduling method. */
export function buildFeed(name: string, events: IcsEvent[]): string {
  const cal = ical({ prodId: PROD_ID, name, ttl: 15 * 60 });
  for (const e of events) cal.createEvent(eventData(e));
  return finish(cal.toString());
}

/** The MIME type of an emailed calendar part (mail clients read `method` to offer add/remove). */
export const icsContentType = (method: IcsInvitation['method']) => `text/calendar; charset=utf-8; method=${method}`;
