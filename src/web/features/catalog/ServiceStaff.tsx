import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar.js';
import { cx } from '../../components/cx.js';
import { Field } from '../../components/Field.js';
import { Loading } from '../../components/Spinner.js';
import type { Staff } from '../../http/types.js';
import { staffQuery } from '../staff/api.js';
import { formatDuration } from './duration.js';
import { type CatalogErrors, useErrText } from './errors.js';
import { centsToInput, parseMoney } from './money.js';
import { DurationSelect } from './parts/DurationSelect.js';
import { FormSection } from './parts/FormSection.js';
import { MoneyInput } from './parts/MoneyInput.js';
import type { SetField } from './ServiceBasics.js';
import type { ServiceForm, StaffChoice } from './serviceForm.js';

/** Staff who can be given a service: active and working at a store (what the API accepts). */
export function assignable(list: Staff[] | undefined): Staff[] {
  return (list ?? []).filter((s) => s.active && s.storeIds.length > 0);
}

export const assignableStaffQuery = staffQuery({});

/** Who performs the service, each with an optional own price and duration. */
export function ServiceStaff({
  form,
  set,
  errors,
  currency,
}: {
  form: ServiceForm;
  set: SetField<ServiceForm>;
  errors: CatalogErrors;
  currency: string;
}) {
  const { t } = useTranslation();
  const err = useErrText();
  const list = useQuery(assignableStaffQuery);
  const people = assignable(list.data?.data);
  const choice = (id: string): StaffChoice => form.staff[id] ?? { on: false, price: '', durationMin: null };
  const update = (id: string, patch: Partial<StaffChoice>) => set('staff', { ...form.staff, [id]: { ...choice(id), ...patch } });
  const onCount = people.filter((p) => choice(p.id).on).length;
  const allOn = people.length > 0 && onCount === people.length;
  const toggleAll = () => set('staff', Object.fromEntries(people.map((p) => [p.id, { ...choice(p.id), on: !allOn }])));
  const basePrice = parseMoney(form.price);

  return (
    <FormSection
      title={t('catalog.service.sections.staff')}
      description={t('catalog.service.sections.staffHint')}
      testId="service-form-staff"
      aside={
        people.length > 1 ? (
          <button
            type="button"
            onClick={toggleAll}
            className="shrink-0 text-sm font-medium text-orchid-700 hover:text-orchid-900"
            data-testid="service-staff-all"
          >
            {allOn ? t('catalog.service.staffNone') : t('catalog.service.staffAll')}
          </button>
        ) : null
      }
    >
      {list.isPending ? (
        <Loading label={t('common.loading')} />
      ) : people.length === 0 ? (
        <p className="rounded-xl bg-zinc-50 p-4 text-sm text-zinc-500 ring-1 ring-inset ring-zinc-200">{t('catalog.service.staffEmpty')}</p>
      ) : (
        <div className="overflow-hidden rounded-xl ring-1 ring-zinc-200">
          <div className="hidden grid-cols-[1fr_9rem_11rem] gap-3 border-b border-zinc-200 bg-zinc-50/80 px-4 py-2 text-xs font-medium uppercase tracking-wide text-zinc-500 sm:grid">
            <span>{t('catalog.service.staffColumns.who', { count: onCount })}</span>
            <span>{t('catalog.service.staffColumns.price')}</span>
            <span>{t('catalog.service.staffColumns.duration')}</span>
          </div>
          <ul className="divide-y divide-zinc-100">
            {people.map((p) => {
              const c = choice(p.id);
              const priceErr = err(errors[`staff.${p.id}.price`]);
              const durErr = err(errors[`staff.${p.id}.durationMin`]);
              return (
                <li
                  key={p.id}
                  data-testid="service-staff-row"
                  data-staff-id={p.id}
                  className={cx('grid gap-3 px-4 py-3 sm:grid-cols-[1fr_9rem_11rem] sm:items-start', c.on ? 'bg-white' : 'bg-zinc-50/50')}
                >
                  <label className="flex min-w-0 cursor-pointer items-center gap-3 sm:h-10">
                    <input
                      type="checkbox"
                      className="size-4.5 shrink-0 cursor-pointer rounded border-zinc-300 accent-orchid-700"
                      checked={c.on}
                      onChange={(e) => update(p.id, { on: e.target.checked })}
                      data-testid="service-staff-check"
                    />
                    <Avatar name={p.displayName || p.name} seed={p.id} className="size-8 text-xs" />
                    <span className="min-w-0">
                      <span className={cx('block truncate text-sm font-medium', c.on ? 'text-zinc-900' : 'text-zinc-500')}>
                        {p.displayName || p.name}
                      </span>
                      <span className="block truncate text-xs text-zinc-500">{t(`roles.${p.role}`)}</span>
                    </span>
                  </label>
                  {c.on ? (
                    <>
                      <Field label={<span className="sm:sr-only">{t('catalog.service.staffColumns.price')}</span>} error={priceErr}>
                        <MoneyInput
                          data-testid="service-staff-price"
                          currency={currency}
                          value={c.price}
                          onChange={(v) => update(p.id, { price: v })}
                          placeholder={basePrice !== null ? centsToInput(basePrice) : t('catalog.service.staffDefault')}
                        />
                      </Field>
                      <Field label={<span className="sm:sr-only">{t('catalog.service.staffColumns.duration')}</span>} error={durErr}>
                        <DurationSelect
                          data-testid="service-staff-duration"
                          min={5}
                          max={600}
                          emptyLabel={t('catalog.service.staffDefaultDuration', { duration: formatDuration(form.durationMin, t) })}
                          value={c.durationMin}
                          onChange={(v) => update(p.id, { durationMin: v })}
                        />
                      </Field>
                    </>
                  ) : (
                    <p className="hidden text-sm text-zinc-400 sm:col-span-2 sm:flex sm:h-10 sm:items-center">
                      {t('catalog.service.staffOff')}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {errors.staff && !Object.keys(errors).some((k) => k.startsWith('staff.')) ? (
        <p className="text-sm text-red-700" role="alert">
          {err(errors.staff)}
        </p>
      ) : null}
    </FormSection>
  );
}
