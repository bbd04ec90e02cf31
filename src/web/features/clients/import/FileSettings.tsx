import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field.js';
import { Select } from '../../../components/Input.js';
import { Card } from '../../../components/Page.js';
import { Alert } from '../../../components/ProblemAlert.js';
import { ClientIcon } from '../icons.js';
import {
  type ClientImport,
  DATE_FORMATS,
  type DateFormat,
  DELIMITERS,
  type Delimiter,
  DUPLICATE_POLICIES,
  type DuplicatePolicy,
  ENCODINGS,
  type Encoding,
  NAME_ORDERS,
  type NameOrder,
  PRESET_IDS,
  type PresetId,
} from './types.js';

export interface ImportOptions {
  dateFormat: DateFormat;
  nameOrder: NameOrder;
  duplicatePolicy: DuplicatePolicy;
}

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030 / GBK',
  'windows-1252': 'Windows-1252',
  big5: 'Big5',
};
const DATE_EXAMPLES: Record<DateFormat, string> = { MDY: 'MM/DD/YYYY', DMY: 'DD/MM/YYYY', YMD: 'YYYY-MM-DD' };
const PRESET_NAMES: Record<Exclude<PresetId, 'orchid' | 'generic'>, string> = {
  square: 'Square Appointments',
  fresha: 'Fresha',
  vagaro: 'Vagaro',
  mindbody: 'Mindbody',
};

/** What was detected in the file (each can be changed: the server re-reads it), and how to read the rows. */
export function FileSettings({
  imp,
  options,
  onOptions,
  onReread,
  busy,
}: {
  imp: ClientImport;
  options: ImportOptions;
  onOptions: (next: ImportOptions) => void;
  onReread: (change: { encoding?: Encoding; delimiter?: Delimiter; preset?: PresetId }) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const presetName = (p: PresetId) =>
    p === 'orchid' ? t('clients.import.presetOrchid') : p === 'generic' ? t('clients.import.presetGeneric') : PRESET_NAMES[p];
  return (
    <Card testId="import-file-settings">
      <div className="mb-5 flex flex-wrap items-center gap-3">
        <div className="flex size-10 items-center justify-center rounded-xl bg-orchid-50 text-orchid-700 ring-1 ring-orchid-100">
          <ClientIcon name="file" className="size-5" />
        </div>
        <div className="min-w-0 flex-1">
          <p className="truncate font-semibold text-zinc-900" data-testid="import-file-name">
            {imp.fileName ?? t('clients.import.untitled')}
          </p>
          <p className="text-sm text-zinc-500" data-testid="import-row-count">
            {t('clients.import.rowsAndColumns', { rows: imp.rowCount, columns: imp.headers.length })}
          </p>
        </div>
      </div>
      {!imp.encodingConfident ? (
        <Alert tone="warning" className="mb-5" title={t('clients.import.encodingUnsureTitle')}>
          <p>{t('clients.import.encodingUnsureBody')}</p>
        </Alert>
      ) : null}
      <fieldset disabled={busy} className="grid gap-5 sm:grid-cols-2 xl:grid-cols-3">
        <Field label={t('clients.import.preset')} hint={t('clients.import.presetHint')}>
          <Select data-testid="import-preset" value={imp.preset} onChange={(e) => onReread({ preset: e.target.value as PresetId })}>
            {PRESET_IDS.map((p) => (
              <option key={p} value={p}>
                {presetName(p)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t('clients.import.encoding')}
          hint={t('clients.import.detected', { value: ENCODING_NAMES[imp.detectedEncoding as Encoding] ?? imp.detectedEncoding })}
        >
          <Select data-testid="import-encoding" value={imp.encoding} onChange={(e) => onReread({ encoding: e.target.value as Encoding })}>
            {ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>
                {ENCODING_NAMES[enc]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('clients.import.delimiter')}>
          <Select
            data-testid="import-delimiter"
            value={imp.delimiter}
            onChange={(e) => onReread({ delimiter: e.target.value as Delimiter })}
          >
            {DELIMITERS.map((d) => (
              <option key={d} value={d}>
                {t(`clients.import.delimiters.${d}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('clients.import.dateFormat')} hint={t('clients.import.dateFormatHint')}>
          <Select
            data-testid="import-date-format"
            value={options.dateFormat}
            onChange={(e) => onOptions({ ...options, dateFormat: e.target.value as DateFormat })}
          >
            {DATE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {DATE_EXAMPLES[f]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('clients.import.nameOrder')} hint={t('clients.import.nameOrderHint')}>
          <Select
            data-testid="import-name-order"
            value={options.nameOrder}
            onChange={(e) => onOptions({ ...options, nameOrder: e.target.value as NameOrder })}
          >
            {NAME_ORDERS.map((o) => (
              <option key={o} value={o}>
                {t(`clients.import.nameOrders.${o}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('clients.import.duplicates')} hint={t(`clients.import.policyHints.${options.duplicatePolicy}`)}>
          <Select
            data-testid="import-duplicate-policy"
            value={options.duplicatePolicy}
            onChange={(e) => onOptions({ ...options, duplicatePolicy: e.target.value as DuplicatePolicy })}
          >
            {DUPLICATE_POLICIES.map((p) => (
              <option key={p} value={p}>
                {t(`clients.import.policies.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
    </Card>
  );
}
