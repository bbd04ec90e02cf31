// The services an item covers: one (N sessions of it) or several (a pool usable on any of them).
import { useTranslation } from 'react-i18next';
import { Select } from '../../../../components/Input.js';
import { Icon } from '../../../../components/icons.js';
import { formatMoney } from '../../../catalog/money.js';
import type { AnyService, Category } from '../../../catalog/types.js';

export function ServicePicker({
  value,
  onChange,
  services,
  categories,
  currency,
  invalid,
  testId,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  services: AnyService[];
  categories: Category[];
  currency: string;
  invalid?: boolean;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const byId = new Map(services.map((s) => [s.id, s]));
  const available = services.filter((s) => !s.archived && !value.includes(s.id));
  const groups = [
    ...categories
      .filter((c) => !c.archived)
      .map((c) => ({ id: c.id, name: c.displayName, list: available.filter((s) => s.categoryId === c.id) })),
    {
      id: 'none',
      name: t('packages.editor.uncategorised'),
      list: available.filter((s) => !s.categoryId || !categories.some((c) => c.id === s.categoryId)),
    },
  ].filter((g) => g.list.length);
  return (
    <div className="space-y-2">
      {value.length ? (
        <ul className="flex flex-wrap gap-2" data-testid={`${testId}-chosen`}>
          {value.map((id) => {
            const s = byId.get(id);
            return (
              <li
                key={id}
                className="inline-flex items-center gap-1.5 rounded-full bg-orchid-50 py-1 pl-3 pr-1 text-sm text-orchid-900 ring-1 ring-orchid-200"
                data-testid={`${testId}-chip`}
              >
                <span>{s?.displayName ?? '…'}</span>
                {s ? <span className="text-xs text-orchid-700/70">{formatMoney(s.price, currency, i18n.language)}</span> : null}
                <button
                  type="button"
                  onClick={() => onChange(value.filter((x) => x !== id))}
                  className="rounded-full p-1 text-orchid-700 hover:bg-orchid-100"
                  aria-label={t('packages.editor.removeService', { name: s?.displayName ?? '' })}
                >
                  <Icon name="x" className="size-3.5" />
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <Select
        value=""
        invalid={invalid}
        onChange={(e) => e.target.value && onChange([...value, e.target.value])}
        data-testid={testId}
        aria-label={t('packages.editor.addService')}
      >
        <option value="">{value.length ? t('packages.editor.addToPool') : t('packages.editor.chooseService')}</option>
        {groups.map((g) => (
          <optgroup key={g.id} label={g.name}>
            {g.list.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName} · {formatMoney(s.price, currency, i18n.language)}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
      {value.length > 1 ? <p className="text-xs text-zinc-500">{t('packages.editor.poolHint')}</p> : null}
    </div>
  );
}
