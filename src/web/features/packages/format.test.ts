import { describe, expect, it } from 'vitest';
import { daysUntil, localDay } from './format.js';

describe('calendar days', () => {
  it('counts days to a date, negative when past', () => {
    const today = new Date(2026, 2, 10, 15, 30);
    expect(daysUntil('2026-03-10', today)).toBe(0);
    expect(daysUntil('2026-03-17', today)).toBe(7);
    expect(daysUntil('2026-03-01', today)).toBe(-9);
  });
  it('adds days across months', () => {
    expect(localDay(0, new Date(2026, 0, 31))).toBe('2026-01-31');
    expect(localDay(1, new Date(2026, 0, 31))).toBe('2026-02-01');
    expect(localDay(28, new Date(2026, 1, 1))).toBe('2026-03-01');
  });
});
