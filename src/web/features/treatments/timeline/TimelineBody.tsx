// The shared body of a progress timeline (a client's or a package's): photo comparison, metric charts and
// the records, newest first.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState.js';
import { treatmentTemplatesQuery } from '../api.js';
import type { FieldDef, Timeline } from '../types.js';
import { MetricCharts } from './MetricCharts.js';
import { PhotoCompare } from './PhotoCompare.js';
import { RecordCard } from './RecordCard.js';

export function TimelineBody({ timeline, clientId, emptyAction }: { timeline: Timeline; clientId: string; emptyAction?: React.ReactNode }) {
  const { t } = useTranslation();
  const templates = useQuery(treatmentTemplatesQuery);
  const fieldsOf = (id: string | null): FieldDef[] => templates.data?.data.find((x) => x.id === id)?.fields ?? [];
  const records = [...timeline.records].reverse();
  return (
    <div className="space-y-6">
      {timeline.photoComparison ? <PhotoCompare pair={timeline.photoComparison} records={timeline.records} /> : null}
      {timeline.metrics?.length ? <MetricCharts series={timeline.metrics} /> : null}
      <section className="space-y-3" data-testid="timeline-records">
        <h2 className="text-base font-semibold text-zinc-900">{t('treatments.timeline.records', { count: records.length })}</h2>
        {records.length ? (
          <div>
            {records.map((r) => (
              <RecordCard key={r.id} record={r} clientId={clientId} fields={fieldsOf(r.templateId)} />
            ))}
          </div>
        ) : (
          <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
            <EmptyState
              icon="history"
              title={t('treatments.timeline.emptyTitle')}
              description={t('treatments.timeline.emptyBody')}
              action={emptyAction}
              testId="timeline-empty"
            />
          </div>
        )}
      </section>
    </div>
  );
}
