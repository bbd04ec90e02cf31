import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { customFieldsQuery } from '../api.js';
import { dryRun, importQuery, setMapping } from './api.js';
import { FieldMapping } from './FieldMapping.js';
import { FileSettings, type ImportOptions } from './FileSettings.js';
import { columnLetter, identifies, type MappingState, toMappingFields, unusedColumns } from './mapping.js';
import type { ClientImport, Delimiter, DryRun, Encoding, PresetId } from './types.js';

const stateOf = (imp: ClientImport): MappingState => ({ fields: { ...imp.mapping.fields }, custom: { ...imp.mapping.custom } });
const optionsOf = (imp: ClientImport): ImportOptions => ({
  dateFormat: imp.dateFormat,
  nameOrder: imp.nameOrder,
  duplicatePolicy: imp.duplicatePolicy,
});

/** Step 2: check what was detected, map columns to fields, choose how to read dates, names and duplicates. */
export function MappingStep({ imp, onPreview, onRestart }: { imp: ClientImport; onPreview: (dry: DryRun) => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const defs = useQuery(customFieldsQuery());
  const [state, setState] = useState<MappingState>(() => stateOf(imp));
  const [options, setOptions] = useState<ImportOptions>(() => optionsOf(imp));

  const stored = (next: ClientImport) => queryClient.setQueryData(importQuery(next.id).queryKey, next);

  // Changing the encoding, delimiter or preset re-reads the file on the server and suggests a new mapping.
  const reread = useMutation({
    mutationFn: (change: { encoding?: Encoding; delimiter?: Delimiter; preset?: PresetId }) =>
      setMapping(imp.id, { ...change, version: imp.version }),
    onSuccess: (next) => {
      stored(next);
      setState(stateOf(next));
      setOptions(optionsOf(next));
    },
  });

  const preview = useMutation({
    mutationFn: async () => {
      const saved = await setMapping(imp.id, { fields: toMappingFields(state), custom: state.custom, ...options, version: imp.version });
      stored(saved);
      return dryRun(imp.id);
    },
    onSuccess: onPreview,
  });

  const unused = unusedColumns(imp.headers, state);
  const canPreview = identifies(state.fields);
  const error = reread.error ?? preview.error;

  return (
    <div className="space-y-6">
      <FileSettings imp={imp} options={options} onOptions={setOptions} onReread={(c) => reread.mutate(c)} busy={reread.isPending} />
      {error ? <ProblemAlert error={error} testId="import-mapping-error" /> : null}
      <div>
        <h2 className="text-lg font-semibold text-zinc-900">{t('clients.import.mapTitle')}</h2>
        <p className="mt-1 text-sm text-zinc-500">{t('clients.import.mapBody')}</p>
      </div>
      <FieldMapping headers={imp.headers} sample={imp.sampleRows} state={state} onChange={setState} defs={defs.data?.data ?? []} />
      {unused.length ? (
        <Alert tone="info" title={t('clients.import.unusedTitle', { count: unused.length })} testId="import-unused">
          <p className="break-words">{unused.map((i) => `${columnLetter(i)} · ${imp.headers[i] || '—'}`).join(', ')}</p>
        </Alert>
      ) : null}
      <div className="sticky bottom-16 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:shadow-card lg:bottom-4">
        <Button variant="ghost" onClick={onRestart} data-testid="import-restart">
          {t('clients.import.otherFile')}
        </Button>
        <div className="flex flex-wrap items-center gap-3">
          {!canPreview ? <p className="text-sm text-amber-700">{t('clients.import.needIdentity')}</p> : null}
          <Button
            variant="primary"
            onClick={() => preview.mutate()}
            loading={preview.isPending}
            disabled={!canPreview || reread.isPending}
            data-testid="import-preview"
          >
            {t('clients.import.previewButton')}
          </Button>
        </div>
      </div>
    </div>
  );
}
