import { describe, expect, it } from 'vitest';
import type { PublicService } from '../types.js';
import { bookingLines, menuGroups, pickedAddOnIds, toggleAddOn, toggleService, totals } from './selection.js';

const svc = (over: Partial<PublicService>): PublicService => ({
  id: 'mani',
  name: 'Manicure',
  categoryId: 'nails',
  durationMin: 60,
  price: 3500,
  staff: [{ staffId: 'amy', price: 4000, durationMin: 45 }],
  addOns: [
    { id: 'paraffin', name: 'Paraffin', price: 1000, extraMin: 15 },
    { id: 'art', name: 'Nail art', price: 500, extraMin: 10 },
  ],
  ...over,
});

const store = {
  categories: [
    { id: 'face', name: 'Face', color: null },
    { id: 'nails', name: 'Nails', color: null },
  ],
  services: [
    svc({}),
    svc({ id: 'pedi', name: 'Pedicure', price: 4500, staff: [], addOns: [{ id: 'scrub', name: 'Scrub', price: 800, extraMin: 10 }] }),
    svc({ id: 'brow', name: 'Brows', categoryId: null, durationMin: 15, price: 1500, staff: [], addOns: [] }),
  ],
};

describe('the booking page’s choices', () => {
  it('groups services by category in menu order, empty categories out, the rest last', () => {
    expect(menuGroups(store).map((g) => [g.category?.name ?? null, g.services.map((s) => s.id)])).toEqual([
      ['Nails', ['mani', 'pedi']],
      [null, ['brow']],
    ]);
  });

  it('drops a service’s add-ons with it, and keeps the others in the order services were picked', () => {
    let state = toggleService([], {}, 'pedi');
    state = toggleService(state.selected, state.picks, 'mani');
    let picks = toggleAddOn(state.picks, 'mani', 'paraffin');
    picks = toggleAddOn(picks, 'pedi', 'scrub');
    picks = toggleAddOn(picks, 'mani', 'art');
    picks = toggleAddOn(picks, 'mani', 'art');
    expect(pickedAddOnIds(state.selected, picks)).toEqual(['scrub', 'paraffin']);
    const off = toggleService(state.selected, picks, 'pedi');
    expect(off).toEqual({ selected: ['mani'], picks: { mani: ['paraffin'] } });
  });

  it('books the first service at the chosen time and the rest after it, each with its add-ons', () => {
    expect(bookingLines(['mani', 'pedi'], { mani: ['paraffin'], pedi: [] }, 'any', { date: '2026-12-01', startLocal: '10:00' })).toEqual([
      { serviceId: 'mani', staffId: 'any', date: '2026-12-01', startLocal: '10:00', addOnIds: ['paraffin'] },
      { serviceId: 'pedi', staffId: 'any' },
    ]);
  });

  it('adds add-on prices and minutes to the technician’s own terms', () => {
    expect(totals(store, ['mani', 'pedi'], { mani: ['paraffin'] }, 'any')).toEqual({ price: 3500 + 1000 + 4500, minutes: 60 + 15 + 60 });
    expect(totals(store, ['mani'], { mani: ['paraffin', 'art'] }, 'amy')).toEqual({ price: 4000 + 1500, minutes: 45 + 25 });
  });
});
