import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons.js';
import { PageHeader } from '../../../components/Page.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { Guard } from '../../shell/Guard.js';
import { importQuery } from './api.js';
import { MappingStep } from './MappingStep.js';
import { PreviewStep } from './PreviewStep.js';
import { ReportStep, RunStep } from './RunStep.js';
import { type Step, Stepper } from './Stepper.js';
import type { ClientImport, DryRun } from './types.js';
import { UploadStep } from './UploadStep.js';

export function ImportPage() {
  return (
    <Guard allow="clients.import">
      <Wizard />
    </Guard>
  );
}

/** upload → mapping → preview (dry run) → run (progress) → report. The import's id lives in the URL, so a reload resumes. */
function Wizard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useSearch({ strict: false }) as { id?: string };
  const go = (next: string | undefined) => void navigate({ to: '/clients/import', search: next ? { id: next } : {} });

  return (
    <div data-testid="import-page">
      <Link to="/clients" className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-zinc-500 hover:text-zinc-800">
        <Icon name="chevronLeft" className="size-4" />
        {t('clients.title')}
      </Link>
      <PageHeader title={t('clients.import.title')} description={t('clients.import.subtitle')} />
      {id ? (
        <Existing key={id} id={id} onRestart={() => go(undefined)} />
      ) : (
        <>
          <Stepper current="upload" />
          <UploadStep onUploaded={(imp) => go(imp.id)} />
        </>
      )}
    </div>
  );
}

function Existing({ id, onRestart }: { id: string; onRestart: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dry, setDry] = useState<DryRun | null>(null);
  const imp = useQuery({
    ...importQuery(id),
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      return status === 'queued' || status === 'running' ? 700 : false;
    },
  });

  const status = imp.data?.status;
  const finished = status === 'done' || status === 'failed';
  useEffect(() => {
    if (finished) {
      void queryClient.invalidateQueries({ queryKey: ['clients', 'search'] });
      void queryClient.invalidateQueries({ queryKey: ['client-imports', 'recent'] });
    }
  }, [finished, queryClient]);

  if (imp.isPending) return <Loading label={t('common.loading')} />;
  if (imp.isError) return <ProblemAlert error={imp.error} />;
  const data = imp.data;
  const step: Step =
    data.status === 'uploaded' ? (dry ? 'preview' : 'mapping') : data.status === 'queued' || data.status === 'running' ? 'run' : 'report';

  const started = (next: ClientImport) => {
    queryClient.setQueryData(importQuery(id).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: ['client-imports', 'recent'] });
  };

  return (
    <>
      <Stepper current={step} />
      {step === 'mapping' ? (
        <MappingStep imp={data} onPreview={setDry} onRestart={onRestart} />
      ) : step === 'preview' && dry ? (
        <PreviewStep imp={data} dry={dry} onBack={() => setDry(null)} onStarted={started} />
      ) : step === 'run' ? (
        <RunStep imp={data} />
      ) : (
        <ReportStep imp={data} onAnother={onRestart} />
      )}
    </>
  );
}
