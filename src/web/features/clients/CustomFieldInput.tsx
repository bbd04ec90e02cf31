import { useTranslation } from 'react-i18next';
import { Checkbox, Input, Select } from '../../components/Input.js';
import { type CustomInput, optionLabel } from './customValues.js';
import type { CustomFieldDef } from './types.js';

/** The input for one custom field, by its type. Goes inside a Field (label, error). */
export function CustomFieldInput({
  def,
  value,
  onChange,
}: {
  def: CustomFieldDef;
  value: CustomInput | undefined;
  onChange: (next: CustomInput) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const text = typeof value === 'string' ? value : '';
  const testId = `client-custom-${def.key}`;
  switch (def.type) {
    case 'text':
      return <Input data-testid={testId} maxLength={2000} value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'number':
      return (
        <Input data-testid={testId} inputMode="decimal" value={text} onChange={(e) => onChange(e.target.value)} className="max-w-48" />
      );
    case 'date':
      return <Input data-testid={testId} type="date" value={text} onChange={(e) => onChange(e.target.value)} className="max-w-48" />;
    case 'yes_no':
      return (
        <Select data-testid={testId} value={text} onChange={(e) => onChange(e.target.value)} className="max-w-48">
          <option value="">{t('clients.form.notSet')}</option>
          <option value="yes">{t('clients.yes')}</option>
          <option value="no">{t('clients.no')}</option>
        </Select>
      );
    case 'choice':
      return (
        <Select data-testid={testId} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('clients.form.notSet')}</option>
          {def.options.map((o) => (
            <option key={o.value} value={o.value}>
              {optionLabel(o, lang)}
            </option>
          ))}
        </Select>
      );
    case 'multi_choice': {
      const list = Array.isArray(value) ? value : [];
      return (
        <div className="grid gap-2 rounded-lg p-3 ring-1 ring-inset ring-zinc-200 sm:grid-cols-2" data-testid={testId}>
          {def.options.map((o) => (
            <Checkbox
              key={o.value}
              label={optionLabel(o, lang)}
              checked={list.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...list, o.value] : list.filter((v) => v !== o.value))}
            />
          ))}
        </div>
      );
    }
  }
}
