import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { Field } from '../../components/Field.js';
import { Input, Select } from '../../components/Input.js';
import { useMe } from '../auth/session.js';
import { staffQuery } from '../staff/api.js';
import { type AuditFilters, EMPTY_FILTERS } from './api.js';

export function AuditFiltersBar({ filters, onChange }: { filters: AuditFilters; onChange: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const canReadStaff = me.permissions.includes('staff.read');
  const staff = useQuery({ ...staffQuery({ includeArchived: true }), enabled: canReadStaff });
  const set = <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) => onChange({ ...filters, [key]: value });
  const active = JSON.stringify(filters) !== JSON.stringify(EMPTY_FILTERS);
  // On a phone the filters fold away behind a button so the log itself is on screen.
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        icon="sliders"
        className="mb-3 md:hidden"
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        data-testid="audit-filters-toggle"
      >
        {t('audit.filters.title')}
        {active ? <span className="size-2 rounded-full bg-orchid-600" /> : null}
      </Button>
      <div
        className={cx(
          'mb-4 gap-3 rounded-xl bg-white p-4 shadow-card ring-1 ring-zinc-200 sm:grid-cols-2 md:grid lg:grid-cols-6',
          open ? 'grid' : 'hidden',
        )}
        data-testid="audit-filters"
      >
        {me.stores.length > 1 ? (
          <Field label={t('audit.filters.store')}>
            <Select data-testid="audit-filter-store" value={filters.storeId} onChange={(e) => set('storeId', e.target.value)}>
              <option value="">{t('common.allStores')}</option>
              {me.stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {canReadStaff ? (
          <Field label={t('audit.filters.actor')}>
            <Select data-testid="audit-filter-actor" value={filters.actorId} onChange={(e) => set('actorId', e.target.value)}>
              <option value="">{t('audit.filters.anyone')}</option>
              {(staff.data?.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field label={t('audit.filters.action')}>
          <Input
            data-testid="audit-filter-action"
            value={filters.action}
            placeholder={t('audit.filters.actionPlaceholder')}
            onChange={(e) => set('action', e.target.value)}
          />
        </Field>
        <Field label={t('audit.filters.entityType')}>
          <Input
            data-testid="audit-filter-entity"
            value={filters.entityType}
            placeholder={t('audit.filters.entityPlaceholder')}
            onChange={(e) => set('entityType', e.target.value)}
          />
        </Field>
        <Field label={t('audit.filters.from')}>
          <Input data-testid="audit-filter-from" type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} />
        </Field>
        <Field label={t('audit.filters.to')}>
          <Input data-testid="audit-filter-to" type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />
        </Field>
        {active ? (
          <div className="flex items-end sm:col-span-2 lg:col-span-6">
            <Button size="sm" variant="ghost" icon="x" onClick={() => onChange(EMPTY_FILTERS)} data-testid="audit-filter-clear">
              {t('audit.filters.clear')}
            </Button>
          </div>
        ) : null}
      </div>
    </>
  );
}
