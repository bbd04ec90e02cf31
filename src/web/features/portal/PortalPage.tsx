// /portal — the client's own page: sign in with a one-time code, then her packages, progress and visits
// in her language. Mobile first.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { isApiError } from '../../http/problem.js';
import { useDay } from '../packages/format.js';
import { MetricCharts } from '../treatments/timeline/MetricCharts.js';
import { PhotoCompare } from '../treatments/timeline/PhotoCompare.js';
import { PORTAL_KEY, portalTimelineQuery, signOut } from './api.js';
import { PortalLayout } from './PortalLayout.js';
import { PortalPackage, PortalVisit } from './PortalParts.js';
import { SignIn } from './SignIn.js';

export function PortalPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [firstName, setFirstName] = useState<string | null>(null);
  const timeline = useQuery(portalTimelineQuery);
  const out = useMutation({
    mutationFn: signOut,
    onSettled: () => {
      queryClient.removeQueries({ queryKey: PORTAL_KEY });
      setFirstName(null);
    },
  });
  const signedOut = isApiError(timeline.error) && timeline.error.status === 401;
  if (timeline.isPending)
    return (
      <PortalLayout>
        <Loading label={t('common.loading')} />
      </PortalLayout>
    );
  if (signedOut || out.isSuccess)
    return (
      <PortalLayout>
        <div className="mx-auto max-w-md rounded-2xl bg-white p-6 shadow-card ring-1 ring-zinc-200">
          <SignIn
            onSignedIn={(name) => {
              setFirstName(name);
              out.reset();
              void queryClient.invalidateQueries({ queryKey: PORTAL_KEY });
            }}
          />
        </div>
      </PortalLayout>
    );
  if (timeline.isError)
    return (
      <PortalLayout>
        <ProblemAlert error={timeline.error} />
      </PortalLayout>
    );
  return (
    <PortalLayout
      action={
        <Button size="sm" variant="ghost" onClick={() => out.mutate()} loading={out.isPending} data-testid="portal-sign-out">
          {t('portal.signOut')}
        </Button>
      }
    >
      <Home firstName={firstName ?? timeline.data.client?.name ?? ''} />
    </PortalLayout>
  );
}

function Home({ firstName }: { firstName: string }) {
  const { t } = useTranslation();
  const day = useDay();
  const { data: tl } = useQuery(portalTimelineQuery);
  if (!tl) return null;
  const open = tl.packages.filter((p) => p.status === 'active' || p.status === 'frozen');
  const visits = [...tl.records].reverse();
  return (
    <div className="space-y-6" data-testid="portal-home">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900" data-testid="portal-hello">
          {t('portal.hello', { name: firstName })}
        </h1>
        {tl.nextRecommended ? (
          <p className="mt-1 text-zinc-600" data-testid="portal-next">
            {tl.nextRecommended.booked ? t('portal.nextBooked') : t('portal.nextVisit', { date: day(tl.nextRecommended.date, 'long') })}
          </p>
        ) : null}
      </div>
      {open.length ? (
        <section className="space-y-3">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-500">{t('portal.packages')}</h2>
          {open.map((p) => (
            <PortalPackage key={p.id} pkg={p} />
          ))}
        </section>
      ) : null}
      {tl.photoComparison ? <PhotoCompare pair={tl.photoComparison} records={tl.records} /> : null}
      {tl.metrics?.length ? <MetricCharts series={tl.metrics} /> : null}
      <section className="space-y-3">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-500">{t('portal.visits')}</h2>
        {visits.length ? (
          visits.map((r) => <PortalVisit key={r.id} record={r} series={tl.metrics ?? []} />)
        ) : (
          <p className="rounded-2xl bg-white p-6 text-center text-sm text-zinc-500 shadow-card ring-1 ring-zinc-200">
            {t('portal.noVisits')}
          </p>
        )}
      </section>
    </div>
  );
}
