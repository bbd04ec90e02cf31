import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Card } from '../../../components/Page.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { Table, Td, THead, Th, Tr } from '../../../components/Table.js';
import { formatIsoBirthday, fullName } from '../format.js';
import { startRun } from './api.js';
import type { ClientImport, DryRun, ImportField, RowProblem } from './types.js';

export function Stat({
  label,
  value,
  tone = 'neutral',
  testId,
}: {
  label: string;
  value: number;
  tone?: 'neutral' | 'good' | 'warn' | 'bad';
  testId?: string;
}) {
  return (
    <div className="rounded-xl bg-white p-4 shadow-card ring-1 ring-zinc-200" data-testid={testId}>
      <p className="text-sm text-zinc-500">{label}</p>
      <p
        className={cx(
          'mt-1 text-2xl font-semibold tabular-nums',
          tone === 'good' ? 'text-emerald-700' : tone === 'warn' ? 'text-amber-700' : tone === 'bad' ? 'text-red-700' : 'text-zinc-900',
        )}
        data-value={value}
      >
        {value.toLocaleString()}
      </p>
    </div>
  );
}

function Problems({ title, items, testId }: { title: string; items: RowProblem[]; testId: string }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <Card title={title} bodyClassName="p-0" testId={testId}>
      <div className="max-h-96 overflow-y-auto [&>div]:rounded-none [&>div]:shadow-none [&>div]:ring-0">
        <Table>
          <THead>
            <tr>
              <Th className="w-20">{t('clients.import.row')}</Th>
              <Th className="hidden sm:table-cell">{t('clients.import.field')}</Th>
              <Th>{t('clients.import.problem')}</Th>
            </tr>
          </THead>
          <tbody>
            {items.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one row may have the same problem twice; the list never reorders
              <Tr key={`${p.row}-${p.code}-${i}`}>
                <Td className="tabular-nums">{p.row}</Td>
                <Td className="hidden sm:table-cell">
                  {p.field ? t(`clients.import.targets.${p.field as ImportField}`, { defaultValue: p.field }) : '—'}
                </Td>
                <Td>{p.message}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </div>
    </Card>
  );
}

/** Step 3: the dry run — what would happen to every row, before anything is written. */
export function PreviewStep({
  imp,
  dry,
  onBack,
  onStarted,
}: {
  imp: ClientImport;
  dry: DryRun;
  onBack: () => void;
  onStarted: (imp: ClientImport) => void;
}) {
  const { t, i18n } = useTranslation();
  const run = useMutation({ mutationFn: () => startRun(imp.id), onSuccess: onStarted });
  const writes = dry.create + dry.update;
  const skipped: RowProblem[] = dry.skipped.map((s) => ({ row: s.row, field: null, code: s.code, message: s.message }));

  return (
    <div className="space-y-6" data-testid="import-dry-run">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t('clients.import.willCreate')} value={dry.create} tone="good" testId="dry-create" />
        <Stat label={t('clients.import.willUpdate')} value={dry.update} testId="dry-update" />
        <Stat label={t('clients.import.willSkip')} value={dry.skip} tone={dry.skip ? 'warn' : 'neutral'} testId="dry-skip" />
        <Stat label={t('clients.import.willFail')} value={dry.fail} tone={dry.fail ? 'bad' : 'neutral'} testId="dry-fail" />
      </div>
      {dry.truncated ? <Alert tone="info" title={t('clients.import.truncated')} /> : null}

      {dry.preview.length ? (
        <Card title={t('clients.import.previewTitle')} description={t('clients.import.previewHint')} bodyClassName="p-0">
          <div className="[&>div]:rounded-none [&>div]:shadow-none [&>div]:ring-0">
            <Table data-testid="import-preview-table">
              <THead>
                <tr>
                  <Th className="w-16">{t('clients.import.row')}</Th>
                  <Th>{t('clients.columns.name')}</Th>
                  <Th className="hidden md:table-cell">{t('clients.import.targets.phone')}</Th>
                  <Th className="hidden lg:table-cell">{t('clients.import.targets.email')}</Th>
                  <Th className="hidden lg:table-cell">{t('clients.fields.birthday')}</Th>
                  <Th className="hidden xl:table-cell">{t('clients.import.targets.tags')}</Th>
                  <Th>{t('clients.import.action')}</Th>
                </tr>
              </THead>
              <tbody>
                {dry.preview.map((p) => (
                  <Tr key={p.row}>
                    <Td className="tabular-nums text-zinc-500">{p.row}</Td>
                    <Td className="font-medium text-zinc-900">{fullName(p)}</Td>
                    <Td className="hidden whitespace-nowrap tabular-nums md:table-cell">{p.phone ?? '—'}</Td>
                    <Td className="hidden lg:table-cell">{p.email ?? '—'}</Td>
                    <Td className="hidden whitespace-nowrap lg:table-cell">{formatIsoBirthday(p.birthday, i18n.language) || '—'}</Td>
                    <Td className="hidden xl:table-cell">{p.tags.join(', ') || '—'}</Td>
                    <Td>
                      <Badge tone={p.action === 'create' ? 'success' : 'info'}>{t(`clients.import.actions.${p.action}`)}</Badge>
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </div>
        </Card>
      ) : null}

      <Problems title={t('clients.import.errorsTitle', { count: dry.fail })} items={dry.errors} testId="import-errors" />
      <Problems title={t('clients.import.skippedTitle', { count: dry.skip })} items={skipped} testId="import-skipped" />
      <Problems title={t('clients.import.warningsTitle', { count: dry.warnings.length })} items={dry.warnings} testId="import-warnings" />

      {run.error ? <ProblemAlert error={run.error} /> : null}
      <div className="sticky bottom-16 z-10 -mx-4 flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:shadow-card lg:bottom-4">
        <Button variant="ghost" icon="chevronLeft" onClick={onBack} data-testid="import-back">
          {t('clients.import.backToMapping')}
        </Button>
        <div className="flex flex-wrap items-center gap-3">
          {dry.fail ? <p className="text-sm text-zinc-500">{t('clients.import.failNote', { count: dry.fail })}</p> : null}
          <Button variant="primary" onClick={() => run.mutate()} loading={run.isPending} disabled={writes === 0} data-testid="import-run">
            {t('clients.import.runButton', { count: writes })}
          </Button>
        </div>
      </div>
    </div>
  );
}
