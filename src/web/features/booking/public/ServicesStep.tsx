import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { Icon } from '../../../components/icons.js';
import { formatMoney } from '../../catalog/money.js';
import type { PublicStore } from '../types.js';

export function ServicesStep({ store, selected, onChange }: { store: PublicStore; selected: string[]; onChange: (ids: string[]) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="space-y-2" data-testid="public-services">
      {store.services.map((s) => {
        const on = selected.includes(s.id);
        const prices = [s.price, ...s.staff.map((x) => x.price ?? s.price)];
        const from = Math.min(...prices);
        return (
          <li key={s.id}>
            <button
              type="button"
              aria-pressed={on}
              onClick={() => onChange(on ? selected.filter((x) => x !== s.id) : [...selected, s.id])}
              data-testid="public-service"
              data-service={s.id}
              className={cx(
                'flex w-full items-center gap-3 rounded-2xl bg-white p-4 text-left shadow-card ring-1 transition-colors',
                on ? 'ring-2 ring-orchid-600' : 'ring-zinc-200 hover:ring-orchid-300',
              )}
            >
              <span className="min-w-0 flex-1">
                <span className="block font-medium text-zinc-900">{s.name}</span>
                <span className="text-sm text-zinc-500">{t('booking.minutes', { count: s.durationMin })}</span>
              </span>
              <span className="text-right text-sm tabular-nums text-zinc-800">
                {from < Math.max(...prices)
                  ? t('booking.fromPrice', { price: formatMoney(from, store.currency, i18n.language) })
                  : formatMoney(from, store.currency, i18n.language)}
              </span>
              <span
                className={cx(
                  'flex size-6 shrink-0 items-center justify-center rounded-full ring-1 ring-inset',
                  on ? 'bg-orchid-700 text-white ring-orchid-700' : 'text-transparent ring-zinc-300',
                )}
              >
                <Icon name="check" className="size-4" />
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
