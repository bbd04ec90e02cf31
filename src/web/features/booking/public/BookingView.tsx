// A booking as the client sees it: when, where, what, with whom, the price.
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons.js';
import { hhmmFormatter } from '../../calendar/grid/CalendarGrid.js';
import { useZoneCity } from '../../calendar/useZoneCity.js';
import { formatMoney } from '../../catalog/money.js';
import type { PublicBooking } from '../types.js';

export function BookingView({ booking: b }: { booking: PublicBooking }) {
  const { t, i18n } = useTranslation();
  const zoneCity = useZoneCity();
  const clock = hhmmFormatter(i18n.language);
  const day = new Intl.DateTimeFormat(i18n.language, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${b.date}T00:00:00Z`));
  return (
    <div className="space-y-4 rounded-2xl bg-white p-5 shadow-card ring-1 ring-zinc-200" data-testid="public-booking-view">
      <div>
        <p className="text-lg font-semibold text-zinc-900" data-testid="public-booking-when">
          {day} · {clock(b.startLocal)}
        </p>
        <p className="mt-0.5 flex items-center gap-1.5 text-sm text-zinc-500">
          <Icon name="globe" className="size-4" />
          {t('booking.zoneLocal', { city: zoneCity(b.timeZone) })}
        </p>
      </div>
      <ul className="divide-y divide-zinc-100 border-y border-zinc-100">
        {b.services.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a visit may hold the same service twice; the list never reorders
          <li key={`${s.serviceId}-${i}`} className="flex items-start justify-between gap-3 py-2.5 text-sm">
            <span>
              <span className="block font-medium text-zinc-900">{s.name}</span>
              <span className="text-zinc-500">
                {clock(s.start.slice(11, 16))}–{clock(s.end.slice(11, 16))}
                {s.staffName ? ` · ${s.staffName}` : ''}
              </span>
              {(s.addOns ?? []).map((a) => (
                <span key={a.id} className="block text-zinc-500" data-testid="public-booking-addon">
                  + {a.name} ({formatMoney(a.price, b.currency, i18n.language)})
                </span>
              ))}
            </span>
            <span className="tabular-nums text-zinc-700">{formatMoney(s.price, b.currency, i18n.language)}</span>
          </li>
        ))}
      </ul>
      <p className="flex justify-between text-sm font-semibold text-zinc-900">
        <span>{t('booking.total')}</span>
        <span className="tabular-nums">{formatMoney(b.total, b.currency, i18n.language)}</span>
      </p>
      <div className="space-y-1 text-sm text-zinc-600">
        <p className="flex items-center gap-2 font-medium text-zinc-900">
          <Icon name="store" className="size-4 text-zinc-400" />
          {b.store.name}
        </p>
        {b.store.address ? (
          <p className="flex items-center gap-2">
            <Icon name="mapPin" className="size-4 text-zinc-400" />
            {b.store.address}
          </p>
        ) : null}
        {b.store.phone ? (
          <a href={`tel:${b.store.phone}`} className="flex items-center gap-2 hover:text-orchid-700">
            <Icon name="phone" className="size-4 text-zinc-400" />
            {b.store.phone}
          </a>
        ) : null}
      </div>
    </div>
  );
}
