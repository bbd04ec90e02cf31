import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field.js';
import { Input } from '../../../components/Input.js';

/** The optional first and last day something applies (ISO dates; '' for open-ended). */
export function DateRangeFields({
  startsOn,
  endsOn,
  onStartsOn,
  onEndsOn,
  startsError,
  endsError,
  testIds,
}: {
  startsOn: string;
  endsOn: string;
  onStartsOn: (date: string) => void;
  onEndsOn: (date: string) => void;
  startsError?: string;
  endsError?: string;
  testIds?: { starts: string; ends: string };
}) {
  const { t } = useTranslation();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label={t('loyalty.from')} optional={t('common.optional')} error={startsError}>
        <Input type="date" value={startsOn} onChange={(e) => onStartsOn(e.target.value)} data-testid={testIds?.starts} />
      </Field>
      <Field label={t('loyalty.to')} optional={t('common.optional')} error={endsError}>
        <Input type="date" value={endsOn} onChange={(e) => onEndsOn(e.target.value)} data-testid={testIds?.ends} />
      </Field>
    </div>
  );
}
