// The menu: services under their categories; a chosen service opens its add-ons (each with its price and
// extra minutes) right below it, big enough to tap on a phone.
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { Icon } from '../../../components/icons.js';
import { formatMoney } from '../../catalog/money.js';
import type { PublicService, PublicStore } from '../types.js';
import { type AddOnPicks, menuGroups, toggleAddOn, toggleService } from './selection.js';

export function ServicesStep({
  store,
  selected,
  picks,
  onChange,
}: {
  store: PublicStore;
  selected: string[];
  picks: AddOnPicks;
  onChange: (next: { selected: string[]; picks: AddOnPicks }) => void;
}) {
  const groups = menuGroups(store);
  const titled = groups.length > 1 || groups[0]?.category !== null;
  return (
    <div className="space-y-5" data-testid="public-services">
      {groups.map((g) => (
        <section key={g.category?.id ?? 'other'} aria-label={g.category?.name}>
          {titled ? (
            <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-zinc-500" data-testid="public-category">
              {g.category?.name ?? <OtherTitle />}
            </h2>
          ) : null}
          <ul className="space-y-2">
            {g.services.map((s) => (
              <ServiceItem
                key={s.id}
                store={store}
                service={s}
                on={selected.includes(s.id)}
                picked={picks[s.id] ?? []}
                onToggle={() => onChange(toggleService(selected, picks, s.id))}
                onAddOn={(addOnId) => onChange({ selected, picks: toggleAddOn(picks, s.id, addOnId) })}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function OtherTitle() {
  const { t } = useTranslation();
  return <>{t('booking.otherServices')}</>;
}

function ServiceItem({
  store,
  service: s,
  on,
  picked,
  onToggle,
  onAddOn,
}: {
  store: PublicStore;
  service: PublicService;
  on: boolean;
  picked: readonly string[];
  onToggle: () => void;
  onAddOn: (addOnId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const money = (cents: number) => formatMoney(cents, store.currency, i18n.language);
  const prices = [s.price, ...s.staff.map((x) => x.price ?? s.price)];
  const from = Math.min(...prices);
  return (
    <li className={cx('rounded-2xl bg-white shadow-card ring-1 transition-colors', on ? 'ring-2 ring-orchid-600' : 'ring-zinc-200')}>
      <button
        type="button"
        aria-pressed={on}
        onClick={onToggle}
        data-testid="public-service"
        data-service={s.id}
        className={cx('flex w-full items-center gap-3 rounded-2xl p-4 text-left', !on && 'hover:bg-orchid-50/40')}
      >
        <span className="min-w-0 flex-1">
          <span className="block font-medium text-zinc-900">{s.name}</span>
          <span className="text-sm text-zinc-500">
            {t('booking.minutes', { count: s.durationMin })}
            {s.addOns.length && !on ? ` · ${t('booking.addOnsAvailable', { count: s.addOns.length })}` : ''}
          </span>
        </span>
        <span className="text-right text-sm tabular-nums text-zinc-800">
          {from < Math.max(...prices) ? t('booking.fromPrice', { price: money(from) }) : money(from)}
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
      {on && s.addOns.length ? (
        <fieldset className="border-t border-zinc-100 px-4 pb-4 pt-3" data-testid="public-addons">
          <legend className="sr-only">{t('booking.addOnsFor', { service: s.name })}</legend>
          <p className="mb-2 text-xs font-medium uppercase tracking-wide text-zinc-500" aria-hidden="true">
            {t('booking.addOnsTitle')}
          </p>
          <div className="flex flex-wrap gap-2">
            {s.addOns.map((a) => {
              const chosen = picked.includes(a.id);
              return (
                <button
                  key={a.id}
                  type="button"
                  aria-pressed={chosen}
                  onClick={() => onAddOn(a.id)}
                  data-testid="public-addon"
                  data-addon={a.id}
                  className={cx(
                    'inline-flex min-h-11 items-center gap-2 rounded-full px-3.5 py-2 text-sm ring-1 ring-inset transition-colors',
                    chosen ? 'bg-orchid-700 text-white ring-orchid-700' : 'bg-white text-zinc-800 ring-zinc-300 hover:ring-orchid-400',
                  )}
                >
                  <Icon name={chosen ? 'check' : 'plus'} className="size-4" />
                  <span>{a.name}</span>
                  <span className={cx('tabular-nums', chosen ? 'text-orchid-100' : 'text-zinc-500')}>
                    +{money(a.price)}
                    {a.extraMin ? ` · ${t('booking.minutes', { count: a.extraMin })}` : ''}
                  </span>
                </button>
              );
            })}
          </div>
        </fieldset>
      ) : null}
    </li>
  );
}
