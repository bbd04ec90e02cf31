// Services of the visit, in order, from the store's menu (grouped by category, searchable), with the
// add-ons that go with them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Input } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { formatMoney } from '../../catalog/money.js';
import type { AddOn, AnyService, Category } from '../../catalog/types.js';

export function ServicePicker({
  services,
  categories,
  addOns,
  selected,
  selectedAddOns,
  staffId,
  currency,
  onChange,
  onAddOns,
  error,
}: {
  services: AnyService[];
  categories: Category[];
  addOns: AddOn[];
  selected: string[];
  selectedAddOns: string[];
  staffId: string;
  currency: string;
  onChange: (ids: string[]) => void;
  onAddOns: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(selected.length === 0);
  const byId = new Map(services.map((s) => [s.id, s]));
  const money = (cents: number) => formatMoney(cents, currency, i18n.language);
  const canDo = (s: AnyService) => staffId === 'any' || s.staff.some((x) => x.staffId === staffId);
  const needle = q.trim().toLowerCase();
  const shown = services.filter((s) => !needle || s.displayName.toLowerCase().includes(needle) || s.name.toLowerCase().includes(needle));
  const groups = [
    ...categories.map((c) => ({ id: c.id, name: c.displayName, color: c.color, items: shown.filter((s) => s.categoryId === c.id) })),
    {
      id: 'none',
      name: t('calendar.book.otherServices'),
      color: null,
      items: shown.filter((s) => !s.categoryId || !categories.some((c) => c.id === s.categoryId)),
    },
  ].filter((g) => g.items.length > 0);
  const relevantAddOns = addOns.filter((a) => !a.archived && a.serviceIds.some((id) => selected.includes(id)));

  return (
    <div className="space-y-2">
      {selected.length > 0 ? (
        <ol className="divide-y divide-zinc-100 rounded-xl bg-white ring-1 ring-zinc-200" data-testid="booking-services-selected">
          {selected.map((id, i) => {
            const s = byId.get(id);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same service may be booked twice; its place in the visit is its identity
              <li key={`${id}-${i}`} className="flex items-center gap-3 px-3 py-2">
                <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-orchid-50 text-xs font-semibold text-orchid-700">
                  {i + 1}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium text-zinc-900">{s?.displayName ?? '…'}</span>
                  {s ? (
                    <span className="text-xs text-zinc-500">
                      {t('calendar.minutes', { count: s.durationMin })} · {money(s.price)}
                    </span>
                  ) : null}
                  {s && !canDo(s) ? <span className="block text-xs text-red-700">{t('calendar.book.staffCannot')}</span> : null}
                </span>
                <IconButton
                  icon="x"
                  size="sm"
                  label={t('calendar.book.removeService')}
                  onClick={() => onChange(selected.filter((_, j) => j !== i))}
                />
              </li>
            );
          })}
        </ol>
      ) : null}
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
      {relevantAddOns.length > 0 ? (
        <div className="rounded-xl bg-zinc-50 p-3 ring-1 ring-zinc-200" data-testid="booking-addons">
          <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('calendar.book.addOns')}</p>
          <div className="flex flex-wrap gap-2">
            {relevantAddOns.map((a) => {
              const on = selectedAddOns.includes(a.id);
              return (
                <button
                  key={a.id}
                  type="button"
                  aria-pressed={on}
                  onClick={() => onAddOns(on ? selectedAddOns.filter((x) => x !== a.id) : [...selectedAddOns, a.id])}
                  className={cx(
                    'inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-sm ring-1 ring-inset transition-colors',
                    on ? 'bg-orchid-700 text-white ring-orchid-700' : 'bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50',
                  )}
                >
                  {on ? <Icon name="check" className="size-3.5" /> : <Icon name="plus" className="size-3.5" />}
                  {a.displayName} · {money(a.price)}
                </button>
              );
            })}
          </div>
          <p className="mt-2 text-xs text-zinc-500">{t('calendar.book.addOnsHint')}</p>
        </div>
      ) : null}
      {open ? (
        <div className="rounded-xl ring-1 ring-zinc-200">
          <div className="border-b border-zinc-100 p-2">
            <div className="relative">
              <Icon name="search" className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
              <Input
                value={q}
                onChange={(e) => setQ(e.target.value)}
                placeholder={t('calendar.book.searchService')}
                className="h-9 pl-9"
                data-testid="booking-service-search"
              />
            </div>
          </div>
          <div className="max-h-72 overflow-y-auto p-1" data-testid="booking-service-list">
            {groups.map((g) => (
              <div key={g.id} className="py-1">
                <p className="flex items-center gap-2 px-2 pb-1 pt-1.5 text-xs font-semibold uppercase tracking-wide text-zinc-500">
                  <span className="size-2 rounded-full" style={{ background: g.color ?? '#a1a1aa' }} />
                  {g.name}
                </p>
                {g.items.map((s) => (
                  <button
                    key={s.id}
                    type="button"
                    disabled={!canDo(s)}
                    onClick={() => {
                      onChange([...selected, s.id]);
                      setQ('');
                      setOpen(false);
                    }}
                    data-testid="booking-service-option"
                    data-service={s.name}
                    className="flex w-full items-center gap-3 rounded-lg px-2 py-2 text-left hover:bg-orchid-50 disabled:cursor-not-allowed disabled:opacity-45 disabled:hover:bg-transparent"
                  >
                    <span className="min-w-0 flex-1">
                      <span className="block truncate text-sm font-medium text-zinc-900">{s.displayName}</span>
                      <span className="text-xs text-zinc-500">{t('calendar.minutes', { count: s.durationMin })}</span>
                    </span>
                    <span className="text-sm tabular-nums text-zinc-700">{money(s.price)}</span>
                  </button>
                ))}
              </div>
            ))}
            {groups.length === 0 ? <p className="px-3 py-4 text-sm text-zinc-500">{t('calendar.book.noService')}</p> : null}
          </div>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => setOpen(true)}
          data-testid="booking-add-service"
          className="flex w-full items-center justify-center gap-2 rounded-xl border border-dashed border-zinc-300 py-2.5 text-sm font-medium text-orchid-700 hover:bg-orchid-50"
        >
          <Icon name="plus" className="size-4" />
          {selected.length ? t('calendar.book.addAnother') : t('calendar.book.addService')}
        </button>
      )}
    </div>
  );
}
