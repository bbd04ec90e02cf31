import { describe, expect, it } from 'vitest';
import { buildFeed, buildIcs, eventUid, icsContentType } from './ics.js';

/** Reads a calendar back: unfolds continuation lines and splits the events into property maps. */
function parse(ics: string) {
  expect(ics.endsWith('\r\n')).toBe(true);
  const lines = ics
    .split('\r\n')
    .slice(0, -1)
    .reduce<string[]>((out, line) => {
      if (line.startsWith(' ')) out[out.length - 1] += line.slice(1);
      else out.push(line);
      return out;
    }, []);
  const calendar = new Map<string, string>();
  const events: Array<Map<string, string>> = [];
  let current: Map<string, string> | null = null;
  for (const line of lines) {
    // The value starts after the first colon that is not inside a quoted parameter.
    let quoted = false;
    let at = -1;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '"') quoted = !quoted;
      else if (line[i] === ':' && !quoted) {
        at = i;
        break;
      }
    }
    const [nameAndParams, value] = [line.slice(0, at), line.slice(at + 1)];
    const name = nameAndParams.split(';')[0]!;
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else (current ?? calendar).set(name, name === nameAndParams ? value : `${nameAndParams.slice(name.length + 1)}|${value}`);
  }
  return { calendar, events };
}

const unescapeText = (v: string) => v.replace(/\\n/g, '\n').replace(/\\([;,\\])/g, '$1');

const event = {
  uid: 'a1',
  start: Date.UTC(2026, 10, 30, 15),
  end: Date.UTC(2026, 10, 30, 16),
  stamp: Date.UTC(2026, 10, 27),
  sequence: 2,
  summary: 'Lotus; 美甲, 足部护理',
  description: 'Line one\nLine two',
  location: '136-20 Roosevelt Ave, Flushing',
};

describe('iCalendar', () => {
  it('writes UTC times, escapes text and folds long lines at 75 octets with CRLF', () => {
    const ics = buildIcs({ ...event, summary: `${event.summary} ${'美'.repeat(60)}` });
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const { calendar, events } = parse(ics);
    expect(calendar.get('VERSION')).toBe('2.0');
    expect(calendar.get('METHOD')).toBe('PUBLISH');
    const e = events[0]!;
    expect(e.get('UID')).toBe('a1@orchid');
    expect(e.get('DTSTART')).toBe('20261130T150000Z');
    expect(e.get('DTEND')).toBe('20261130T160000Z');
    expect(e.get('DTSTAMP')).toBe('20261127T000000Z');
    expect(e.get('SEQUENCE')).toBe('2');
    expect(unescapeText(e.get('SUMMARY')!)).toBe(`Lotus; 美甲, 足部护理 ${'美'.repeat(60)}`);
    expect(e.get('SUMMARY')).toContain('Lotus\\; 美甲\\, 足部护理');
    expect(unescapeText(e.get('DESCRIPTION')!)).toBe('Line one\nLine two');
    expect(unescapeText(e.get('LOCATION')!)).toBe(event.location);
    expect(e.get('STATUS')).toBe('CONFIRMED');
  });

  it('an emailed invitation is a REQUEST from the store to the client; its cancellation keeps the UID with a higher SEQUENCE', () => {
    const who = { organizer: { name: 'Lotus Nail & Spa', email: 'hello@lotus.test' }, attendee: { name: 'Mei', email: 'mei@example.com' } };
    const request = parse(buildIcs(event, { method: 'REQUEST', ...who }));
    expect(request.calendar.get('METHOD')).toBe('REQUEST');
    const r = request.events[0]!;
    expect(r.get('ORGANIZER')).toBe('CN="Lotus Nail & Spa"|mailto:hello@lotus.test');
    expect(r.get('ATTENDEE')).toMatch(/PARTSTAT=ACCEPTED.*RSVP=FALSE.*\|MAILTO:mei@example\.com$/);

    const cancel = parse(buildIcs({ ...event, sequence: 3, stamp: event.stamp + 60_000 }, { method: 'CANCEL', ...who }));
    expect(cancel.calendar.get('METHOD')).toBe('CANCEL');
    const c = cancel.events[0]!;
    expect(c.get('UID')).toBe(r.get('UID'));
    expect(Number(c.get('SEQUENCE'))).toBeGreaterThan(Number(r.get('SEQUENCE')));
    expect(c.get('STATUS')).toBe('CANCELLED');
    expect(icsContentType('CANCEL')).toBe('text/calendar; charset=utf-8; method=CANCEL');
  });

  it('a feed holds many events and no scheduling method', () => {
    const { calendar, events } = parse(
      buildFeed('Tech 1 · Orchid', [event, { ...event, uid: 'a2', start: event.start + 7_200_000, end: event.end + 7_200_000 }]),
    );
    expect(calendar.has('METHOD')).toBe(false);
    expect(calendar.get('X-WR-CALNAME')).toBe('Tech 1 · Orchid');
    expect(events.map((e) => e.get('UID'))).toEqual([eventUid('a1'), eventUid('a2')]);
    expect(events[1]!.get('DTSTART')).toBe('20261130T170000Z');
  });
});
