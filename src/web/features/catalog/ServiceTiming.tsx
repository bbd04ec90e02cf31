import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import { Switch } from '../../components/Input.js';
import { type CatalogErrors, useErrText } from './errors.js';
import { DurationSelect } from './parts/DurationSelect.js';
import { FormSection } from './parts/FormSection.js';
import { TimelineBar } from './parts/TimelineBar.js';
import type { SetField } from './ServiceBasics.js';
import { type ServiceForm, timingOf } from './serviceForm.js';

/** Duration, buffers and the processing gap, with the timeline bar. */
export function ServiceTiming({ form, set, errors }: { form: ServiceForm; set: SetField<ServiceForm>; errors: CatalogErrors }) {
  const { t } = useTranslation();
  const err = useErrText();
  const none = t('catalog.service.noBuffer');
  return (
    <FormSection title={t('catalog.service.sections.timing')} description={t('catalog.service.sections.timingHint')}>
      <div className="grid gap-5 sm:grid-cols-3">
        <Field label={t('catalog.service.bufferBefore')} error={err(errors.bufferBeforeMin)}>
          <DurationSelect
            data-testid="service-form-buffer-before"
            min={0}
            max={120}
            zeroLabel={none}
            value={form.bufferBeforeMin}
            onChange={(v) => set('bufferBeforeMin', v ?? 0)}
          />
        </Field>
        <Field label={t('catalog.service.duration')} error={err(errors.durationMin)}>
          <DurationSelect
            data-testid="service-form-duration"
            min={5}
            max={600}
            value={form.durationMin}
            onChange={(v) => set('durationMin', v ?? 30)}
          />
        </Field>
        <Field label={t('catalog.service.bufferAfter')} error={err(errors.bufferAfterMin)}>
          <DurationSelect
            data-testid="service-form-buffer-after"
            min={0}
            max={120}
            zeroLabel={none}
            value={form.bufferAfterMin}
            onChange={(v) => set('bufferAfterMin', v ?? 0)}
          />
        </Field>
      </div>
      <div className="space-y-4 rounded-xl bg-zinc-50 p-4 ring-1 ring-inset ring-zinc-200">
        <div>
          <Switch
            checked={form.hasGap}
            onChange={(on) => set('hasGap', on)}
            label={t('catalog.service.gap')}
            data-testid="service-form-gap"
          />
          <p className="mt-1 pl-12.5 text-sm text-zinc-500">{t('catalog.service.gapHint')}</p>
        </div>
        {form.hasGap ? (
          <div className="grid gap-5 sm:grid-cols-2">
            <Field label={t('catalog.service.gapStart')} error={err(errors.processingStartMin)}>
              <DurationSelect
                data-testid="service-form-gap-start"
                min={0}
                max={Math.max(0, form.durationMin - 5)}
                zeroLabel={t('catalog.service.gapAtStart')}
                value={form.processingStartMin}
                onChange={(v) => set('processingStartMin', v ?? 0)}
              />
            </Field>
            <Field label={t('catalog.service.gapLength')} error={err(errors.processingMin)}>
              <DurationSelect
                data-testid="service-form-gap-length"
                min={5}
                max={Math.max(5, form.durationMin - form.processingStartMin)}
                value={form.processingMin}
                onChange={(v) => set('processingMin', v ?? 5)}
              />
            </Field>
          </div>
        ) : null}
      </div>
      <TimelineBar timing={timingOf(form)} color={form.color} />
    </FormSection>
  );
}
