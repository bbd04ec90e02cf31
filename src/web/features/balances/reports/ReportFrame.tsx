import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Icon } from '../../../components/icons.js';
import { PageHeader } from '../../../components/Page.js';
import { Guard } from '../../shell/Guard.js';
import { BalanceIcon } from '../icons.js';

/** The frame of one report: back to Reports, title, what it shows, the CSV download. */
export function ReportFrame({
  title,
  description,
  onCsv,
  filters,
  children,
  testId,
}: {
  title: string;
  description: string;
  onCsv?: (() => void) | undefined;
  filters?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Guard allow="ledgers.read">
      <div data-testid={testId} className="space-y-6">
        <Link
          to="/reports"
          className="inline-flex items-center gap-1 text-sm font-medium text-zinc-500 hover:text-zinc-800"
          data-testid="report-back"
        >
          <Icon name="chevronLeft" className="size-4" />
          {t('balances.reports.title')}
        </Link>
        <PageHeader
          title={title}
          description={description}
          actions={
            onCsv ? (
              <Button onClick={onCsv} data-testid="report-csv">
                <BalanceIcon name="download" className="size-4" />
                {t('balances.reports.csv')}
              </Button>
            ) : null
          }
        >
          {filters}
        </PageHeader>
        {children}
      </div>
    </Guard>
  );
}

/** A big figure at the top of a report. */
export function Figure({
  label,
  value,
  hint,
  testId,
  raw,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
  raw?: number;
}) {
  return (
    <div className="rounded-xl bg-white px-5 py-4 shadow-card ring-1 ring-zinc-200" data-testid={testId} data-value={raw}>
      <p className="text-sm text-zinc-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums tracking-tight text-zinc-900">{value}</p>
      {hint ? <p className="mt-1 text-xs text-zinc-500">{hint}</p> : null}
    </div>
  );
}
