import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/Dialog.js';
import { Field } from '../../components/Field.js';
import { Input } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { useToast } from '../../components/Toast.js';
import { useFormat } from '../../lib/format.js';
import { CopyButton } from '../tokens/CopyButton.js';
import { calendarFeedQuery, feedAddress, rotateCalendarFeed } from './api.js';

/**
 * A staff member's private calendar feed: the address to subscribe to, a copy button, and a way to make a
 * new address when the old one leaked. `name` is set when a manager looks at someone else's.
 */
export function CalendarFeedSection({ staffId, name }: { staffId: string; name?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const feed = useQuery(calendarFeedQuery(staffId));
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation({
    mutationFn: () => rotateCalendarFeed(staffId),
    onSuccess: (fresh) => {
      queryClient.setQueryData(calendarFeedQuery(staffId).queryKey, fresh);
      setConfirming(false);
      toast(t('account.feed.rotated'));
    },
  });
  return (
    <section className="space-y-3" data-testid="calendar-feed">
      <div>
        <h3 className="text-base font-semibold text-zinc-900">{t('account.feed.title')}</h3>
        <p className="mt-0.5 text-sm text-zinc-500">
          {name ? t('account.feed.staffDescription', { name }) : t('account.feed.description')}
        </p>
      </div>
      {feed.isPending ? (
        <Loading label={t('common.loading')} />
      ) : feed.isError ? (
        <ProblemAlert error={feed.error} />
      ) : (
        <>
          <Field label={t('account.feed.address')} hint={t('account.feed.secret')}>
            <Input
              readOnly
              value={feedAddress(feed.data, window.location.origin)}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="calendar-feed-url"
            />
          </Field>
          <div className="flex flex-wrap items-center gap-2">
            <CopyButton text={feedAddress(feed.data, window.location.origin)} testId="calendar-feed-copy" />
            <Button variant="danger-ghost" icon="refresh" onClick={() => setConfirming(true)} data-testid="calendar-feed-rotate">
              {t('account.feed.rotate')}
            </Button>
            <span className="text-xs text-zinc-500">
              {t('account.feed.lastRotated', { date: format.dateTime(feed.data.rotatedAt ?? feed.data.createdAt) })}
            </span>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => rotate.mutate()}
        title={t('account.feed.rotateTitle')}
        body={t('account.feed.rotateBody')}
        confirmLabel={t('account.feed.rotate')}
        loading={rotate.isPending}
        error={rotate.error ? <ProblemAlert error={rotate.error} /> : null}
        testId="calendar-feed-rotate-dialog"
      />
    </section>
  );
}
