import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Input, Select } from '../../../components/Input.js';
import { toKey } from '../errors.js';

const OTHER = '__other__';

/**
 * A short lowercase key (tax class, resource type) picked by its friendly name. "Other…" lets the
 * business type its own (e.g. ny_spa); what is typed ("Hair Wash") becomes a key ("hair_wash").
 */
export function KeySelect({
  value,
  onChange,
  choices,
  emptyLabel,
  testId,
  disabled,
}: {
  value: string;
  onChange: (value: string) => void;
  /** Known keys with their labels; include the keys the business already uses. */
  choices: Array<{ key: string; label: string }>;
  /** A first choice for "none" (value ""). */
  emptyLabel?: string;
  testId?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const customId = useId();
  const [custom, setCustom] = useState(() => !!value && !choices.some((c) => c.key === value));
  return (
    <div className="space-y-2">
      <Select
        data-testid={testId}
        disabled={disabled}
        value={custom ? OTHER : value}
        onChange={(e) => {
          if (e.target.value === OTHER) {
            setCustom(true);
            onChange('');
          } else {
            setCustom(false);
            onChange(e.target.value);
          }
        }}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {choices.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
        <option value={OTHER}>{t('catalog.keyOther')}</option>
      </Select>
      {custom ? (
        <Input
          id={customId}
          data-testid={testId ? `${testId}-custom` : undefined}
          aria-label={t('catalog.keyOtherLabel')}
          placeholder={t('catalog.keyOtherPlaceholder')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          disabled={disabled}
          maxLength={40}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => onChange(toKey(value))}
        />
      ) : null}
    </div>
  );
}
