// Service lengths: multiples of 5 minutes, written "1 h 15 min" / "1小时15分钟" / "1小時15分鐘".
import type { TFunction } from 'i18next';

export const DURATION_STEP = 5;

/** Minutes as whole hours and the minutes left over. */
export function durationParts(min: number): { h: number; m: number } {
  const total = Math.max(0, Math.round(min));
  return { h: Math.floor(total / 60), m: total % 60 };
}

/** The i18n key and values for a length of time (hours only, minutes only, or both). */
export function durationMessage(min: number): {
  key: 'catalog.duration.h' | 'catalog.duration.m' | 'catalog.duration.hm';
  h: number;
  m: number;
} {
  const { h, m } = durationParts(min);
  if (h === 0) return { key: 'catalog.duration.m', h, m };
  if (m === 0) return { key: 'catalog.duration.h', h, m };
  return { key: 'catalog.duration.hm', h, m };
}

/** "1 h 15 min" in the UI language. */
export function formatDuration(min: number, t: TFunction): string {
  const { key, h, m } = durationMessage(min);
  return t(key, { h, m });
}

/** Multiples of `step` from `from` to `to` inclusive: the choices of a duration select. */
export function minuteSteps(from: number, to: number, step = DURATION_STEP): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(from / step) * step; v <= to; v += step) out.push(v);
  return out;
}

/** Choices for a select: the steps, plus the current value if it is off the grid (old data). */
export function withCurrent(steps: number[], current: number | null | undefined): number[] {
  if (current === null || current === undefined || steps.includes(current)) return steps;
  return [...steps, current].sort((a, b) => a - b);
}
