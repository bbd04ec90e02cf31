// The filters every balance report shares: one store (the server limits a manager to hers anyway), and a
// period — an "as of" day for what was outstanding, or from/to days for movements. Days are the browser's
// local days, sent as instants with an offset.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field.js';
import { Input, Select } from '../../../components/Input.js';
import { useMe } from '../../auth/session.js';
import type { ReportParams } from '../api.js';

/** A date input's day as the instant of its local midnight. */
export const startOfDay = (ymd: string) => (ymd ? new Date(`${ymd}T00:00:00`).toISOString() : undefined);
/** The instant the day after `ymd` starts (an inclusive "to" day, and "as of the end of" a day). */
export const endOfDay = (ymd: string) => {
  if (!ymd) return undefined;
  const d = new Date(`${ymd}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
};

export type ReportFilterState = { storeId: string; from: string; to: string; asOf: string };

/** Filter state and the query it makes; `kinds` says which dates the report takes. */
export function useReportFilters(): [ReportFilterState, (next: Partial<ReportFilterState>) => void, ReportParams] {
  const [state, setState] = useState<ReportFilterState>({ storeId: '', from: '', to: '', asOf: '' });
  const params: ReportParams = {
    storeId: state.storeId || undefined,
    from: startOfDay(state.from),
    to: endOfDay(state.to),
    asOf: endOfDay(state.asOf),
  };
  return [state, (next) => setState((s) => ({ ...s, ...next })), params];
}

export function ReportFilters({
  state,
  onChange,
  dates,
}: {
  state: ReportFilterState;
  onChange: (next: Partial<ReportFilterState>) => void;
  /** asOf: an "as of" day (liability); range: from/to days (movements); both. */
  dates: 'asOf' | 'range' | 'both';
}) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div className="flex flex-wrap gap-3" data-testid="report-filters">
      {me.stores.length > 1 ? (
        <Field label={t('balances.reports.store')} className="w-52">
          <Select value={state.storeId} onChange={(e) => onChange({ storeId: e.target.value })} data-testid="report-store">
            <option value="">{t('balances.reports.allMyStores')}</option>
            {me.stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {dates !== 'range' ? (
        <Field label={t('balances.reports.asOf')} hint={t('balances.reports.asOfHint')} className="w-44">
          <Input type="date" value={state.asOf} onChange={(e) => onChange({ asOf: e.target.value })} data-testid="report-as-of" />
        </Field>
      ) : null}
      {dates !== 'asOf' ? (
        <>
          <Field label={t('balances.reports.from')} className="w-44">
            <Input type="date" value={state.from} onChange={(e) => onChange({ from: e.target.value })} data-testid="report-from" />
          </Field>
          <Field label={t('balances.reports.to')} className="w-44">
            <Input type="date" value={state.to} onChange={(e) => onChange({ to: e.target.value })} data-testid="report-to" />
          </Field>
        </>
      ) : null}
    </div>
  );
}
