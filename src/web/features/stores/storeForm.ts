// The store edit form: state, checks and the PATCH body.
import type { Shift, SpecialDate, Store, WeeklyHours } from '../../http/types.js';
import { WEEKDAYS } from '../../http/types.js';
import { normalizeWeek, sortShifts, validateShifts } from '../../lib/hours.js';
import { normalizeTimeZone } from '../../lib/timezones.js';
import type { FormErrors, ValidationKey } from '../../lib/validation.js';

export interface StoreForm {
  name: string;
  address: string;
  phone: string;
  timeZone: string;
  hours: WeeklyHours;
  specialDates: SpecialDate[];
}

export function toStoreForm(store: Store): StoreForm {
  return {
    name: store.name,
    address: store.address ?? '',
    phone: store.phone ?? '',
    timeZone: store.timeZone,
    hours: normalizeWeek(store.hours),
    specialDates: (store.specialDates ?? []).map((d) => ({ ...d, hours: [...d.hours] })),
  };
}

const shiftKey: Record<'format' | 'order' | 'overlap', ValidationKey> = {
  format: 'shiftFormat',
  order: 'shiftOrder',
  overlap: 'shiftOverlap',
};

function checkShifts(errors: FormErrors, base: string, shifts: readonly Shift[]): void {
  for (const [index, problem] of validateShifts(shifts)) errors[`${base}.${index}`] = { key: shiftKey[problem] };
}

/** Errors keyed like the server's paths: "name", "hours.mon.1", "specialDates.0.date". */
export function validateStore(form: StoreForm): FormErrors {
  const errors: FormErrors = {};
  if (!form.name.trim()) errors.name = { key: 'required' };
  if (!normalizeTimeZone(form.timeZone)) errors.timeZone = { key: 'timeZone' };
  for (const day of WEEKDAYS) checkShifts(errors, `hours.${day}`, form.hours[day]);
  const seen = new Set<string>();
  form.specialDates.forEach((special, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(special.date)) errors[`specialDates.${i}.date`] = { key: 'date' };
    else if (seen.has(special.date)) errors[`specialDates.${i}.date`] = { key: 'duplicateDate' };
    seen.add(special.date);
    if (!special.closed && special.hours.length === 0) errors[`specialDates.${i}.hours`] = { key: 'specialHours' };
    if (!special.closed) checkShifts(errors, `specialDates.${i}.hours`, special.hours);
  });
  return errors;
}

export function toStoreBody(form: StoreForm, version: number) {
  const hours = normalizeWeek(form.hours);
  for (const day of WEEKDAYS) hours[day] = sortShifts(hours[day]);
  return {
    name: form.name.trim(),
    // The API takes a string here (empty clears it), not null.
    address: form.address.trim(),
    phone: form.phone.trim(),
    timeZone: normalizeTimeZone(form.timeZone) ?? form.timeZone,
    hours,
    specialDates: [...form.specialDates]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((d) => ({
        date: d.date,
        closed: d.closed,
        hours: d.closed ? [] : sortShifts(d.hours),
        ...(d.note?.trim() ? { note: d.note.trim() } : {}),
      })),
    version,
  };
}
