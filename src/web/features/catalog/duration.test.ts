import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { localeBundles } from '../../i18n/bundle.js';
import { durationMessage, durationParts, formatDuration, minuteSteps, withCurrent } from './duration.js';

async function tFor(lng: 'en' | 'zh-CN' | 'zh-TW') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { [lng]: { translation: localeBundles[lng] } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('durations', () => {
  it('splits minutes into hours and minutes', () => {
    expect(durationParts(75)).toEqual({ h: 1, m: 15 });
    expect(durationParts(45)).toEqual({ h: 0, m: 45 });
    expect(durationParts(120)).toEqual({ h: 2, m: 0 });
    expect(durationMessage(45).key).toBe('catalog.duration.m');
    expect(durationMessage(120).key).toBe('catalog.duration.h');
    expect(durationMessage(75).key).toBe('catalog.duration.hm');
  });

  it('reads "1 h 15 min" / "1小时15分钟" / "1小時15分鐘"', async () => {
    const en = await tFor('en');
    const cn = await tFor('zh-CN');
    const tw = await tFor('zh-TW');
    expect(formatDuration(75, en)).toBe('1 h 15 min');
    expect(formatDuration(45, en)).toBe('45 min');
    expect(formatDuration(120, en)).toBe('2 h');
    expect(formatDuration(75, cn)).toBe('1小时15分钟');
    expect(formatDuration(30, cn)).toBe('30分钟');
    expect(formatDuration(60, cn)).toBe('1小时');
    expect(formatDuration(75, tw)).toBe('1小時15分鐘');
    expect(formatDuration(90, tw)).toBe('1小時30分鐘');
  });

  it('offers steps of 5 minutes, keeping an off-grid current value', () => {
    expect(minuteSteps(0, 20)).toEqual([0, 5, 10, 15, 20]);
    expect(minuteSteps(5, 600)).toHaveLength(120);
    expect(withCurrent([5, 10], 7)).toEqual([5, 7, 10]);
    expect(withCurrent([5, 10], null)).toEqual([5, 10]);
  });
});
