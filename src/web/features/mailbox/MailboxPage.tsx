import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Icon } from '../../components/icons.js';
import { PageHeader } from '../../components/Page.js';
import { Alert, ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { api } from '../../http/client.js';
import type { MailboxMessage } from '../../http/types.js';
import { useFormat } from '../../lib/format.js';
import { Guard } from '../shell/Guard.js';
import { canReadMailbox } from '../shell/nav.js';

const mailboxQuery = {
  queryKey: ['dev-mailbox'],
  queryFn: () => api.get<{ data: MailboxMessage[] }>('/dev/mailbox').then((r) => r.data),
  refetchInterval: 5000,
};

export function MailboxPage() {
  return (
    <Guard allow={canReadMailbox}>
      <Mailbox />
    </Guard>
  );
}

/** Messages the development "log" adapter captured instead of sending them. */
function Mailbox() {
  const { t } = useTranslation();
  const format = useFormat();
  const messages = useQuery(mailboxQuery);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <div data-testid="mailbox-page">
      <PageHeader
        title={t('mailbox.title')}
        description={t('mailbox.description')}
        actions={
          <Button icon="refresh" onClick={() => void messages.refetch()} loading={messages.isFetching} data-testid="mailbox-refresh">
            {t('common.refresh')}
          </Button>
        }
      />
      <Alert tone="accent" className="mb-4" title={t('mailbox.devOnly')} />
      {messages.isPending ? (
        <Loading label={t('common.loading')} />
      ) : messages.isError ? (
        <ProblemAlert error={messages.error} />
      ) : messages.data.length === 0 ? (
        <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
          <EmptyState icon="mail" title={t('mailbox.emptyTitle')} description={t('mailbox.emptyBody')} testId="mailbox-empty" />
        </div>
      ) : (
        <ul
          className="divide-y divide-zinc-100 overflow-hidden rounded-xl bg-white shadow-card ring-1 ring-zinc-200"
          data-testid="mailbox-list"
        >
          {[...messages.data]
            .sort((a, b) => b.at.localeCompare(a.at))
            .map((m) => {
              const open = openId === m.id;
              return (
                <li key={m.id} data-testid="mailbox-message">
                  <button
                    type="button"
                    onClick={() => setOpenId(open ? null : m.id)}
                    aria-expanded={open}
                    className="flex w-full items-center gap-4 px-5 py-3.5 text-left transition-colors hover:bg-zinc-50"
                  >
                    <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-zinc-600">
                      <Icon name={m.channel === 'sms' ? 'message' : 'mail'} className="size-4" />
                    </span>
                    <div className="min-w-0 flex-1">
                      <p className="truncate text-sm font-medium text-zinc-900">{m.subject || m.body.slice(0, 80)}</p>
                      <p className="truncate text-xs text-zinc-500">{t('mailbox.to', { to: m.to })}</p>
                    </div>
                    <Badge tone={m.channel === 'sms' ? 'info' : 'neutral'}>{t(`mailbox.channel.${m.channel}`)}</Badge>
                    <span className="hidden whitespace-nowrap text-xs text-zinc-500 sm:block">{format.dateTime(m.at)}</span>
                    <Icon name="chevronDown" className={cx('size-4 text-zinc-400 transition-transform', open && 'rotate-180')} />
                  </button>
                  {open ? <MessageBody body={m.body} /> : null}
                  {open && m.attachments.length ? <Attachments items={m.attachments} /> : null}
                </li>
              );
            })}
        </ul>
      )}
    </div>
  );
}

const looksLikeHtml = (body: string) => /<(html|body|p|div|table|br)\b/i.test(body);

function MessageBody({ body }: { body: string }) {
  const { t } = useTranslation();
  if (looksLikeHtml(body)) {
    // Rendered in a fully sandboxed frame: no scripts, no access to this page.
    return (
      <div className="border-t border-zinc-100 bg-zinc-50 p-4">
        <iframe title={t('mailbox.preview')} sandbox="" srcDoc={body} className="h-96 w-full rounded-lg bg-white ring-1 ring-zinc-200" />
      </div>
    );
  }
  return (
    <pre className="whitespace-pre-wrap break-words border-t border-zinc-100 bg-zinc-50 px-5 py-4 font-sans text-sm text-zinc-700">
      {body}
    </pre>
  );
}

/** Files the message carried (e.g. a calendar invitation): download links, never rendered here. */
function Attachments({ items }: { items: MailboxMessage['attachments'] }) {
  const { t } = useTranslation();
  const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`);
  return (
    <div className="border-t border-zinc-100 bg-zinc-50 px-5 py-3" data-testid="mailbox-attachments">
      <p className="mb-1.5 text-xs font-medium text-zinc-500">{t('mailbox.attachments')}</p>
      <ul className="flex flex-wrap gap-2">
        {items.map((a) => (
          <li key={a.url}>
            <a
              href={a.url}
              download={a.filename}
              className="inline-flex items-center gap-1.5 rounded-lg bg-white px-2.5 py-1.5 text-sm text-orchid-700 ring-1 ring-zinc-200 hover:bg-zinc-100"
            >
              <Icon name="calendar" className="size-4" />
              {t('mailbox.download', { name: a.filename, size: size(a.size) })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
