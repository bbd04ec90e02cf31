import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { LANGUAGES } from '../../platform/i18n.js';
import { quietUntil, stillRelevant } from './reminders.js';
import { DEFAULT_BOOKING_SETTINGS, feeFor, isLateCancel, parseStoredSettings } from './settings.js';
import { formatWhen, MESSAGE_EVENTS, renderMessage, renderOtp } from './templates.js';
import { isoIn, localParts, localToInstant } from './time.js';

const NY = 'America/New_York';
const VAN = 'America/Vancouver';

describe('local times in and out', () => {
  it('refuses a local time the clocks skip, in New York and Vancouver', () => {
    for (const tz of [NY, VAN]) {
      expect(() => localToInstant('2026-03-08', '02:30', tz)).toThrow(AppError);
      try {
        localToInstant('2026-03-08', '02:00', tz);
        expect.unreachable();
      } catch (err) {
        expect((err as AppError).code).toBe('nonexistent_local_time');
      }
    }
    expect(isoIn(localToInstant('2026-03-08', '03:00', NY), NY)).toBe('2026-03-08T03:00:00-04:00');
  });

  it('takes the first of a repeated local time (daylight time) on 2026-11-01', () => {
    expect(isoIn(localToInstant('2026-11-01', '01:30', NY), NY)).toBe('2026-11-01T01:30:00-04:00');
    expect(isoIn(localToInstant('2026-11-01', '01:30', VAN), VAN)).toBe('2026-11-01T01:30:00-07:00');
    expect(isoIn(localToInstant('2026-11-01', '01:30', NY) + 3_600_000, NY)).toBe('2026-11-01T01:30:00-05:00');
  });

  it('formats instants with the offset of their moment, around both changes', () => {
    const cases: Array<[number, string]> = [
      [Date.UTC(2026, 2, 8, 6, 59), '2026-03-08T01:59:00-05:00'],
      [Date.UTC(2026, 2, 8, 7, 0), '2026-03-08T03:00:00-04:00'],
      [Date.UTC(2026, 10, 1, 5, 59), '2026-11-01T01:59:00-04:00'],
      [Date.UTC(2026, 10, 1, 6, 0), '2026-11-01T01:00:00-05:00'],
      [Date.UTC(2026, 10, 1, 6, 0) + 1500, '2026-11-01T01:00:01.500-05:00'],
    ];
    for (const [ms, iso] of cases) expect(isoIn(ms, NY)).toBe(iso);
    expect(localParts(Date.UTC(2026, 2, 8, 10, 0), VAN)).toEqual({ date: '2026-03-08', time: '03:00' });
  });
});

describe('booking settings and fees', () => {
  it('fills defaults and ignores unknown or broken stored keys', () => {
    expect(parseStoredSettings(null)).toEqual(DEFAULT_BOOKING_SETTINGS);
    expect(parseStoredSettings('not json')).toEqual(DEFAULT_BOOKING_SETTINGS);
    expect(parseStoredSettings('{"noticeMin":30,"old":1}')).toMatchObject({ noticeMin: 30, horizonDays: 60, reminderHoursBefore: 24 });
  });

  it('charges fees in whole cents, half up, once', () => {
    expect(feeFor({ kind: 'none' }, 5000)).toBe(0);
    expect(feeFor({ kind: 'fixed', amount: 2500 }, 5000)).toBe(2500);
    expect(feeFor({ kind: 'percent', percent: 50 }, 4555)).toBe(2278);
    expect(feeFor({ kind: 'percent', percent: 33 }, 100)).toBe(33);
  });

  it('a cancellation inside the window is late', () => {
    const start = Date.UTC(2026, 11, 1, 15);
    expect(isLateCancel(DEFAULT_BOOKING_SETTINGS, start - 25 * 3_600_000, start)).toBe(false);
    expect(isLateCancel(DEFAULT_BOOKING_SETTINGS, start - 23 * 3_600_000, start)).toBe(true);
  });
});

describe('reminder rules', () => {
  const quiet = { start: '21:00', end: '08:00' };
  it('defers an SMS in quiet hours to the next 08:00 store time, across midnight and DST', () => {
    expect(quietUntil(Date.UTC(2026, 11, 4, 3), NY, quiet)).toBe(Date.UTC(2026, 11, 4, 13)); // 22:00 → 08:00 next day
    expect(quietUntil(Date.UTC(2026, 11, 4, 11), NY, quiet)).toBe(Date.UTC(2026, 11, 4, 13)); // 06:00 → 08:00 same day
    expect(quietUntil(Date.UTC(2026, 11, 4, 15), NY, quiet)).toBeNull(); // 10:00
    expect(quietUntil(Date.UTC(2026, 2, 8, 3), NY, quiet)).toBe(Date.UTC(2026, 2, 8, 12)); // 22:00 EST → 08:00 EDT
    expect(quietUntil(Date.UTC(2026, 11, 4, 3), NY, { start: '08:00', end: '08:00' })).toBeNull();
  });

  it('drops messages the appointment no longer needs', () => {
    const start = Date.UTC(2026, 11, 1, 15);
    expect(stillRelevant('reminder', { status: 'booked', start_at: start }, start, start - 1000)).toBe(true);
    expect(stillRelevant('reminder', { status: 'cancelled', start_at: start }, start, start - 1000)).toBe(false);
    expect(stillRelevant('reminder', { status: 'confirmed', start_at: start + 3_600_000 }, start, start - 1000)).toBe(false);
    expect(stillRelevant('reminder', { status: 'booked', start_at: start }, start, start + 1)).toBe(false);
    expect(stillRelevant('booked', { status: 'checked_in', start_at: start }, start, start)).toBe(false);
    expect(stillRelevant('cancelled', { status: 'cancelled', start_at: start }, start, start)).toBe(true);
    expect(stillRelevant('cancelled', { status: 'booked', start_at: start }, start, start)).toBe(false);
  });
});

describe('message templates', () => {
  const facts = {
    storeName: 'Lotus',
    storePhone: '(718) 555-0100',
    storeAddress: null,
    clientName: 'Mei',
    when: 'Mon',
    services: ['Gel', 'Pedi'],
    staff: ['Amy'],
  };
  it('exist for every event in every language, each different from English', () => {
    for (const event of MESSAGE_EVENTS) {
      const en = renderMessage(event, 'en', facts);
      for (const lang of LANGUAGES) {
        const m = renderMessage(event, lang, facts);
        expect(m.subject.length && m.text.length && m.sms.length).toBeGreaterThan(0);
        expect(m.text).toContain('Lotus');
        if (lang !== 'en') expect(m.subject).not.toBe(en.subject);
      }
      expect(renderMessage(event, 'zh-TW', facts).subject).not.toBe(renderMessage(event, 'zh-CN', facts).subject);
    }
    for (const lang of LANGUAGES) expect(renderOtp(lang, '123456', 'Lotus').text).toContain('123456');
  });

  it('writes dates in the store’s zone, in the client’s language', () => {
    const ms = Date.UTC(2026, 10, 30, 15);
    expect(formatWhen(ms, NY, 'en')).toBe('Mon, Nov 30, 2026, 10:00 AM');
    expect(formatWhen(ms, NY, 'zh-CN')).toContain('2026年11月30日');
    expect(formatWhen(ms, VAN, 'zh-TW')).toContain('上午7:00');
  });
});
