import { describe, expect, it } from 'vitest';
import { formatWall, wallDate } from './time.js';

describe('wall time', () => {
  it('keeps the store clock of the instant', () => {
    expect(wallDate('2026-11-27T02:42:53.056-08:00')?.toISOString()).toBe('2026-11-27T02:42:53.000Z');
    expect(formatWall('2026-11-27T02:42:53-08:00', 'en', { timeStyle: 'short' })).toBe('2:42 AM');
    expect(formatWall(null, 'en', { timeStyle: 'short' })).toBe('');
  });
});
