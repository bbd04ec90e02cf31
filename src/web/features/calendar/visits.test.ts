import { describe, expect, it } from 'vitest';
import type { Appointment } from './types.js';
import { splitVisits } from './visits.js';

const visit = (id: string, start: string, end: string, status: Appointment['status'] = 'booked') =>
  ({ id, start, end, status }) as Appointment;

describe('a client’s visits', () => {
  it('puts open visits that have not ended first (soonest first), everything else after (newest first)', () => {
    const now = Date.parse('2026-12-01T10:30:00-05:00');
    const { upcoming, past } = splitVisits(
      [
        visit('later', '2026-12-15T10:00:00-05:00', '2026-12-15T11:00:00-05:00'),
        visit('cancelled', '2026-12-10T10:00:00-05:00', '2026-12-10T11:00:00-05:00', 'cancelled'),
        visit('soon', '2026-12-05T10:00:00-05:00', '2026-12-05T11:00:00-05:00', 'confirmed'),
        visit('in-chair', '2026-12-01T10:00:00-05:00', '2026-12-01T11:00:00-05:00', 'in_service'),
        visit('done', '2026-11-20T10:00:00-05:00', '2026-11-20T11:00:00-05:00', 'completed'),
        visit('missed', '2026-11-25T10:00:00-05:00', '2026-11-25T11:00:00-05:00', 'booked'),
      ],
      now,
    );
    expect(upcoming.map((a) => a.id)).toEqual(['in-chair', 'soon', 'later']);
    expect(past.map((a) => a.id)).toEqual(['cancelled', 'missed', 'done']);
  });
});
