import { describe, expect, it } from 'vitest';
import { COMMON_ZONES, normalizeTimeZone, supportedTimeZones, zoneOffset } from './timezones.js';

describe('time zones', () => {
  it('knows every zone in the short list', () => {
    for (const { zone } of COMMON_ZONES) expect(normalizeTimeZone(zone)).toBe(zone);
  });

  it('fixes case and spaces, and refuses what is not a zone', () => {
    expect(normalizeTimeZone('america/toronto')).toBe('America/Toronto');
    expect(normalizeTimeZone(' America/Los Angeles ')).toBe('America/Los_Angeles');
    expect(normalizeTimeZone('Mars/Olympus')).toBeNull();
    expect(normalizeTimeZone('')).toBeNull();
    expect(normalizeTimeZone('EST')).toBeNull();
  });

  it('accepts links the engine resolves, such as America/Montreal', () => {
    expect(normalizeTimeZone('America/Montreal')).toMatch(/^America\//);
  });

  it('lists UTC and shows offsets', () => {
    expect(supportedTimeZones()).toContain('UTC');
    expect(zoneOffset('America/Toronto', new Date('2026-01-15T12:00:00Z'))).toBe('GMT-5');
    expect(zoneOffset('America/Toronto', new Date('2026-07-15T12:00:00Z'))).toBe('GMT-4');
  });
});
