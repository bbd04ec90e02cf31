// The visit: which service, at which store, by which technician, when.
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field.js';
import { Input, Select } from '../../../components/Input.js';
import { useMe } from '../../auth/session.js';
import type { AnyService } from '../../catalog/types.js';
import { StaffChooser } from '../../packages/parts/StaffChooser.js';
import { RecordSection } from './RecordSection.js';
import type { RecordForm } from './recordForm.js';

export function VisitSection({
  form,
  set,
  errText,
  services,
  serviceFixed,
  storeFixed,
  storeId,
}: {
  form: RecordForm;
  set: (patch: Partial<RecordForm>) => void;
  errText: Record<string, string | undefined>;
  services: AnyService[];
  serviceFixed: boolean;
  storeFixed: boolean;
  storeId: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <RecordSection title={t('treatments.form.visit')} testId="record-visit">
      {serviceFixed ? null : (
        <Field label={t('treatments.form.service')} error={errText.serviceId}>
          <Select
            value={form.serviceId}
            onChange={(e) => set({ serviceId: e.target.value, metrics: {} })}
            className="[&_select]:h-12 [&_select]:text-base"
            data-testid="record-service"
          >
            <option value="">{t('treatments.form.chooseService')}</option>
            {services
              .filter((s) => !s.archived)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName}
                </option>
              ))}
          </Select>
        </Field>
      )}
      {!storeFixed && me.stores.length > 1 ? (
        <Field label={t('treatments.form.store')}>
          <Select
            value={form.storeId}
            onChange={(e) => set({ storeId: e.target.value })}
            className="[&_select]:h-12 [&_select]:text-base"
            data-testid="record-store"
          >
            {me.stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="text-[15px] font-semibold text-zinc-900">{t('treatments.form.technician')}</legend>
        <StaffChooser
          storeId={storeId}
          value={form.staffId}
          onChange={(staffId) => set({ staffId })}
          large
          testId="record-staff"
          invalid={!!errText.staffId}
        />
        {errText.staffId ? <p className="text-sm text-red-700">{errText.staffId}</p> : null}
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <Field label={t('treatments.form.started')} error={errText.startedAt}>
          <Input
            type="datetime-local"
            value={form.startedAt}
            onChange={(e) => set({ startedAt: e.target.value })}
            className="h-12 w-60 text-base"
            data-testid="record-started"
          />
        </Field>
        <Field label={t('treatments.form.ended')} optional={t('common.optional')} error={errText.endedAt}>
          <Input
            type="time"
            value={form.endedAt}
            onChange={(e) => set({ endedAt: e.target.value })}
            className="h-12 w-36 text-base"
            data-testid="record-ended"
          />
        </Field>
      </div>
    </RecordSection>
  );
}
