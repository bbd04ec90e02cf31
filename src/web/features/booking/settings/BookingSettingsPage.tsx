// A store's booking rules: online booking on or off and for whom, lead time and horizon, the time grid,
// how "anyone" is chosen, the cancellation window and fees, deposits, reminders.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { EmptyState } from '../../../components/EmptyState.js';
import { Field } from '../../../components/Field.js';
import { Input, Select, Switch } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { Card, PageHeader } from '../../../components/Page.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useToast } from '../../../components/Toast.js';
import { fieldErrors, isApiError } from '../../../http/problem.js';
import type { StoreSummary } from '../../../http/types.js';
import { useCan } from '../../auth/session.js';
import { centsToInput, parseMoney } from '../../catalog/money.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { bookingSettingsQuery, saveBookingSettings } from '../api.js';
import { ANY_STAFF_STRATEGIES, type BookingSettings, type FeePolicy } from '../types.js';
import { type FeeDraft, FeeField } from './FeeField.js';

const NOTICE = [0, 15, 30, 60, 120, 180, 240, 720, 1440, 2880];
const STEPS = [5, 10, 15, 20, 30, 60];

type Draft = Omit<BookingSettings, 'lateCancelFee' | 'noShowFee' | 'depositPolicy'> & {
  lateCancelFee: FeeDraft;
  noShowFee: FeeDraft;
  cardOnFileRequired: boolean;
  deposit: string;
};

const toFee = (p: FeePolicy): FeeDraft => ({
  kind: p.kind,
  amount: p.kind === 'fixed' ? centsToInput(p.amount) : '',
  percent: p.kind === 'percent' ? String(p.percent) : '',
});

function fromFee(d: FeeDraft): FeePolicy | null {
  if (d.kind === 'none') return { kind: 'none' };
  if (d.kind === 'fixed') {
    const cents = parseMoney(d.amount);
    return cents === null ? null : { kind: 'fixed', amount: cents };
  }
  const n = Number(d.percent);
  return d.percent.trim() && Number.isInteger(n) && n >= 0 && n <= 100 ? { kind: 'percent', percent: n } : null;
}

const toDraft = (s: BookingSettings): Draft => ({
  ...s,
  lateCancelFee: toFee(s.lateCancelFee),
  noShowFee: toFee(s.noShowFee),
  cardOnFileRequired: s.depositPolicy.cardOnFileRequired,
  deposit: centsToInput(s.depositPolicy.depositAmount),
});

export function BookingSettingsPage() {
  const { t } = useTranslation();
  const { store } = useCurrentStore();
  if (!store) return <EmptyState icon="store" title={t('calendar.noStore')} className="py-24" />;
  return <StoreSettings key={store.id} store={store} />;
}

function StoreSettings({ store }: { store: StoreSummary }) {
  const { t } = useTranslation();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const q = useQuery(bookingSettingsQuery(store.id));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (q.data && !draft) setDraft(toDraft(q.data));
  }, [q.data, draft]);
  const save = useMutation({
    mutationFn: (body: Parameters<typeof saveBookingSettings>[0]) => saveBookingSettings(body),
    onSuccess: (saved) => {
      queryClient.setQueryData(bookingSettingsQuery(store.id).queryKey, saved);
      setDraft(toDraft(saved));
      toast(t('booking.settings.saved'));
    },
  });
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!draft) return <Loading label={t('common.loading')} />;
  const readOnly = !can('stores.write');
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft({ ...draft, [k]: v });
  const errors = fieldErrors(save.error);
  const stale = isApiError(save.error) && save.error.code === 'stale_version';
  const link = `${window.location.origin}/book/${store.slug}`;

  const submit = () => {
    const late = fromFee(draft.lateCancelFee);
    const noShow = fromFee(draft.noShowFee);
    const deposit = draft.deposit.trim() ? parseMoney(draft.deposit) : 0;
    const bad = { lateCancelFee: !late, noShowFee: !noShow, deposit: deposit === null };
    setInvalid(bad);
    if (!late || !noShow || deposit === null) return;
    const { lateCancelFee: _l, noShowFee: _n, cardOnFileRequired, deposit: _d, storeId: _s, version, ...rest } = draft;
    save.mutate({
      ...rest,
      storeId: store.id,
      version,
      lateCancelFee: late,
      noShowFee: noShow,
      depositPolicy: { cardOnFileRequired, depositAmount: deposit },
    });
  };

  const num = (v: string, fallback: number) => (v.trim() === '' || Number.isNaN(Number(v)) ? fallback : Math.round(Number(v)));
  const noticeLabel = (m: number) =>
    m === 0
      ? t('booking.settings.noNotice')
      : m < 60
        ? t('booking.settings.minutes', { count: m })
        : t('booking.settings.hours', { count: m / 60 });

  return (
    <div data-testid="booking-settings-page" className="space-y-6">
      <PageHeader
        title={t('booking.settings.title')}
        description={t('booking.settings.description', { store: store.name })}
        actions={
          readOnly ? null : (
            <Button variant="primary" loading={save.isPending} onClick={submit} data-testid="booking-settings-save">
              {t('common.saveChanges')}
            </Button>
          )
        }
      />
      {save.error ? (
        <ProblemAlert
          error={save.error}
          action={
            stale ? (
              <Button
                size="sm"
                icon="refresh"
                onClick={() => {
                  setDraft(null);
                  save.reset();
                  void q.refetch();
                }}
              >
                {t('common.reload')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <fieldset disabled={readOnly} className="space-y-6">
        <Card title={t('booking.settings.online')} description={t('booking.settings.onlineHint')}>
          <div className="space-y-4">
            <div>
              <Switch
                checked={draft.onlineEnabled}
                onChange={(v) => set('onlineEnabled', v)}
                label={t('booking.settings.onlineEnabled')}
                data-testid="booking-online-enabled"
              />
            </div>
            <div>
              <Switch
                checked={draft.newClientsAllowed}
                onChange={(v) => set('newClientsAllowed', v)}
                label={t('booking.settings.newClients')}
              />
            </div>
            <div className="flex flex-wrap items-center gap-2 rounded-xl bg-zinc-50 px-3 py-2 text-sm ring-1 ring-zinc-200">
              <Icon name="globe" className="size-4 text-zinc-500" />
              <a
                href={link}
                target="_blank"
                rel="noreferrer"
                className="min-w-0 flex-1 truncate font-medium text-orchid-700 hover:underline"
                data-testid="booking-public-link"
              >
                {link}
              </a>
              <Button
                size="sm"
                icon="copy"
                type="button"
                onClick={() => void navigator.clipboard?.writeText(link).then(() => toast(t('booking.copied')))}
              >
                {t('booking.copy')}
              </Button>
            </div>
          </div>
        </Card>

        <Card title={t('booking.settings.timing')}>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label={t('booking.settings.notice')} hint={t('booking.settings.noticeHint')} error={errors.noticeMin}>
              <Select value={String(draft.noticeMin)} onChange={(e) => set('noticeMin', Number(e.target.value))}>
                {[...new Set([...NOTICE, draft.noticeMin])]
                  .sort((a, b) => a - b)
                  .map((m) => (
                    <option key={m} value={m}>
                      {noticeLabel(m)}
                    </option>
                  ))}
              </Select>
            </Field>
            <Field label={t('booking.settings.horizon')} hint={t('booking.settings.horizonHint')} error={errors.horizonDays}>
              <Input
                type="number"
                min={0}
                max={365}
                value={draft.horizonDays}
                onChange={(e) => set('horizonDays', num(e.target.value, 0))}
              />
            </Field>
            <Field label={t('booking.settings.step')} hint={t('booking.settings.stepHint')} error={errors.slotStepMin}>
              <Select value={String(draft.slotStepMin)} onChange={(e) => set('slotStepMin', Number(e.target.value))}>
                {[...new Set([...STEPS, draft.slotStepMin])]
                  .sort((a, b) => a - b)
                  .map((m) => (
                    <option key={m} value={m}>
                      {t('booking.settings.minutes', { count: m })}
                    </option>
                  ))}
              </Select>
            </Field>
          </div>
        </Card>

        <Card title={t('booking.settings.anyone')}>
          <div className="space-y-4">
            <Field label={t('booking.settings.strategy')} error={errors.anyStaffStrategy}>
              <Select
                value={draft.anyStaffStrategy}
                onChange={(e) => set('anyStaffStrategy', e.target.value as Draft['anyStaffStrategy'])}
                className="max-w-md"
              >
                {ANY_STAFF_STRATEGIES.map((s) => (
                  <option key={s} value={s}>
                    {t(`booking.settings.strategies.${s}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <div>
              <Switch
                checked={draft.allowProcessingOverlap}
                onChange={(v) => set('allowProcessingOverlap', v)}
                label={t('booking.settings.processingOverlap')}
              />
            </div>
          </div>
        </Card>

        <Card title={t('booking.settings.cancellations')}>
          <div className="grid gap-4 lg:grid-cols-2">
            <Field label={t('booking.settings.window')} hint={t('booking.settings.windowHint')} error={errors.cancellationWindowHours}>
              <Input
                type="number"
                min={0}
                max={336}
                value={draft.cancellationWindowHours}
                onChange={(e) => set('cancellationWindowHours', num(e.target.value, 0))}
                className="w-32"
              />
            </Field>
            <div />
            <FeeField
              label={t('booking.settings.lateFee')}
              value={draft.lateCancelFee}
              currency={store.currency}
              error={invalid.lateCancelFee ? t('booking.settings.feeInvalid') : errors.lateCancelFee}
              onChange={(v) => set('lateCancelFee', v)}
              testId="booking-late-fee"
            />
            <FeeField
              label={t('booking.settings.noShowFee')}
              value={draft.noShowFee}
              currency={store.currency}
              error={invalid.noShowFee ? t('booking.settings.feeInvalid') : errors.noShowFee}
              onChange={(v) => set('noShowFee', v)}
              testId="booking-no-show-fee"
            />
            <div>
              <Switch
                checked={draft.cardOnFileRequired}
                onChange={(v) => set('cardOnFileRequired', v)}
                label={t('booking.settings.cardOnFile')}
              />
            </div>
            <Field
              label={t('booking.settings.deposit')}
              hint={t('booking.settings.depositHint')}
              error={invalid.deposit ? t('booking.settings.feeInvalid') : errors['depositPolicy.depositAmount']}
            >
              <MoneyInput value={draft.deposit} onChange={(v) => set('deposit', v)} currency={store.currency} className="w-36" />
            </Field>
          </div>
        </Card>

        <Card title={t('booking.settings.reminders')}>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label={t('booking.settings.reminderHours')} hint={t('booking.settings.reminderHint')} error={errors.reminderHoursBefore}>
              <Input
                type="number"
                min={0}
                max={168}
                value={draft.reminderHoursBefore}
                onChange={(e) => set('reminderHoursBefore', num(e.target.value, 0))}
                className="w-32"
                data-testid="booking-reminder-hours"
              />
            </Field>
            <Field label={t('booking.settings.quietFrom')} error={errors['smsQuietHours.start']}>
              <Input
                type="time"
                value={draft.smsQuietHours.start}
                onChange={(e) => set('smsQuietHours', { ...draft.smsQuietHours, start: e.target.value })}
              />
            </Field>
            <Field label={t('booking.settings.quietTo')} hint={t('booking.settings.quietHint')} error={errors['smsQuietHours.end']}>
              <Input
                type="time"
                value={draft.smsQuietHours.end}
                onChange={(e) => set('smsQuietHours', { ...draft.smsQuietHours, end: e.target.value })}
              />
            </Field>
            <Field label={t('booking.settings.smsCap')} hint={t('booking.settings.smsCapHint')} error={errors.smsPerClientPerDay}>
              <Input
                type="number"
                min={0}
                max={50}
                value={draft.smsPerClientPerDay}
                onChange={(e) => set('smsPerClientPerDay', num(e.target.value, 0))}
                className="w-32"
                data-testid="booking-sms-cap"
              />
            </Field>
          </div>
        </Card>
      </fieldset>
    </div>
  );
}
