import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../components/Input.js';
import { useMe } from '../../auth/session.js';
import { Segmented } from '../../balances/components/Segmented.js';

/** Every store (null) or some of them; `error` is shown under the picker. */
export function StorePicker({
  value,
  onChange,
  testId,
  error,
}: {
  value: string[] | null;
  onChange: (value: string[] | null) => void;
  testId?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const first = me.stores[0]?.id;
  return (
    <>
      <div className="space-y-3" data-testid={testId}>
        <Segmented
          label={t('loyalty.stores.label')}
          value={value === null ? 'all' : 'some'}
          onChange={(v) => onChange(v === 'all' ? null : first ? [first] : [])}
          options={[
            { value: 'all', label: t('loyalty.stores.all'), testId: testId ? `${testId}-all` : undefined },
            { value: 'some', label: t('loyalty.stores.some'), testId: testId ? `${testId}-some` : undefined },
          ]}
        />
        {value !== null ? (
          <div className="grid gap-2 sm:grid-cols-2">
            {me.stores.map((s) => (
              <Checkbox
                key={s.id}
                label={s.name}
                checked={value.includes(s.id)}
                onChange={(e) => onChange(e.target.checked ? [...value, s.id] : value.filter((x) => x !== s.id))}
              />
            ))}
          </div>
        ) : null}
      </div>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
