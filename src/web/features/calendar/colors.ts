// Appointment colours: by status (what the front desk watches through the day) or by service category.
import type { Status } from './types.js';

export type ColorBy = 'status' | 'category';

export interface Swatch {
  bg: string;
  border: string;
  text: string;
}

export const STATUS_SWATCH: Record<Status, Swatch> = {
  booked: { bg: '#f5ebf5', border: '#a9639f', text: '#532f4d' },
  confirmed: { bg: '#e0f2fe', border: '#0284c7', text: '#0c4a6e' },
  checked_in: { bg: '#fef3c7', border: '#d97706', text: '#78350f' },
  in_service: { bg: '#d1fae5', border: '#059669', text: '#064e3b' },
  completed: { bg: '#f4f4f5', border: '#a1a1aa', text: '#3f3f46' },
  cancelled: { bg: '#fafafa', border: '#d4d4d8', text: '#71717a' },
  no_show: { bg: '#fee2e2', border: '#dc2626', text: '#7f1d1d' },
};

const FALLBACK = '#8e4b84';

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = Number.parseInt(m[1] ?? '', 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: number[]) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** A light tint of a colour (for the block) with the colour itself as its edge and a dark shade for text. */
export function swatchOf(color: string | null | undefined): Swatch {
  const rgb = parseHex(color ?? '') ?? (parseHex(FALLBACK) as [number, number, number]);
  const mix = (to: number, share: number) => rgb.map((v) => v + (to - v) * share);
  return { bg: toHex(mix(255, 0.84)), border: toHex(rgb), text: toHex(mix(0, 0.55)) };
}
