import { pinyin } from 'pinyin-pro';
import type { StoreRow } from './repo.js';
import type { SpecialDate, WeeklyHours } from './schemas.js';

/** URL-safe slug from a store name; Chinese names become pinyin ("莲花 法拉盛" → "lian-hua-fa-la-sheng"). */
export function slugify(name: string): string {
  const latin = /[\u3400-\u9fff]/.test(name) ? pinyin(name, { toneType: 'none', nonZh: 'consecutive' }) : name;
  const slug = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'store';
}

export function toStoreDto(row: StoreRow) {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    address: row.address,
    phone: row.phone,
    timeZone: row.time_zone,
    currency: row.currency,
    hours: JSON.parse(row.hours) as WeeklyHours,
    specialDates: JSON.parse(row.special_dates) as SpecialDate[],
    archived: row.archived === 1,
    version: row.version,
  };
}
export type StoreDto = ReturnType<typeof toStoreDto>;
