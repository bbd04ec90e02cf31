import { describe, expect, it } from 'vitest';
import { dateIn, nextShift, normalizeWeek, validateShifts, weekdayIn } from './hours.js';

describe('opening hours', () => {
  it('accepts split shifts and flags bad ones', () => {
    expect(
      validateShifts([
        { open: '09:00', close: '12:00' },
        { open: '13:00', close: '19:00' },
      ]).size,
    ).toBe(0);
    const problems = validateShifts([
      { open: '13:00', close: '19:00' },
      { open: '10:00', close: '09:00' },
      { open: '18:00', close: '20:00' },
      { open: '', close: '10:00' },
    ]);
    expect(Object.fromEntries(problems)).toEqual({ 1: 'order', 2: 'overlap', 3: 'format' });
  });

  it('fills missing days and suggests a next shift', () => {
    expect(normalizeWeek({ mon: [{ open: '09:00', close: '17:00' }] }).sun).toEqual([]);
    expect(nextShift([])).toEqual({ open: '09:00', close: '19:00' });
    expect(nextShift([{ open: '09:00', close: '12:00' }])).toEqual({ open: '13:00', close: '16:00' });
  });

  it('reads the weekday and date in the store zone, across DST', () => {
    // 2026-03-08 06:30 UTC is still Saturday evening in Vancouver, Sunday morning in New York (after the change).
    const at = new Date('2026-03-08T06:30:00Z');
    expect(weekdayIn('America/Vancouver', at)).toBe('sat');
    expect(dateIn('America/Vancouver', at)).toBe('2026-03-07');
    expect(weekdayIn('America/New_York', at)).toBe('sun');
    expect(dateIn('America/New_York', new Date('2026-11-01T05:30:00Z'))).toBe('2026-11-01');
  });
});
