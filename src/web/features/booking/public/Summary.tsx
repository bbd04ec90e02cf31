import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons.js';
import { hhmmFormatter } from '../../calendar/grid/CalendarGrid.js';
import type { Slot } from '../../calendar/types.js';
import { formatMoney } from '../../catalog/money.js';
import type { PublicStore } from '../types.js';
import { type AddOnPicks, totals } from './selection.js';

/** What is being booked so far: services, who, when, the price. */
export function Summary({
  store,
  serviceIds,
  picks,
  staffId,
  slot,
}: {
  store: PublicStore;
  serviceIds: string[];
  picks: AddOnPicks;
  staffId: string;
  slot: Slot | null;
}) {
  const { t, i18n } = useTranslation();
  const clock = hhmmFormatter(i18n.language);
  const services = serviceIds.map((id) => store.services.find((s) => s.id === id)).filter((s) => s !== undefined);
  const priceOf = (s: (typeof services)[number]) => s.staff.find((x) => x.staffId === staffId)?.price ?? s.price;
  const { price: total, minutes } = totals(store, serviceIds, picks, staffId);
  const money = (cents: number) => formatMoney(cents, store.currency, i18n.language);
  const staff = staffId === 'any' ? t('booking.anyone') : (store.staff.find((s) => s.id === staffId)?.displayName ?? '');
  const when = slot
    ? `${new Intl.DateTimeFormat(i18n.language, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${slot.date}T00:00:00Z`))} · ${clock(slot.startLocal)}`
    : null;
  return (
    <div className="space-y-3 rounded-2xl bg-white p-4 shadow-card ring-1 ring-zinc-200" data-testid="booking-summary">
      <ul className="space-y-1.5">
        {services.map((s) => (
          <li key={s.id} className="text-sm">
            <span className="flex justify-between gap-3">
              <span className="text-zinc-800">{s.name}</span>
              <span className="tabular-nums text-zinc-600">{money(priceOf(s))}</span>
            </span>
            {s.addOns
              .filter((a) => picks[s.id]?.includes(a.id))
              .map((a) => (
                <span key={a.id} className="flex justify-between gap-3 pl-3 text-zinc-500" data-testid="booking-summary-addon">
                  <span>+ {a.name}</span>
                  <span className="tabular-nums">{money(a.price)}</span>
                </span>
              ))}
          </li>
        ))}
      </ul>
      <div className="space-y-1 border-t border-zinc-100 pt-3 text-sm text-zinc-600">
        <p className="flex items-center gap-2">
          <Icon name="user" className="size-4 text-zinc-400" />
          {staff}
        </p>
        {when ? (
          <p className="flex items-center gap-2 font-medium text-zinc-900" data-testid="booking-summary-when">
            <Icon name="clock" className="size-4 text-zinc-400" />
            {when}
          </p>
        ) : null}
      </div>
      <p className="flex justify-between border-t border-zinc-100 pt-3 text-sm font-semibold text-zinc-900">
        <span>
          {t('booking.total')} <span className="font-normal text-zinc-500">· {t('booking.minutes', { count: minutes })}</span>
        </span>
        <span className="tabular-nums" data-testid="booking-summary-total">
          {money(total)}
        </span>
      </p>
    </div>
  );
}
