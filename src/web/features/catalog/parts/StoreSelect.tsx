import { useTranslation } from 'react-i18next';
import { Select } from '../../../components/Input.js';
import { useMe } from '../../auth/session.js';

/** Head office (the catalog as HQ defines it) or one store (as that store sells it). */
export function StoreSelect({
  value,
  onChange,
  allowHq = true,
  testId,
  className,
}: {
  value: string;
  onChange: (storeId: string) => void;
  allowHq?: boolean;
  testId?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Select
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-label={t('catalog.storeView.label')}
      data-testid={testId}
      className={className ?? 'w-full sm:w-56'}
    >
      {allowHq ? <option value="">{t('catalog.storeView.hq')}</option> : null}
      {me.stores.map((s) => (
        <option key={s.id} value={s.id}>
          {allowHq ? t('catalog.storeView.at', { store: s.name }) : s.name}
        </option>
      ))}
    </Select>
  );
}
