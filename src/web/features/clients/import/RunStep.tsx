import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Icon } from '../../../components/icons.js';
import { LinkButton } from '../../../components/LinkButton.js';
import { Card } from '../../../components/Page.js';
import { Alert, useProblemText } from '../../../components/ProblemAlert.js';
import { Spinner } from '../../../components/Spinner.js';
import { currentLanguage } from '../../../i18n/index.js';
import { downloadFile } from '../download.js';
import { ClientIcon } from '../icons.js';
import { Stat } from './PreviewStep.js';
import type { ClientImport } from './types.js';

/** Step 4: the run in the background, polled; batches commit as they go. */
export function RunStep({ imp }: { imp: ClientImport }) {
  const { t } = useTranslation();
  const p = imp.progress;
  return (
    <Card testId="import-progress">
      <div className="flex items-center gap-3">
        <Spinner className="size-5 text-orchid-600" />
        <p className="font-semibold text-zinc-900">
          {imp.status === 'queued' ? t('clients.import.queued') : t('clients.import.running', { processed: p.processed, total: p.total })}
        </p>
      </div>
      <div
        className="mt-4 h-3 overflow-hidden rounded-full bg-zinc-100"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={p.percent}
        aria-label={t('clients.import.steps.run')}
        data-testid="import-progress-bar"
      >
        <div
          className="h-full rounded-full bg-orchid-600 transition-[width] duration-500"
          style={{ width: `${Math.max(2, p.percent)}%` }}
        />
      </div>
      <p className="mt-2 text-right text-sm tabular-nums text-zinc-500">{p.percent}%</p>
      <div className="mt-4 grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t('clients.import.created')} value={p.created} tone="good" />
        <Stat label={t('clients.import.updated')} value={p.updated} />
        <Stat label={t('clients.import.skipped')} value={p.skipped} />
        <Stat label={t('clients.import.failed')} value={p.failed} />
      </div>
      <p className="mt-4 text-sm text-zinc-500">{t('clients.import.runningHint')}</p>
    </Card>
  );
}

/** Step 5: what happened, and the rows that were not imported as a CSV to fix and re-upload. */
export function ReportStep({ imp, onAnother }: { imp: ClientImport; onAnother: () => void }) {
  const { t } = useTranslation();
  const problem = useProblemText();
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const p = imp.progress;
  const left = p.skipped + p.failed;

  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadFile(imp.reportUrl, currentLanguage(), 'import-report.csv');
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div className="space-y-6" data-testid="import-report" data-status={imp.status}>
      {imp.status === 'failed' ? (
        <Alert tone="danger" title={t('clients.import.failedTitle')} testId="import-failed">
          <p>{t('clients.import.failedBody')}</p>
          {imp.error ? <p className="mt-1 font-mono text-xs">{imp.error}</p> : null}
        </Alert>
      ) : (
        <div className="flex items-start gap-4 rounded-xl bg-emerald-50 p-5 ring-1 ring-inset ring-emerald-200">
          <div className="flex size-10 shrink-0 items-center justify-center rounded-full bg-emerald-100 text-emerald-700">
            <Icon name="checkCircle" className="size-6" />
          </div>
          <div>
            <p className="text-lg font-semibold text-emerald-900" data-testid="import-done-title">
              {t('clients.import.doneTitle', { count: p.created + p.updated })}
            </p>
            <p className="text-sm text-emerald-800">{t('clients.import.doneBody', { file: imp.fileName ?? '' })}</p>
          </div>
        </div>
      )}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t('clients.import.created')} value={p.created} tone="good" testId="import-created" />
        <Stat label={t('clients.import.updated')} value={p.updated} testId="import-updated" />
        <Stat label={t('clients.import.skipped')} value={p.skipped} tone={p.skipped ? 'warn' : 'neutral'} testId="import-skipped-count" />
        <Stat label={t('clients.import.failed')} value={p.failed} tone={p.failed ? 'bad' : 'neutral'} testId="import-failed-count" />
      </div>
      {left > 0 ? (
        <Card>
          <div className="flex flex-wrap items-center gap-4">
            <ClientIcon name="file" className="size-6 text-zinc-400" />
            <div className="min-w-0 flex-1">
              <p className="font-medium text-zinc-900">{t('clients.import.reportTitle', { count: left })}</p>
              <p className="text-sm text-zinc-500">{t('clients.import.reportBody')}</p>
            </div>
            <Button onClick={() => void download()} loading={downloading} data-testid="import-report-download">
              {downloading ? null : <ClientIcon name="download" className="size-4" />}
              {t('clients.import.reportDownload')}
            </Button>
          </div>
          {downloadError ? (
            <p className="mt-3 text-sm text-red-700">{problem(downloadError).detail ?? problem(downloadError).title}</p>
          ) : null}
        </Card>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <LinkButton to="/clients" variant="primary" data-testid="import-view-clients">
          {t('clients.import.viewClients')}
        </LinkButton>
        <Button onClick={onAnother} data-testid="import-another">
          {t('clients.import.another')}
        </Button>
      </div>
    </div>
  );
}
