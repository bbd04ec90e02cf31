import { describe, expect, it } from 'vitest';
import type { Appointment } from '../calendar/types.js';
import { summarizeDay } from './day.js';

const visit = (id: string, start: string, end: string, status: Appointment['status']) => ({ id, start, end, status }) as Appointment;

describe('the home page’s day of visits', () => {
  const day = [
    visit('done', '2026-12-01T09:00:00-05:00', '2026-12-01T10:00:00-05:00', 'completed'),
    visit('in-chair', '2026-12-01T10:00:00-05:00', '2026-12-01T11:00:00-05:00', 'in_service'),
    visit('waiting', '2026-12-01T10:15:00-05:00', '2026-12-01T11:00:00-05:00', 'checked_in'),
    visit('late', '2026-12-01T10:00:00-05:00', '2026-12-01T10:45:00-05:00', 'booked'),
    visit('afternoon', '2026-12-01T14:00:00-05:00', '2026-12-01T15:00:00-05:00', 'confirmed'),
    visit('cancelled', '2026-12-01T12:00:00-05:00', '2026-12-01T13:00:00-05:00', 'cancelled'),
    visit('no-show', '2026-12-01T08:00:00-05:00', '2026-12-01T09:00:00-05:00', 'no_show'),
  ];

  it('counts visits in the salon, done and to come, leaving out cancellations and no-shows', () => {
    const s = summarizeDay(day, new Date('2026-12-01T10:30:00-05:00'));
    expect(s).toMatchObject({ total: 5, inStore: 2, done: 1, upcoming: 2 });
  });

  it('names a late client as next until the visit’s time is over, then the next one', () => {
    expect(summarizeDay(day, new Date('2026-12-01T10:30:00-05:00')).next?.id).toBe('late');
    expect(summarizeDay(day, new Date('2026-12-01T10:50:00-05:00')).next?.id).toBe('afternoon');
    expect(summarizeDay(day, new Date('2026-12-01T16:00:00-05:00')).next).toBeNull();
  });
});
