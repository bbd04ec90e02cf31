// How packages read on screen: names in the reader's language, money, calendar days, statuses.
import { useTranslation } from 'react-i18next';
import type { BadgeTone } from '../../components/Badge.js';
import { useMe } from '../auth/session.js';
import { formatMoney } from '../catalog/money.js';
import type { PackageStatus, Translations, Validity } from './types.js';

/** The text in the UI language, else the base text: tr("Facial", { 'zh-CN': '面部护理' }). */
export function useTr(): (base: string, translations?: Translations | null) => string {
  const { i18n } = useTranslation();
  return (base, translations) => translations?.[i18n.language as keyof Translations]?.trim() || base;
}

/** Cents in the business's currency, in the UI language. */
export function useMoney(): (cents: number) => string {
  const me = useMe();
  const { i18n } = useTranslation();
  return (cents) => formatMoney(cents, me.business.currency, i18n.language);
}

/** A calendar day "YYYY-MM-DD" in the UI language: "Mar 10, 2026" / "2026年3月10日". */
export function useDay(): (ymd: string | null | undefined, style?: 'medium' | 'long' | 'short') => string {
  const { i18n } = useTranslation();
  return (ymd, style = 'medium') => {
    if (!ymd) return '';
    const [y, m, d] = ymd.slice(0, 10).split('-').map(Number);
    if (!y || !m || !d) return ymd;
    if (style === 'short')
      return new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
    return new Intl.DateTimeFormat(i18n.language, { dateStyle: style, timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
  };
}

export const STATUS_TONE: Record<PackageStatus, BadgeTone> = {
  active: 'success',
  frozen: 'info',
  expired: 'warning',
  refunded: 'neutral',
  voided: 'neutral',
};

/** Whole days from today (local) to a calendar day; negative when it is past. */
export function daysUntil(ymd: string, today: Date = new Date()): number {
  const [y, m, d] = ymd.split('-').map(Number);
  const target = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - now) / 86_400_000);
}

/** Today as "YYYY-MM-DD" in the browser's zone (the store's, on a salon's device), plus `days`. */
export function localDay(days = 0, from: Date = new Date()): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "12 months from purchase" / "Until Dec 31, 2026" / "No expiry". */
export function useValidityText(): (v: Validity) => string {
  const { t } = useTranslation();
  const day = useDay();
  return (v) =>
    v.kind === 'months'
      ? t('packages.validity.monthsText', { count: v.months })
      : v.kind === 'fixed'
        ? t('packages.validity.fixedText', { date: day(v.until) })
        : t('packages.validity.noneText');
}

export type ItemCount = { sessions: number; used: number; remaining: number };
export type SessionCount = { number: number; total: number; leftAfter: number };

/**
 * Which session a new use of an item is, with `taken` other uses waiting before it (lines of the same
 * ticket): "session 2 of 10 · 8 left after this". leftAfter below 0: no session left for it.
 */
export function sessionCount(item: ItemCount, taken = 0): SessionCount {
  return { number: item.used + taken + 1, total: item.sessions, leftAfter: item.remaining - taken - 1 };
}
