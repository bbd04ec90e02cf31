import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field.js';
import { Input } from '../../../components/Input.js';

/** Every manager's change to a package says why (it goes in the audit log). */
export function ReasonField({
  value,
  onChange,
  error,
  testId,
  placeholder,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  testId: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t('packages.reason.label')} hint={t('packages.reason.hint')} error={error}>
      <Input value={value} onChange={(e) => onChange(e.target.value)} maxLength={200} placeholder={placeholder} data-testid={testId} />
    </Field>
  );
}
