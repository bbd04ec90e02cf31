import { describe, expect, it } from 'vitest';
import { addDays, floating, mondayOf, offsetOn, shiftWall, wallMinutesBetween, zonedIso } from './time.js';

describe('store-local time', () => {
  it('knows the store offset on each side of the clock changes', () => {
    expect(offsetOn('America/New_York', '2026-03-07')).toBe('-05:00');
    expect(offsetOn('America/New_York', '2026-03-08')).toBe('-04:00');
    expect(offsetOn('America/Vancouver', '2026-11-01')).toBe('-08:00');
    expect(offsetOn('Asia/Kolkata', '2026-06-01')).toBe('+05:30');
  });

  it('turns a local date and time into an instant with the right offset', () => {
    expect(zonedIso('2026-03-08', '10:30', 'America/New_York')).toBe('2026-03-08T10:30:00-04:00');
    expect(zonedIso('2026-03-08', '01:30', 'America/New_York')).toBe('2026-03-08T01:30:00-05:00');
    expect(zonedIso('2026-11-01', '09:00', 'America/Vancouver')).toBe('2026-11-01T09:00:00-08:00');
  });

  it('reads the wall clock of the API instants as they are', () => {
    expect(floating('2026-03-08T10:30:00-04:00')).toBe('2026-03-08T10:30:00');
    expect(wallMinutesBetween('2026-03-08T10:30', '2026-03-08T12:00')).toBe(90);
    expect(shiftWall('2026-03-08T23:30', 45)).toEqual({ date: '2026-03-09', time: '00:15' });
  });

  it('walks dates and weeks', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });
});
