// A record as it stands: locked after 24 hours (or someone else's), read with its addenda.
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Icon } from '../../../components/icons.js';
import { useFormat } from '../../../lib/format.js';
import type { Client } from '../../clients/types.js';
import { useDay, useTr } from '../../packages/format.js';
import { useProducts, useServices } from '../../packages/useCatalog.js';
import type { TreatmentRecord, TreatmentTemplate } from '../types.js';
import { Addenda } from './Addenda.js';
import { metricText } from './metricText.js';
import { PhotoCapture } from './PhotoCapture.js';
import { RecordHeader } from './RecordHeader.js';
import { RecordSection } from './RecordSection.js';

export function RecordView({ client, record: r, templates }: { client: Client; record: TreatmentRecord; templates: TreatmentTemplate[] }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const day = useDay();
  const tr = useTr();
  const services = useServices();
  const products = useProducts();
  const template = templates.find((x) => x.id === r.templateId);
  const yesNo: [string, string] = [t('treatments.form.yes'), t('treatments.form.no')];
  const h = r.health;
  const title = services.byId.get(r.serviceId)?.displayName || r.serviceName || t('treatments.form.newTitle');
  return (
    <div className="mx-auto max-w-4xl space-y-5" data-testid="record-view">
      <RecordHeader client={client} title={title} packageSessionId={r.packageSessionId}>
        {r.locked ? (
          <Badge tone="neutral" className="text-sm">
            <Icon name="lock" className="size-3.5" />
            {t('treatments.form.locked')}
          </Badge>
        ) : null}
      </RecordHeader>
      <RecordSection title={t('treatments.form.visit')}>
        <dl className="grid gap-4 text-base sm:grid-cols-3">
          <div>
            <dt className="text-sm text-zinc-500">{t('treatments.form.technician')}</dt>
            <dd className="font-medium text-zinc-900">{r.staffName}</dd>
          </div>
          <div>
            <dt className="text-sm text-zinc-500">{t('treatments.form.started')}</dt>
            <dd className="font-medium text-zinc-900">{fmt.dateTime(r.startedAt)}</dd>
          </div>
          <div>
            <dt className="text-sm text-zinc-500">{t('treatments.form.next')}</dt>
            <dd className="font-medium text-zinc-900">{r.nextRecommendedOn ? day(r.nextRecommendedOn, 'long') : '—'}</dd>
          </div>
        </dl>
      </RecordSection>
      {h ? (
        <>
          {Object.keys(h.metrics).length ? (
            <RecordSection title={template ? tr(template.name, template.nameTranslations) : t('treatments.form.assessment')}>
              <dl className="grid gap-3 sm:grid-cols-2" data-testid="record-metrics">
                {(template?.fields ?? [])
                  .filter((f) => h.metrics[f.key] !== undefined)
                  .map((f) => (
                    <div key={f.key} className="rounded-xl bg-zinc-50 px-4 py-3 ring-1 ring-zinc-200">
                      <dt className="text-sm text-zinc-500">{f.label[i18n.language as 'en'] || f.label.en}</dt>
                      <dd className="text-base font-medium text-zinc-900">{metricText(f, h.metrics[f.key]!, i18n.language, yesNo)}</dd>
                    </div>
                  ))}
              </dl>
            </RecordSection>
          ) : null}
          <RecordSection title={t('treatments.photos.title')}>
            <PhotoCapture
              photos={r.photos ?? []}
              pending={[]}
              editable={false}
              onAdd={() => undefined}
              onRemovePending={() => undefined}
              onToggleKind={() => undefined}
            />
          </RecordSection>
          <RecordSection title={t('treatments.form.treatment')}>
            <TextBlock label={t('treatments.form.products')}>
              {r.products.length
                ? r.products
                    .map((p) => {
                      const x = products.byId.get(p.productId);
                      return `${x?.displayName ?? '…'} ${p.amount}${x?.unit ? ` ${t(`treatments.units.${x.unit}`)}` : ''}`;
                    })
                    .join(' · ')
                : null}
            </TextBlock>
            <TextBlock label={t('treatments.form.technique')}>{r.technique}</TextBlock>
            <TextBlock label={t('treatments.form.reaction')}>{h.reaction}</TextBlock>
            <TextBlock label={t('treatments.form.notes')}>{h.notes}</TextBlock>
            <TextBlock label={t('treatments.form.aftercare')}>{h.aftercare}</TextBlock>
            <p className="text-sm text-zinc-500">{r.sharedWithClient ? t('treatments.form.sharedYes') : t('treatments.form.sharedNo')}</p>
          </RecordSection>
        </>
      ) : (
        <RecordSection title={t('treatments.form.treatment')}>
          <p className="text-zinc-500">{t('treatments.form.noHealthAccess')}</p>
          <TextBlock label={t('treatments.form.technique')}>{r.technique}</TextBlock>
        </RecordSection>
      )}
      {r.addenda ? (
        <RecordSection title={t('treatments.addenda.title')} description={t('treatments.addenda.why')} testId="record-addenda">
          <Addenda record={r} />
        </RecordSection>
      ) : null}
    </div>
  );
}

function TextBlock({ label, children }: { label: string; children: string | null | undefined }) {
  if (!children) return null;
  return (
    <div>
      <p className="text-sm text-zinc-500">{label}</p>
      <p className="whitespace-pre-wrap text-base text-zinc-900">{children}</p>
    </div>
  );
}
