// The free starts of a day as buttons, grouped morning / afternoon / evening, store-local.
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { Spinner } from '../../../components/Spinner.js';
import { hhmmFormatter } from '../grid/CalendarGrid.js';
import { toMinutes } from '../time.js';
import type { Slot } from '../types.js';

const PARTS = [
  { key: 'morning', until: 12 * 60 },
  { key: 'afternoon', until: 17 * 60 },
  { key: 'evening', until: 24 * 60 + 1 },
] as const;

/** The slot nearest a wanted 'HH:mm'. */
export function nearest(slots: readonly Slot[], wanted: string | undefined): Slot | undefined {
  if (!wanted || slots.length === 0) return undefined;
  const w = toMinutes(wanted);
  return slots.reduce((a, b) => (Math.abs(toMinutes(b.startLocal) - w) < Math.abs(toMinutes(a.startLocal) - w) ? b : a));
}

export function SlotPicker({
  slots,
  value,
  staffNames,
  showStaff,
  loading,
  onPick,
  testId = 'booking-slots',
}: {
  slots: Slot[];
  value: string | undefined;
  staffNames: Map<string, string>;
  showStaff: boolean;
  loading: boolean;
  onPick: (slot: Slot) => void;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const clock = hhmmFormatter(i18n.language);
  if (loading && slots.length === 0) {
    return (
      <div className="flex items-center gap-2 py-4 text-sm text-zinc-500">
        <Spinner className="size-4" />
        {t('calendar.book.findingTimes')}
      </div>
    );
  }
  if (slots.length === 0) {
    return (
      <p className="rounded-xl bg-zinc-50 px-4 py-3 text-sm text-zinc-600 ring-1 ring-zinc-200" data-testid={`${testId}-none`}>
        {t('calendar.book.noTimes')}
      </p>
    );
  }
  let from = 0;
  return (
    <div className={cx('space-y-3', loading && 'opacity-60')} data-testid={testId}>
      {PARTS.map((part) => {
        const items = slots.filter((s) => toMinutes(s.startLocal) >= from && toMinutes(s.startLocal) < part.until);
        from = part.until;
        if (items.length === 0) return null;
        return (
          <div key={part.key}>
            <p className="mb-1.5 text-xs font-medium text-zinc-500">{t(`calendar.book.${part.key}`)}</p>
            <div className="grid grid-cols-[repeat(auto-fill,minmax(5.5rem,1fr))] gap-1.5">
              {items.map((s) => {
                const on = s.startLocal === value;
                const staff = [...new Set(s.lines.map((l) => staffNames.get(l.staffId) ?? ''))].filter(Boolean).join(', ');
                return (
                  <button
                    key={s.start}
                    type="button"
                    aria-pressed={on}
                    onClick={() => onPick(s)}
                    data-testid="slot"
                    data-time={s.startLocal}
                    title={staff}
                    className={cx(
                      'flex flex-col items-center rounded-lg px-2 py-1.5 text-sm font-medium tabular-nums ring-1 ring-inset transition-colors',
                      on
                        ? 'bg-orchid-700 text-white ring-orchid-700'
                        : 'bg-white text-zinc-800 ring-zinc-300 hover:bg-orchid-50 hover:ring-orchid-300',
                    )}
                  >
                    {clock(s.startLocal)}
                    {showStaff && staff ? (
                      <span className={cx('max-w-full truncate text-[11px] font-normal', on ? 'text-orchid-100' : 'text-zinc-500')}>
                        {staff}
                      </span>
                    ) : null}
                  </button>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}
