import { useEffect, useState } from 'react';
import type { ViewPrefs } from './CalendarToolbar.js';

const KEY = 'orchid.calendarPrefs';
const DEFAULTS: ViewPrefs = { colorBy: 'status', showCancelled: false, allStaff: false };

/** How this terminal likes its calendar (colours, cancelled visits, all staff), kept on the device. */
export function useViewPrefs(): [ViewPrefs, (p: ViewPrefs) => void] {
  const [prefs, setPrefs] = useState<ViewPrefs>(() => {
    try {
      return { ...DEFAULTS, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<ViewPrefs>) };
    } catch {
      return DEFAULTS;
    }
  });
  useEffect(() => {
    try {
      localStorage.setItem(KEY, JSON.stringify(prefs));
    } catch {
      // storage unavailable
    }
  }, [prefs]);
  return [prefs, setPrefs];
}

/** True on screens at least `px` wide (re-evaluated on resize). */
export function useWide(px = 768): boolean {
  const query = `(min-width: ${px}px)`;
  const [wide, setWide] = useState(() => typeof window === 'undefined' || window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const on = () => setWide(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, [query]);
  return wide;
}
