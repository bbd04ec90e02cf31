// Days and free times, in the store's own time (labelled, and flagged when this device is elsewhere).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Icon } from '../../../components/icons.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { SlotPicker } from '../../calendar/book/SlotPicker.js';
import { addDays, browserZone, dateIn } from '../../calendar/time.js';
import type { Slot } from '../../calendar/types.js';
import { useZoneCity } from '../../calendar/useZoneCity.js';
import { publicAvailabilityQuery } from '../api.js';
import { DateStrip } from './DateStrip.js';

const WINDOW = 14;

export function TimeStep({
  slug,
  timeZone,
  horizonDays,
  serviceIds,
  addOnIds,
  staffId,
  staffNames,
  value,
  onChange,
  initialDate,
}: {
  /** The day to open on (defaults to the chosen slot's day, or today). */
  initialDate?: string;
  slug: string;
  timeZone: string;
  horizonDays: number;
  serviceIds: string[];
  /** Add-ons of those services: they lengthen the visit. */
  addOnIds?: string[];
  staffId: string;
  staffNames: Map<string, string>;
  value: Slot | null;
  onChange: (slot: Slot) => void;
}) {
  const { t } = useTranslation();
  const zoneCity = useZoneCity();
  const today = dateIn(timeZone);
  const last = addDays(today, Math.max(0, horizonDays));
  const start = value?.date ?? (initialDate && initialDate > today ? initialDate : today);
  const [from, setFrom] = useState(start);
  const to = [addDays(from, WINDOW - 1), last].sort()[0] ?? from;
  const [date, setDate] = useState(start);
  const q = useQuery(publicAvailabilityQuery({ slug, serviceIds, addOnIds: addOnIds ?? [], staffId, from, to }));
  const byDate = useMemo(() => {
    const map = new Map<string, Slot[]>();
    for (const s of q.data?.slots ?? []) map.set(s.date, [...(map.get(s.date) ?? []), s]);
    return map;
  }, [q.data]);
  const dates = Array.from({ length: Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1) }, (_, i) =>
    addDays(from, i),
  );
  const loaded = q.data && !q.isPlaceholderData;

  // Start on the first day that has a free time.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when a new window of times arrives
  useEffect(() => {
    if (!loaded) return;
    if (!byDate.has(date)) {
      const first = dates.find((d) => byDate.has(d));
      if (first) setDate(first);
    }
  }, [loaded, byDate]);

  const foreign = browserZone() !== timeZone;
  return (
    <div className="space-y-4">
      <p
        className={`flex items-start gap-2 rounded-xl px-3 py-2 text-sm ${foreign ? 'bg-amber-50 text-amber-900 ring-1 ring-amber-200' : 'text-zinc-500'}`}
        data-testid="public-zone"
      >
        <Icon name="globe" className="mt-0.5 size-4 shrink-0" />
        {foreign ? t('booking.zoneForeign', { city: zoneCity(timeZone) }) : t('booking.zoneLocal', { city: zoneCity(timeZone) })}
      </p>
      <DateStrip dates={dates} value={date} available={loaded ? new Set(byDate.keys()) : undefined} onChange={setDate} />
      <div className="flex justify-between">
        <Button
          size="sm"
          variant="ghost"
          icon="chevronLeft"
          disabled={from <= today}
          onClick={() => setFrom([addDays(from, -WINDOW), today].sort().reverse()[0] ?? today)}
        >
          {t('booking.earlier')}
        </Button>
        <Button size="sm" variant="ghost" disabled={to >= last} onClick={() => setFrom(addDays(from, WINDOW))} data-testid="public-later">
          {t('booking.later')}
          <Icon name="chevronRight" className="size-4" />
        </Button>
      </div>
      {q.error ? (
        <ProblemAlert error={q.error} />
      ) : (
        <SlotPicker
          slots={byDate.get(date) ?? []}
          value={value?.date === date ? value.startLocal : undefined}
          staffNames={staffNames}
          showStaff={false}
          loading={q.isFetching}
          onPick={onChange}
          testId="public-slots"
        />
      )}
    </div>
  );
}
