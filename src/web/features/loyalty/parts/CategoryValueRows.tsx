// One row per service category with a number for it (a tier's category discount, a category's points per
// dollar): the category picker offers only the categories not used yet; add and remove buttons.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../../components/Button.js';
import { Select } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { categoriesQuery } from '../../catalog/api.js';
import { IntInput } from './IntInput.js';

export function CategoryValueRows<R extends { categoryId: string }>({
  title,
  error,
  rows,
  onChange,
  value,
  withValue,
  newRow,
  suffix,
  addLabel,
  invalid,
  testId,
}: {
  /** Heading shown above the rows while there are any. */
  title: string;
  /** Shown under the rows, like a Field's error (`${testId}-error`). */
  error?: string | undefined;
  rows: R[];
  onChange: (rows: R[]) => void;
  value: (row: R) => number | null;
  withValue: (row: R, value: number | null) => R;
  newRow: (categoryId: string) => R;
  suffix: string;
  addLabel: string;
  /** A row whose value cannot be saved (shown in red). */
  invalid?: (row: R) => boolean;
  /** `${testId}-value-${i}` on each row's number, `${testId}-add` on the add button, `${testId}-error` on the error. */
  testId?: string;
}) {
  const { t } = useTranslation();
  const categories = useQuery(categoriesQuery());
  const list = categories.data ?? [];
  const free = list.filter((c) => !rows.some((r) => r.categoryId === c.id));
  const replace = (i: number, row: R) => onChange(rows.map((x, j) => (j === i ? row : x)));
  return (
    <div className="space-y-2">
      {rows.length > 0 ? <p className="text-sm font-medium text-zinc-800">{title}</p> : null}
      {rows.map((r, i) => (
        // By position, not by category: changing a row's category must not rebuild it (focus would be lost);
        // every input in it is controlled, so nothing is left behind when a row is removed.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={i} className="flex items-center gap-2">
          <Select
            value={r.categoryId}
            onChange={(e) => replace(i, { ...r, categoryId: e.target.value })}
            className="min-w-0 flex-1"
            aria-label={t('loyalty.points.category')}
          >
            {list
              .filter((c) => c.id === r.categoryId || free.includes(c))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
          </Select>
          <IntInput
            value={value(r)}
            onChange={(v) => replace(i, withValue(r, v))}
            suffix={suffix}
            className="w-28"
            invalid={invalid?.(r)}
            testId={testId ? `${testId}-value-${i}` : undefined}
          />
          <IconButton icon="trash" label={t('loyalty.remove')} onClick={() => onChange(rows.filter((_, j) => j !== i))} />
        </div>
      ))}
      {free.length > 0 ? (
        <Button
          size="sm"
          variant="ghost"
          icon="plus"
          onClick={() => onChange([...rows, newRow(free[0]!.id)])}
          data-testid={testId ? `${testId}-add` : undefined}
        >
          {addLabel}
        </Button>
      ) : null}
      {error ? (
        <p data-testid={testId ? `${testId}-error` : undefined} className="flex items-start gap-1.5 text-sm text-red-700" role="alert">
          <Icon name="alert" className="mt-0.5 size-4" />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
