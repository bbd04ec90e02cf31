import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { Icon } from '../../../components/icons.js';
import { Card } from '../../../components/Page.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../../components/Table.js';
import { useToast } from '../../../components/Toast.js';
import { useFormat } from '../../../lib/format.js';
import { useCan } from '../../auth/session.js';
import { staffQuery } from '../../staff/api.js';
import { clientQuery, consentQuery, recordConsent } from '../api.js';
import { CONSENT_WORDING_VERSION } from '../form.js';
import type { Client, ConsentChannel, ConsentState } from '../types.js';

/** Marketing consent for SMS and email: the current answer, how to change it, and every answer ever given. */
export function ConsentTab({ client }: { client: Client }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const consent = useQuery(consentQuery(client.id));
  const staff = useQuery(staffQuery({ includeArchived: true }));
  const [asking, setAsking] = useState<ConsentChannel | null>(null);

  const record = useMutation({
    mutationFn: (v: { channel: ConsentChannel; granted: boolean }) =>
      recordConsent(client.id, { ...v, ...(v.granted ? { wordingVersion: CONSENT_WORDING_VERSION } : {}) }),
    onSuccess: (view, v) => {
      queryClient.setQueryData(consentQuery(client.id).queryKey, view);
      void queryClient.invalidateQueries({ queryKey: clientQuery(client.id).queryKey });
      toast(t(v.granted ? 'clients.consent.optedIn' : 'clients.consent.optedOut', { channel: t(`clients.consent.channel.${v.channel}`) }));
      setAsking(null);
    },
  });

  if (consent.isPending) return <Loading label={t('common.loading')} />;
  if (consent.isError) return <ProblemAlert error={consent.error} />;
  const view = consent.data;
  const actor = (id: string | null) => {
    const s = id ? staff.data?.data.find((x) => x.id === id) : undefined;
    return s ? s.displayName || s.name : null;
  };
  const frozen = !!client.mergedIntoId;

  return (
    <div className="space-y-6" data-testid="client-consent">
      {record.error && !asking ? <ProblemAlert error={record.error} /> : null}
      <div className="grid gap-6 md:grid-cols-2">
        {(['sms', 'email'] as const).map((channel) => (
          <ChannelCard
            key={channel}
            channel={channel}
            state={view[channel]}
            disabledReason={
              channel === 'sms' ? (client.phone ? null : t('clients.consent.noPhone')) : client.email ? null : t('clients.consent.noEmail')
            }
            onOptIn={can('clients.write') && !frozen ? () => setAsking(channel) : undefined}
            onOptOut={frozen ? undefined : () => record.mutate({ channel, granted: false })}
            busy={record.isPending && record.variables?.channel === channel && !record.variables.granted}
          />
        ))}
      </div>

      <Card title={t('clients.consent.history')} description={t('clients.consent.historyHint')} bodyClassName="p-0">
        {view.history.length === 0 ? (
          <p className="px-5 py-6 text-sm text-zinc-500">{t('clients.consent.noHistory')}</p>
        ) : (
          <div className="[&>div]:rounded-none [&>div]:shadow-none [&>div]:ring-0">
            <Table data-testid="client-consent-history">
              <THead>
                <tr>
                  <Th>{t('clients.consent.when')}</Th>
                  <Th>{t('clients.consent.channelLabel')}</Th>
                  <Th>{t('clients.consent.answer')}</Th>
                  <Th>{t('clients.consent.source')}</Th>
                  <Th className="hidden sm:table-cell">{t('clients.consent.wording')}</Th>
                  <Th className="hidden md:table-cell">{t('clients.consent.by')}</Th>
                </tr>
              </THead>
              <tbody>
                {view.history.map((h) => (
                  <Tr key={h.id}>
                    <Td className="whitespace-nowrap">{format.dateTime(h.at)}</Td>
                    <Td>{t(`clients.consent.channel.${h.channel}`)}</Td>
                    <Td>
                      <Badge tone={h.granted ? 'success' : 'neutral'}>
                        {h.granted ? t('clients.consent.in') : t('clients.consent.out')}
                      </Badge>
                    </Td>
                    <Td>{t(`clients.consent.sources.${h.source}`)}</Td>
                    <Td className="hidden font-mono text-xs sm:table-cell">{h.wordingVersion ?? '—'}</Td>
                    <Td className="hidden md:table-cell">{actor(h.actorId) ?? '—'}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </Card>

      <Dialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t('clients.consent.askTitle', { channel: t(`clients.consent.channel.${asking}`) }) : ''}
        icon="message"
        testId="consent-dialog"
        footer={
          <>
            <Button onClick={() => setAsking(null)}>{t('common.cancel')}</Button>
            <Button
              variant="primary"
              loading={record.isPending}
              onClick={() => asking && record.mutate({ channel: asking, granted: true })}
              data-testid="consent-confirm"
            >
              {t('clients.consent.agreed')}
            </Button>
          </>
        }
      >
        <p>{t('clients.consent.readAloud')}</p>
        <blockquote className="mt-3 rounded-lg bg-zinc-50 px-4 py-3 text-zinc-800 ring-1 ring-inset ring-zinc-200">
          {asking === 'email' ? t('clients.consent.emailWording') : t('clients.consent.smsWording')}
        </blockquote>
        <p className="mt-2 text-xs text-zinc-500">{t('clients.consent.wordingVersion', { version: CONSENT_WORDING_VERSION })}</p>
        {record.error ? <ProblemAlert error={record.error} className="mt-3" /> : null}
      </Dialog>
    </div>
  );
}

function ChannelCard({
  channel,
  state,
  disabledReason,
  onOptIn,
  onOptOut,
  busy,
}: {
  channel: ConsentChannel;
  state: ConsentState | null;
  disabledReason: string | null;
  onOptIn: (() => void) | undefined;
  onOptOut: (() => void) | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const granted = state?.granted === true;
  return (
    <Card testId={`consent-${channel}`}>
      <div className="flex items-start justify-between gap-4">
        <div className="flex items-center gap-3">
          <div className="flex size-10 items-center justify-center rounded-full bg-orchid-50 text-orchid-700 ring-1 ring-orchid-100">
            <Icon name={channel === 'sms' ? 'message' : 'mail'} className="size-5" />
          </div>
          <div>
            <h3 className="font-semibold text-zinc-900">{t(`clients.consent.channelTitle.${channel}`)}</h3>
            <p className="mt-0.5">
              {state === null ? (
                <Badge>{t('clients.consent.notAsked')}</Badge>
              ) : granted ? (
                <Badge tone="success">
                  <Icon name="check" className="size-3" />
                  {t('clients.consent.subscribed')}
                </Badge>
              ) : (
                <Badge tone="warning">{t('clients.consent.unsubscribed')}</Badge>
              )}
            </p>
          </div>
        </div>
        {granted ? (
          onOptOut ? (
            <Button size="sm" variant="danger-ghost" onClick={onOptOut} loading={busy} data-testid={`consent-${channel}-out`}>
              {t('clients.consent.optOut')}
            </Button>
          ) : null
        ) : onOptIn ? (
          <Button
            size="sm"
            onClick={onOptIn}
            disabled={!!disabledReason}
            title={disabledReason ?? undefined}
            data-testid={`consent-${channel}-in`}
          >
            {t('clients.consent.optIn')}
          </Button>
        ) : null}
      </div>
      {state ? (
        <p className="mt-4 text-sm text-zinc-600">
          {t('clients.consent.since', {
            date: format.dateTime(state.at),
            source: t(`clients.consent.sources.${state.source}`),
          })}
          {state.wordingVersion ? (
            <span className="text-zinc-400"> · {t('clients.consent.wordingShort', { version: state.wordingVersion })}</span>
          ) : null}
        </p>
      ) : (
        <p className="mt-4 text-sm text-zinc-500">{disabledReason ?? t('clients.consent.notAskedHint')}</p>
      )}
    </Card>
  );
}
