// Business-wide package settings: the refund fee, expiry reminders, next-session reminders and the booking
// link they carry.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Field } from '../../../components/Field.js';
import { Checkbox, Input, Switch } from '../../../components/Input.js';
import { Card } from '../../../components/Page.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useToast } from '../../../components/Toast.js';
import { fieldErrors } from '../../../http/problem.js';
import { useCan, useMe } from '../../auth/session.js';
import { centsToInput, parseMoney } from '../../catalog/money.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';
import { PACKAGES_KEY, saveSettings, settingsQuery } from '../api.js';
import type { PackageSettings } from '../types.js';

export function SettingsTab() {
  const can = useCan();
  const { t } = useTranslation();
  const settings = useQuery({ ...settingsQuery, enabled: can('packages.manage') });
  if (!can('packages.manage')) return <Navigate to="/packages/reports" replace />;
  if (settings.isPending) return <Loading label={t('common.loading')} />;
  if (settings.isError) return <ProblemAlert error={settings.error} />;
  return <SettingsForm key={settings.data.version} settings={settings.data.settings} version={settings.data.version} />;
}

/** "12.5" → 1250 basis points; null when not a percent from 0 to 100 with up to 2 decimals. */
export function parsePercentBp(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

function SettingsForm({ settings: s, version }: { settings: PackageSettings; version: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState(String(s.refundFee.percentBp / 100));
  const [fixed, setFixed] = useState(centsToInput(s.refundFee.fixed));
  const [sameDay, setSameDay] = useState(s.sameDayRefundFree);
  const [expiryOn, setExpiryOn] = useState(s.expiryNotices.enabled);
  const [expiryDays, setExpiryDays] = useState(s.expiryNotices.days.join(', '));
  const [nextOn, setNextOn] = useState(s.nextSession.enabled);
  const [lead, setLead] = useState(String(s.nextSession.leadDays));
  const [channels, setChannels] = useState(s.nextSession.channels);
  const [url, setUrl] = useState(s.bookingUrl ?? '');
  const [tried, setTried] = useState(false);

  const bp = parsePercentBp(percent);
  const fixedCents = parseMoney(fixed || '0');
  const days = expiryDays
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map(Number);
  const daysOk = days.length <= 4 && days.every((d) => Number.isInteger(d) && d >= 1 && d <= 365);
  const leadN = Number(lead);
  const leadOk = Number.isInteger(leadN) && leadN >= 0 && leadN <= 30;

  const save = useMutation({
    mutationFn: () =>
      saveSettings(
        {
          refundFee: { percentBp: bp!, fixed: fixedCents! },
          sameDayRefundFree: sameDay,
          expiryNotices: { enabled: expiryOn, days: [...new Set(days)].sort((a, b) => b - a) },
          nextSession: { enabled: nextOn, leadDays: leadN, channels: channels.length ? channels : ['sms'] },
          bookingUrl: url.trim() || null,
        },
        version,
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsQuery.queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
      toast(t('packages.settings.saved'));
    },
  });
  const server = fieldErrors(save.error, 'settings');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (bp === null || fixedCents === null || !daysOk || !leadOk || !channels.length) return;
    save.mutate();
  };
  const toggleChannel = (c: 'sms' | 'email', on: boolean) => setChannels(on ? [...channels, c] : channels.filter((x) => x !== c));

  return (
    <form onSubmit={submit} noValidate className="space-y-5" data-testid="settings-tab">
      <Card title={t('packages.settings.refundTitle')} description={t('packages.settings.refundHint')}>
        <div className="flex flex-wrap gap-4">
          <Field
            label={t('packages.settings.percent')}
            error={server['refundFee.percentBp'] ?? (tried && bp === null ? t('packages.settings.percentInvalid') : undefined)}
            className="w-36"
          >
            <div className="relative">
              <Input
                inputMode="decimal"
                value={percent}
                onChange={(e) => setPercent(e.target.value)}
                className="pr-8"
                data-testid="settings-percent"
              />
              <span className="pointer-events-none absolute right-3 top-1/2 -translate-y-1/2 text-zinc-500">%</span>
            </div>
          </Field>
          <Field
            label={t('packages.settings.fixed')}
            error={server['refundFee.fixed'] ?? (tried && fixedCents === null ? t('packages.editor.moneyInvalid') : undefined)}
            className="w-40"
          >
            <MoneyInput value={fixed} onChange={setFixed} currency={me.business.currency} data-testid="settings-fixed" />
          </Field>
        </div>
        <div className="mt-4">
          <Switch checked={sameDay} onChange={setSameDay} label={t('packages.settings.sameDay')} />
        </div>
      </Card>
      <Card title={t('packages.settings.expiryTitle')} description={t('packages.settings.expiryHint')}>
        <div className="space-y-4">
          <Switch checked={expiryOn} onChange={setExpiryOn} label={t('packages.settings.expiryOn')} />
          {expiryOn ? (
            <Field
              label={t('packages.settings.expiryDays')}
              hint={t('packages.settings.expiryDaysHint')}
              error={server['expiryNotices.days'] ?? (tried && !daysOk ? t('packages.settings.expiryDaysInvalid') : undefined)}
              className="max-w-xs"
            >
              <Input value={expiryDays} onChange={(e) => setExpiryDays(e.target.value)} data-testid="settings-expiry-days" />
            </Field>
          ) : null}
        </div>
      </Card>
      <Card title={t('packages.settings.nextTitle')} description={t('packages.settings.nextHint')}>
        <div className="space-y-4">
          <Switch checked={nextOn} onChange={setNextOn} label={t('packages.settings.nextOn')} />
          {nextOn ? (
            <>
              <Field
                label={t('packages.settings.lead')}
                error={
                  server['nextSession.leadDays'] ?? (tried && !leadOk ? t('packages.editor.errors.range', { min: 0, max: 30 }) : undefined)
                }
                className="w-44"
              >
                <Input inputMode="numeric" value={lead} onChange={(e) => setLead(e.target.value)} data-testid="settings-lead" />
              </Field>
              <div className="flex flex-wrap gap-6">
                <Checkbox
                  label={t('packages.settings.sms')}
                  checked={channels.includes('sms')}
                  onChange={(e) => toggleChannel('sms', e.target.checked)}
                />
                <Checkbox
                  label={t('packages.settings.email')}
                  checked={channels.includes('email')}
                  onChange={(e) => toggleChannel('email', e.target.checked)}
                />
              </div>
              {tried && !channels.length ? <p className="text-sm text-red-700">{t('packages.settings.channelRequired')}</p> : null}
            </>
          ) : null}
          <Field
            label={t('packages.settings.bookingUrl')}
            hint={t('packages.settings.bookingUrlHint')}
            optional={t('common.optional')}
            error={server.bookingUrl}
          >
            <Input
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder="https://lotus.example/book/{store}"
              data-testid="settings-url"
            />
          </Field>
        </div>
      </Card>
      <ProblemAlert error={save.error} />
      <div className="flex justify-end">
        <Button type="submit" variant="primary" loading={save.isPending} data-testid="settings-save">
          {t('common.saveChanges')}
        </Button>
      </div>
    </form>
  );
}
