// /clients/:id/packages/:packageId — one package's course: sessions done and left (with their records),
// first vs latest photo, the charts across its sessions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { Icon } from '../../../components/icons.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useToast } from '../../../components/Toast.js';
import { isApiError } from '../../../http/problem.js';
import { useFormat } from '../../../lib/format.js';
import { useCan } from '../../auth/session.js';
import { PACKAGES_KEY, reverseSession, sessionsQuery } from '../../packages/api.js';
import { useMoney, useTr } from '../../packages/format.js';
import { PackageActions } from '../../packages/profile/PackageActions.js';
import { PackageCard } from '../../packages/profile/PackageCard.js';
import { ReasonField } from '../../packages/profile/ReasonField.js';
import type { PackageSession } from '../../packages/types.js';
import { useServices } from '../../packages/useCatalog.js';
import { Guard } from '../../shell/Guard.js';
import { NotFoundPage } from '../../shell/StatusPages.js';
import { staffQuery } from '../../staff/api.js';
import { packageTimelineQuery, TREATMENTS_KEY } from '../api.js';
import type { PackageTimeline } from '../types.js';
import { TimelineBody } from './TimelineBody.js';

export function PackageTimelinePage() {
  return (
    <Guard allow="treatments.read">
      <Page />
    </Guard>
  );
}

function Page() {
  const { t } = useTranslation();
  const { clientId, packageId } = useParams({ strict: false }) as { clientId: string; packageId: string };
  const timeline = useQuery(packageTimelineQuery(packageId));
  if (timeline.isPending) return <Loading label={t('common.loading')} />;
  if (timeline.isError)
    return isApiError(timeline.error) && timeline.error.status === 404 ? <NotFoundPage /> : <ProblemAlert error={timeline.error} />;
  const tl = timeline.data;
  const pkg = tl.packages[0];
  if (!pkg) return <NotFoundPage />;
  return (
    <div className="space-y-6" data-testid="package-timeline">
      <Link
        to="/clients/$clientId"
        params={{ clientId }}
        search={{ tab: 'packages' }}
        className="inline-flex items-center gap-1 text-sm font-medium text-zinc-500 hover:text-zinc-800"
      >
        <Icon name="chevronLeft" className="size-4" />
        {tl.client ? tl.client.name : t('treatments.timeline.backToClient')}
      </Link>
      <PackageCard pkg={pkg} viewerId={clientId}>
        <PackageActions pkg={pkg} clientId={clientId} />
      </PackageCard>
      <Sessions timeline={tl} clientId={clientId} />
      <TimelineBody timeline={tl} clientId={clientId} />
    </div>
  );
}

function Sessions({ timeline: tl, clientId }: { timeline: PackageTimeline; clientId: string }) {
  const { t } = useTranslation();
  const tr = useTr();
  const fmt = useFormat();
  const money = useMoney();
  const can = useCan();
  const services = useServices();
  const pkg = tl.packages[0]!;
  const details = useQuery({ ...sessionsQuery(pkg.id), enabled: can('packages.adjust') });
  const [reversing, setReversing] = useState<PackageSession | null>(null);
  const team = useQuery(staffQuery({}));
  const staffName = new Map([
    ...tl.records.map((r) => [r.staff.id, r.staff.name] as const),
    ...(team.data?.data ?? []).map((x) => [x.id, x.displayName] as const),
  ]);
  const rows = [...tl.sessions].reverse();
  return (
    <section className="overflow-hidden rounded-xl bg-white shadow-card ring-1 ring-zinc-200" data-testid="package-sessions">
      <header className="border-b border-zinc-100 px-5 py-4">
        <h2 className="text-base font-semibold text-zinc-900">{t('treatments.sessions.title')}</h2>
        <p className="text-sm text-zinc-500">
          {t('treatments.sessions.summary', { used: pkg.sessions.used, left: pkg.sessions.remaining })}
        </p>
      </header>
      {rows.length ? (
        <ul className="divide-y divide-zinc-100">
          {rows.map((s) => {
            const item = pkg.items.find((i) => i.id === s.itemId);
            const detail = details.data?.data.find((d) => d.id === s.id);
            const reversed = s.status === 'reversed';
            return (
              <li
                key={s.id}
                className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-3"
                data-testid="package-session"
                data-status={s.status}
              >
                <span
                  className={`flex size-9 items-center justify-center rounded-full text-sm font-semibold tabular-nums ${reversed ? 'bg-zinc-100 text-zinc-400 line-through' : 'bg-orchid-100 text-orchid-800'}`}
                >
                  {s.sessionNumber}
                </span>
                <div className="min-w-0 flex-1">
                  <p className={`text-sm font-medium ${reversed ? 'text-zinc-400 line-through' : 'text-zinc-900'}`}>
                    {services.byId.get(s.serviceId)?.displayName ?? (item ? tr(item.label, item.labelTranslations) : '')}
                    {item && pkg.items.length > 1 ? (
                      <span className="font-normal text-zinc-500"> · {tr(item.label, item.labelTranslations)}</span>
                    ) : null}
                  </p>
                  <p className="text-xs text-zinc-500">
                    {fmt.dateTime(s.redeemedAt)}
                    {s.staffId && staffName.get(s.staffId) ? ` · ${staffName.get(s.staffId)}` : ''}
                    {s.value !== undefined ? ` · ${money(s.value)}` : ''}
                    {reversed ? ` · ${t('treatments.sessions.reversed')}` : ''}
                  </p>
                </div>
                {s.recordId ? (
                  <Link
                    to="/clients/$clientId/records/$recordId"
                    params={{ clientId, recordId: s.recordId }}
                    className="text-sm font-medium text-orchid-700 hover:text-orchid-900"
                    data-testid="session-record"
                  >
                    {t('treatments.sessions.record')}
                  </Link>
                ) : !reversed && can('treatments.write') && s.clientId === clientId ? (
                  <Link
                    to="/clients/$clientId/records/new"
                    params={{ clientId }}
                    search={{
                      serviceId: s.serviceId,
                      packageSessionId: s.id,
                      packageId: pkg.id,
                      ...(s.staffId ? { staffId: s.staffId } : {}),
                    }}
                    className="text-sm font-medium text-orchid-700 hover:text-orchid-900"
                    data-testid="session-write-record"
                  >
                    {t('treatments.sessions.writeRecord')}
                  </Link>
                ) : null}
                {!reversed && detail && !detail.saleId && can('packages.adjust') ? (
                  <Button size="sm" variant="danger-ghost" onClick={() => setReversing(detail)} data-testid="session-reverse">
                    {t('treatments.sessions.reverse')}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="px-5 py-6 text-sm text-zinc-500">{t('treatments.sessions.none')}</p>
      )}
      {reversing ? <ReverseDialog session={reversing} onClose={() => setReversing(null)} /> : null}
    </section>
  );
}

function ReverseDialog({ session, onClose }: { session: PackageSession; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reverse = useMutation({
    mutationFn: () => reverseSession(session.id, reason.trim()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
      void queryClient.invalidateQueries({ queryKey: TREATMENTS_KEY });
      toast(t('treatments.sessions.reverseDone'));
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('treatments.sessions.reverseTitle', { n: session.sessionNumber })}
      icon="alert"
      tone="danger"
      testId="reverse-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="danger"
            loading={reverse.isPending}
            onClick={() => {
              setTried(true);
              if (reason.trim()) reverse.mutate();
            }}
            data-testid="reverse-submit"
          >
            {t('treatments.sessions.reverse')}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <p>{t('treatments.sessions.reverseBody')}</p>
        <ReasonField
          value={reason}
          onChange={setReason}
          testId="reverse-reason"
          error={tried && !reason.trim() ? t('validation.required') : undefined}
        />
        <ProblemAlert error={reverse.error} />
      </div>
    </Dialog>
  );
}
