import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Select } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { Card } from '../../../components/Page.js';
import { labelIn } from '../customValues.js';
import type { CustomFieldDef } from '../types.js';
import { columnLetter, dropFallback, FIELD_GROUPS, type MappingState, sampleOf, setCustomColumn, setFieldColumn } from './mapping.js';
import type { ImportField } from './types.js';

/** One dropdown per client field: which column of the file feeds it (auto-mapped from the preset). */
export function FieldMapping({
  headers,
  sample,
  state,
  onChange,
  defs,
}: {
  headers: string[];
  sample: string[][];
  state: MappingState;
  onChange: (next: MappingState) => void;
  defs: CustomFieldDef[];
}) {
  const { t, i18n } = useTranslation();
  const colName = (i: number) => `${columnLetter(i)} · ${headers[i]?.trim() || t('clients.import.noHeader')}`;
  const options = headers.map((_, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a file column is its position
    <option key={i} value={String(i)}>
      {colName(i)}
    </option>
  ));
  const activeDefs = defs.filter((d) => !d.archived);

  const row = (key: string, label: string, cols: number[], set: (col: number | null) => void, drop?: (col: number) => void) => {
    const [first, ...rest] = cols;
    const example = sampleOf(sample, first);
    return (
      <div
        key={key}
        className="grid gap-1.5 py-3 sm:grid-cols-[minmax(0,11rem)_minmax(0,1fr)] sm:items-start sm:gap-4"
        data-testid={`import-map-${key}`}
      >
        <label htmlFor={`map-${key}`} className="pt-2 text-sm font-medium text-zinc-800">
          {label}
        </label>
        <div className="min-w-0">
          <Select
            id={`map-${key}`}
            data-testid={`import-map-select-${key}`}
            value={first === undefined ? '' : String(first)}
            onChange={(e) => set(e.target.value === '' ? null : Number(e.target.value))}
            className={first === undefined ? '[&>select]:text-zinc-400' : undefined}
          >
            <option value="">{t('clients.import.notImported')}</option>
            {options}
          </Select>
          {example ? (
            <p className="mt-1 truncate text-xs text-zinc-500">
              {t('clients.import.example')} <span className="font-medium text-zinc-700">{example}</span>
            </p>
          ) : null}
          {rest.length && drop ? (
            <div className="mt-1.5 flex flex-wrap items-center gap-1 text-xs text-zinc-500">
              {t('clients.import.thenColumns')}
              {rest.map((c) => (
                <span
                  key={c}
                  className="inline-flex items-center gap-0.5 rounded-full bg-zinc-100 py-0.5 pl-2 pr-1 text-zinc-700 ring-1 ring-inset ring-zinc-200"
                >
                  {colName(c)}
                  <button
                    type="button"
                    onClick={() => drop(c)}
                    className="rounded-full p-0.5 hover:bg-zinc-200"
                    aria-label={t('clients.import.dropFallback', { column: colName(c) })}
                  >
                    <Icon name="x" className="size-3" />
                  </button>
                </span>
              ))}
            </div>
          ) : null}
        </div>
      </div>
    );
  };

  const mappedIn = (fields: ImportField[]) => fields.filter((f) => state.fields[f]?.length).length;

  return (
    <div className="grid gap-6 xl:grid-cols-2" data-testid="import-mapping">
      {FIELD_GROUPS.map((group) => (
        <Card
          key={group.key}
          title={t(`clients.import.groups.${group.key}`)}
          actions={
            <Badge tone={mappedIn(group.fields) ? 'accent' : 'neutral'}>
              {t('clients.import.mappedOf', { n: mappedIn(group.fields), total: group.fields.length })}
            </Badge>
          }
          bodyClassName="divide-y divide-zinc-100 px-5 py-1"
        >
          {group.fields.map((f) =>
            row(
              f,
              t(`clients.import.targets.${f}`),
              state.fields[f] ?? [],
              (col) => onChange(setFieldColumn(state, f, col)),
              (col) => onChange(dropFallback(state, f, col)),
            ),
          )}
        </Card>
      ))}
      {activeDefs.length ? (
        <Card title={t('clients.import.groups.custom')} bodyClassName="divide-y divide-zinc-100 px-5 py-1">
          {activeDefs.map((d) =>
            row(
              `custom-${d.key}`,
              labelIn(d.labels, i18n.language, d.key),
              state.custom[d.key] === undefined ? [] : [state.custom[d.key]!],
              (col) => onChange(setCustomColumn(state, d.key, col)),
            ),
          )}
        </Card>
      ) : null}
    </div>
  );
}
