// Counting the drawer: one row per bill and coin with a stepper; the total updates as you count.
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../http/types.js';
import { formatMoney } from '../catalog/money.js';
import { DENOMINATIONS, isCoin } from './denominations.js';
import type { DenominationCounts } from './types.js';

export function DenominationCounter({
  currency,
  counts,
  onChange,
}: {
  currency: Currency;
  counts: DenominationCounts;
  onChange: (counts: DenominationCounts) => void;
}) {
  const { t, i18n } = useTranslation();
  const money = (c: number) => formatMoney(c, currency, i18n.language);
  const set = (d: number, n: number) => onChange({ ...counts, [String(d)]: Math.max(0, Math.min(100_000, n)) });
  const group = (coins: boolean) => DENOMINATIONS[currency].filter((d) => isCoin(d, currency) === coins);
  return (
    <div className="grid gap-4 sm:grid-cols-2" data-testid="denomination-counter">
      {[false, true].map((coins) => (
        <fieldset key={String(coins)} className="space-y-1.5">
          <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">
            {coins ? t('shifts.count.coins') : t('shifts.count.bills')}
          </legend>
          {group(coins).map((d) => {
            const n = counts[String(d)] ?? 0;
            return (
              <div key={d} className="flex items-center gap-2" data-testid="denomination" data-cents={d}>
                <span className="w-16 text-sm font-medium tabular-nums text-zinc-800">{money(d)}</span>
                <button
                  type="button"
                  className="flex size-9 items-center justify-center rounded-lg bg-zinc-100 text-lg text-zinc-700 hover:bg-zinc-200 disabled:opacity-30"
                  onClick={() => set(d, n - 1)}
                  disabled={n <= 0}
                  aria-label={t('shifts.count.less', { value: money(d) })}
                >
                  −
                </button>
                <input
                  value={n || ''}
                  onChange={(e) => set(d, Number(e.target.value.replace(/\D/g, '')) || 0)}
                  inputMode="numeric"
                  placeholder="0"
                  aria-label={t('shifts.count.howMany', { value: money(d) })}
                  data-testid="denomination-count"
                  className="h-9 w-16 rounded-lg border-0 text-center text-[15px] tabular-nums ring-1 ring-inset ring-zinc-300 focus:outline-none focus:ring-2 focus:ring-orchid-600"
                />
                <button
                  type="button"
                  className="flex size-9 items-center justify-center rounded-lg bg-zinc-100 text-lg text-zinc-700 hover:bg-zinc-200"
                  onClick={() => set(d, n + 1)}
                  aria-label={t('shifts.count.more', { value: money(d) })}
                >
                  +
                </button>
                <span className="ml-auto text-sm tabular-nums text-zinc-500">{n ? money(d * n) : ''}</span>
              </div>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
